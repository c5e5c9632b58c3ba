import Foundation
import GRDB

/// The results tables behind a small API: the runner writes trials one transaction each, reports read them.
public struct ResultsStore: Sendable {
  /// The database holding the results.
  public let database: LabDatabase

  /// Wraps `database`.
  public init(database: LabDatabase) {
    self.database = database
  }

  // MARK: Writing (runner)

  /// Returns the experiment with the same spec hash, model and data checksum (resuming it), or
  /// inserts `draft` as a new experiment.
  /// - Returns: the stored record and whether it already existed.
  public func beginExperiment(_ draft: ExperimentRecord) throws -> (
    experiment: ExperimentRecord, resumed: Bool
  ) {
    try write { db in
      if let existing =
        try ExperimentRecord
        .filter(
          Column("specHash") == draft.specHash && Column("modelSHA256") == draft.modelSHA256
            && Column("dataChecksum") == draft.dataChecksum
        )
        .fetchOne(db)
      {
        return (existing, true)
      }
      var record = draft
      try record.insert(db)
      return (record, false)
    }
  }

  /// Returns the condition of `experimentId` with these keys, inserting it if new.
  public func condition(experimentId: Int64, keysJSON: String, position: Int) throws
    -> ConditionRecord
  {
    try write { db in
      if let existing =
        try ConditionRecord
        .filter(Column("experimentId") == experimentId && Column("keysJSON") == keysJSON).fetchOne(
          db)
      {
        return existing
      }
      var record = ConditionRecord(
        experimentId: experimentId, keysJSON: keysJSON, position: position)
      try record.insert(db)
      return record
    }
  }

  /// Ids of the questions already done under `conditionId`: answered, or skipped by the module.
  public func completedQuestionIds(conditionId: Int64) throws -> Set<String> {
    try database.writer.read { db in
      Set(
        try String.fetchAll(
          db,
          sql: """
            SELECT questionId FROM trial WHERE conditionId = ?
            UNION SELECT questionId FROM skip WHERE conditionId = ?
            """,
          arguments: [conditionId, conditionId]))
    }
  }

  /// Stores one trial (and its generation, attention and hidden-state rows, if given) in one
  /// transaction; a trial already present for the same condition and question is left as it is,
  /// and so are its rows. The `trialId` of each `attention` and `hidden` row is set to the new
  /// trial's id. A failure stored for the same condition and question is removed.
  /// - Returns: true when the trial was new.
  @discardableResult
  public func record(
    _ trial: TrialRecord, caching generation: GenerationCacheRecord? = nil,
    attention: [AttentionMassRecord] = [], hidden: [HiddenStateRecord] = []
  ) throws -> Bool {
    try write { db in
      if let generation { try generation.insert(db, onConflict: .ignore) }
      var row = trial
      try row.insert(db, onConflict: .ignore)
      guard db.changesCount > 0 else { return false }
      let trialId = row.id ?? db.lastInsertedRowID
      try TrialFailureRecord.clear(db, conditionId: trial.conditionId, questionId: trial.questionId)
      for var mass in attention {
        mass.trialId = trialId
        try mass.insert(db)
      }
      for var state in hidden {
        state.trialId = trialId
        try state.insert(db)
      }
      return true
    }
  }

  /// The cached generation for this generator identity key, prompt and decoding parameters, if any.
  public func cachedGeneration(generatorKey: String, promptHash: String, decodingHash: String)
    throws -> GenerationCacheRecord?
  {
    try database.writer.read { db in
      try GenerationCacheRecord.fetchOne(
        db,
        key: ["generatorKey": generatorKey, "promptHash": promptHash, "decodingHash": decodingHash]
      )
    }
  }

  /// Marks the experiment finished now.
  public func finish(experimentId: Int64, at date: Date = Date()) throws {
    try write { db in
      try db.execute(
        sql: "UPDATE experiment SET finishedAt = ? WHERE id = ?", arguments: [date, experimentId])
    }
  }

  // MARK: Reading (reports)

  /// Every experiment, newest first.
  public func experiments() throws -> [ExperimentRecord] {
    try database.writer.read { db in try ExperimentRecord.order(Column("id").desc).fetchAll(db) }
  }

  /// Experiments named `name`, newest first.
  public func experiments(named name: String) throws -> [ExperimentRecord] {
    try database.writer.read { db in
      try ExperimentRecord.filter(Column("name") == name).order(Column("id").desc).fetchAll(db)
    }
  }

  /// The most recently started experiment named `name`.
  public func latestExperiment(named name: String) throws -> ExperimentRecord? {
    try experiments(named: name).first
  }

  /// The conditions of an experiment in display order.
  public func conditions(experimentId: Int64) throws -> [ConditionRecord] {
    try database.writer.read { db in
      try ConditionRecord.filter(Column("experimentId") == experimentId).order(Column("position"))
        .fetchAll(db)
    }
  }

  /// The trials of one condition, by question id.
  public func trials(conditionId: Int64) throws -> [TrialRecord] {
    try database.writer.read { db in
      try TrialRecord.filter(Column("conditionId") == conditionId).order(Column("questionId"))
        .fetchAll(db)
    }
  }

  /// The trials of one question across all conditions of an experiment.
  public func trials(experimentId: Int64, questionId: String) throws -> [TrialRecord] {
    try database.writer.read { db in
      try TrialRecord.filter(
        Column("experimentId") == experimentId && Column("questionId") == questionId
      )
      .order(Column("conditionId")).fetchAll(db)
    }
  }

  /// Number of trials stored for an experiment.
  public func trialCount(experimentId: Int64) throws -> Int {
    try database.writer.read { db in
      try TrialRecord.filter(Column("experimentId") == experimentId).fetchCount(db)
    }
  }

  /// Runs `body` in a write transaction, turning SQLite errors into `StoreError`s that name the file.
  func write<T>(_ body: (Database) throws -> T) throws -> T {
    do {
      return try database.writer.write(body)
    } catch let error as DatabaseError {
      throw StoreError(path: database.path, message: StoreError.explain(error))
    }
  }
}
