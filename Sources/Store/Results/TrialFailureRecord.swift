import Foundation
import GRDB

/// A trial whose server request still failed after its retries: never a fake answer, retried by
/// the next run, removed when the trial is stored.
public struct TrialFailureRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "trialFailure"
  /// The experiment.
  public var experimentId: Int64
  /// The condition.
  public var conditionId: Int64
  /// The question.
  public var questionId: String
  /// The last failure's message (it names the server URL).
  public var reason: String
  /// Requests sent for this trial over every run that failed it.
  public var attempts: Int
  /// When it last failed.
  public var failedAt: Date

  /// Creates a row.
  public init(
    experimentId: Int64, conditionId: Int64, questionId: String, reason: String, attempts: Int,
    failedAt: Date = Date()
  ) {
    self.experimentId = experimentId
    self.conditionId = conditionId
    self.questionId = questionId
    self.reason = reason
    self.attempts = attempts
    self.failedAt = failedAt
  }

  /// Deletes the failure of (`conditionId`, `questionId`), if any, inside the caller's transaction.
  static func clear(_ db: Database, conditionId: Int64, questionId: String) throws {
    try db.execute(
      sql: "DELETE FROM trialFailure WHERE conditionId = ? AND questionId = ?",
      arguments: [conditionId, questionId])
  }
}
