import Foundation
import GRDB

extension ResultsStore {
  /// Stores that a trial's request failed after its retries; a failure already stored for the
  /// same trial gets the new reason and time, and its attempts are added up.
  public func recordFailure(_ failure: TrialFailureRecord) throws {
    try write { db in
      try db.execute(
        sql: """
          INSERT INTO trialFailure
            (experimentId, conditionId, questionId, reason, attempts, failedAt)
          VALUES (?, ?, ?, ?, ?, ?)
          ON CONFLICT (experimentId, conditionId, questionId) DO UPDATE SET
            reason = excluded.reason, attempts = attempts + excluded.attempts,
            failedAt = excluded.failedAt
          """,
        arguments: [
          failure.experimentId, failure.conditionId, failure.questionId, failure.reason,
          failure.attempts, failure.failedAt,
        ])
    }
  }

  /// The failed trials of an experiment, by condition and question.
  public func failures(experimentId: Int64) throws -> [TrialFailureRecord] {
    try database.writer.read { db in
      try TrialFailureRecord.fetchAll(
        db,
        sql: "SELECT * FROM trialFailure WHERE experimentId = ? ORDER BY conditionId, questionId",
        arguments: [experimentId])
    }
  }

  /// Failure reasons of an experiment with how many trials each left failed, most frequent first.
  public func failureReasons(experimentId: Int64) throws -> [(reason: String, count: Int)] {
    try reasonCounts(table: .trialFailure, experimentId: experimentId)
  }
}
