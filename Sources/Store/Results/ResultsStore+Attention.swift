import GRDB

extension ResultsStore {
  /// The attention rows of one trial, by slot then quarter.
  public func attention(trialId: Int64) throws -> [AttentionMassRecord] {
    try database.writer.read { db in
      try AttentionMassRecord.filter(Column("trialId") == trialId)
        .order(Column("slot"), Column("quarter")).fetchAll(db)
    }
  }

  /// Every attention row of an experiment's trials, by trial, slot and quarter.
  public func attention(experimentId: Int64) throws -> [AttentionMassRecord] {
    try database.writer.read { db in
      try AttentionMassRecord.fetchAll(
        db,
        sql: """
          SELECT a.* FROM attentionMass a JOIN trial t ON t.id = a.trialId
          WHERE t.experimentId = ? ORDER BY a.trialId, a.slot, a.quarter
          """,
        arguments: [experimentId])
    }
  }

  /// Number of an experiment's trials that have attention rows.
  public func attentionTrialCount(experimentId: Int64) throws -> Int {
    try database.writer.read { db in
      try Int.fetchOne(
        db,
        sql: """
          SELECT COUNT(DISTINCT a.trialId) FROM attentionMass a JOIN trial t ON t.id = a.trialId
          WHERE t.experimentId = ?
          """,
        arguments: [experimentId]) ?? 0
    }
  }
}
