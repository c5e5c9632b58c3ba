import Foundation
import GRDB

extension ResultsStore {
  /// Stores a re-ranking pass; a pass already stored for the same experiment, question, strategy
  /// and passages is replaced (a resumed run re-scores only lists whose trials are missing).
  public func recordRerank(_ pass: RerankPassRecord) throws {
    try write { db in
      try db.execute(
        sql: """
          INSERT OR REPLACE INTO rerankPass
            (experimentId, questionId, strategy, passageIdsJSON, scoresJSON, promptTokens, seconds)
          VALUES (?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          pass.experimentId, pass.questionId, pass.strategy, pass.passageIdsJSON, pass.scoresJSON,
          pass.promptTokens, pass.seconds,
        ])
    }
  }

  /// The stored pass of `strategy` over exactly these passages for a question, if any.
  public func rerankPass(
    experimentId: Int64, questionId: String, strategy: String, passageIdsJSON: String
  ) throws -> RerankPassRecord? {
    try database.writer.read { db in
      try RerankPassRecord.fetchOne(
        db,
        sql: """
          SELECT * FROM rerankPass
          WHERE experimentId = ? AND questionId = ? AND strategy = ? AND passageIdsJSON = ?
          """,
        arguments: [experimentId, questionId, strategy, passageIdsJSON])
    }
  }

  /// Every stored pass of an experiment, by question, strategy and passages.
  public func rerankPasses(experimentId: Int64) throws -> [RerankPassRecord] {
    try database.writer.read { db in
      try RerankPassRecord.fetchAll(
        db,
        sql: """
          SELECT * FROM rerankPass WHERE experimentId = ?
          ORDER BY questionId, strategy, passageIdsJSON
          """,
        arguments: [experimentId])
    }
  }

  /// The passes, prompt tokens and seconds of each model strategy of an experiment, by name.
  public func rerankCost(experimentId: Int64) throws -> [RerankCostRecord] {
    try database.writer.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT strategy, COUNT(*) AS passes, SUM(promptTokens) AS tokens, SUM(seconds) AS seconds
          FROM rerankPass WHERE experimentId = ? GROUP BY strategy ORDER BY strategy
          """,
        arguments: [experimentId]
      ).map {
        RerankCostRecord(
          strategy: $0["strategy"], passes: $0["passes"], promptTokens: $0["tokens"],
          seconds: $0["seconds"])
      }
    }
  }
}

extension ResultsStore {
  /// Trials of an experiment generated (not read from the generation cache), their prompt tokens
  /// and their prefill + generation seconds: what answering cost, beside the re-ranking passes.
  public func answeringCost(experimentId: Int64) throws -> (
    trials: Int, promptTokens: Int, seconds: Double
  ) {
    try database.writer.read { db in
      let row = try Row.fetchOne(
        db,
        sql: """
          SELECT COUNT(*) AS n, COALESCE(SUM(promptTokenCount), 0) AS tokens,
                 COALESCE(SUM(prefillSeconds + generateSeconds), 0) AS seconds
          FROM trial WHERE experimentId = ? AND fromCache = 0
          """,
        arguments: [experimentId])
      return (row?["n"] ?? 0, row?["tokens"] ?? 0, row?["seconds"] ?? 0)
    }
  }
}
