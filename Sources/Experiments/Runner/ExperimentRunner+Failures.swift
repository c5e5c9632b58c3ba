import Foundation
import Store

extension ExperimentRunner {
  /// Failed trials in a row after which the run stops: the server is most likely down or
  /// overloaded, and every further trial would wait out its retries only to fail too.
  public static let failedTrialsInARowLimit = 3

  /// Stores a trial whose request failed after its retries (never a fake answer: the next run
  /// tries it again), counts it, and stops the run when `failedTrialsInARowLimit` trials in a row
  /// have failed.
  /// - Throws: `RunError` naming the last failure (and so the server URL) when the run stops.
  func recordFailure(
    _ request: PromptRequest, _ question: Question, _ failure: GeneratorRequestFailure,
    _ shared: RunShared
  ) throws {
    let context = shared.context
    try store.recordFailure(
      TrialFailureRecord(
        experimentId: context.experimentId,
        conditionId: context.conditionIds[request.conditionIndex], questionId: question.id,
        reason: failure.reason, attempts: failure.attempts))
    let (inARow, failed) = shared.tally.failed()
    if inARow >= Self.failedTrialsInARowLimit {
      throw RunError(
        "stopped after \(inARow) trials in a row failed despite their retries; last: "
          + "\(failure.description). \(failed) failed trial\(failed == 1 ? " is" : "s are") stored "
          + "with the reason: fix the server, then run the same command to retry them")
    }
  }
}
