import Foundation
import Testing

@testable import Store

@Test func aRepeatedFailureKeepsOneRowAddsItsAttemptsAndTakesTheLatestReason() throws {
  let store = ResultsStore(database: try LabDatabase.inMemory())
  let e = try store.beginExperiment(sampleExperiment()).experiment.id!
  let c = try store.condition(experimentId: e, keysJSON: #"{"k":1}"#, position: 0).id!
  let first = Date(timeIntervalSince1970: 1_000)
  let second = Date(timeIntervalSince1970: 2_000)
  try store.recordFailure(
    TrialFailureRecord(
      experimentId: e, conditionId: c, questionId: "q1", reason: "HTTP 503", attempts: 6,
      failedAt: first))
  try store.recordFailure(
    TrialFailureRecord(
      experimentId: e, conditionId: c, questionId: "q1", reason: "HTTP 500", attempts: 3,
      failedAt: second))
  let rows = try store.failures(experimentId: e)
  #expect(rows.count == 1)
  #expect(rows.first?.reason == "HTTP 500" && rows.first?.attempts == 9)
  #expect(rows.first?.failedAt == second)
  // A failure is not a done trial: the next run asks for it again.
  #expect(try store.completedQuestionIds(conditionId: c).isEmpty)
  #expect(try store.failureReasons(experimentId: e).map(\.count) == [1])
}

@Test func storingTheTrialRemovesItsFailureAndNoOther() throws {
  let store = ResultsStore(database: try LabDatabase.inMemory())
  let e = try store.beginExperiment(sampleExperiment()).experiment.id!
  let c = try store.condition(experimentId: e, keysJSON: #"{"k":1}"#, position: 0).id!
  for question in ["q1", "q2"] {
    try store.recordFailure(
      TrialFailureRecord(
        experimentId: e, conditionId: c, questionId: question, reason: "timeout", attempts: 6))
  }
  #expect(try store.record(sampleTrial(e, c, "q1")))
  #expect(try store.failures(experimentId: e).map(\.questionId) == ["q2"])
  #expect(try store.completedQuestionIds(conditionId: c) == ["q1"])
}
