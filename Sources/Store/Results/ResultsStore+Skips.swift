import Foundation
import GRDB

extension ResultsStore {
  /// Stores that `questionId` was skipped under `conditionId` (a module could not serve it) with
  /// the reason; a skip already stored is left as it is.
  public func recordSkip(
    experimentId: Int64, conditionId: Int64, questionId: String, reason: String
  ) throws {
    try write { db in
      try db.execute(
        sql: """
          INSERT OR IGNORE INTO skip (experimentId, conditionId, questionId, reason)
          VALUES (?, ?, ?, ?)
          """,
        arguments: [experimentId, conditionId, questionId, reason])
    }
  }

  /// Number of skips stored for an experiment.
  public func skipCount(experimentId: Int64) throws -> Int {
    try database.writer.read { db in
      try Int.fetchOne(
        db, sql: "SELECT COUNT(*) FROM skip WHERE experimentId = ?", arguments: [experimentId]) ?? 0
    }
  }

  /// Skip reasons of an experiment with how often each occurred, most frequent first.
  public func skipReasons(experimentId: Int64) throws -> [(reason: String, count: Int)] {
    try reasonCounts(table: .skip, experimentId: experimentId)
  }

  /// A table of (question, condition) pairs left without a trial, each row with a `reason`.
  enum ReasonTable: String {
    /// Pairs a module skipped.
    case skip
    /// Trials whose requests kept failing.
    case trialFailure
  }

  /// The reasons of `table`'s rows for an experiment with how many rows give each, most frequent
  /// first (ties by reason).
  func reasonCounts(table: ReasonTable, experimentId: Int64) throws -> [(
    reason: String, count: Int
  )] {
    try database.writer.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT reason, COUNT(*) AS n FROM \(table.rawValue) WHERE experimentId = ?
          GROUP BY reason ORDER BY n DESC, reason
          """,
        arguments: [experimentId]
      ).map { (reason: $0["reason"], count: $0["n"]) }
    }
  }
}
