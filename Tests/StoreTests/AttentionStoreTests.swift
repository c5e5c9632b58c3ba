import Foundation
import Testing

@testable import Store

/// A trial of condition `conditionId` for question `q` (shared by the per-trial row tests).
func trial(_ experimentId: Int64, _ conditionId: Int64, _ q: String) -> TrialRecord {
  TrialRecord(
    experimentId: experimentId, conditionId: conditionId, questionId: q, passageIdsJSON: "[]",
    promptHash: "h", promptTokenCount: 1, answer: "a", outputTokensJSON: "[]",
    logprobsJSON: "[]", metricsJSON: "{}", prefillSeconds: 0, generateSeconds: 0,
    fromCache: false)
}

/// A new experiment without conditions or trials in `store`, by id (shared by the row tests).
func emptyExperiment(_ store: ResultsStore) throws -> Int64 {
  let (experiment, _) = try store.beginExperiment(
    ExperimentRecord(
      name: "e", specYAML: "", specHash: "s", modelSHA256: "m", dataChecksum: "d",
      gitCommit: "g", raglabVersion: "0"))
  return try #require(experiment.id)
}

@Test func attentionRowsAreStoredWithTheirTrialOnceAndReadBackBySlotAndQuarter() throws {
  let store = ResultsStore(database: try LabDatabase.inMemory())
  let id = try emptyExperiment(store)
  let condition = try store.condition(experimentId: id, keysJSON: "{}", position: 0)
  let rows = [
    AttentionMassRecord(slot: 2, quarter: 1, mass: 0.25),
    AttentionMassRecord(slot: 1, quarter: 4, mass: 0.5),
    AttentionMassRecord(slot: 1, quarter: 1, mass: 0.125),
  ]
  #expect(try store.record(trial(id, condition.id!, "q0"), attention: rows))
  // The same trial again is ignored, and so are its rows.
  #expect(!(try store.record(trial(id, condition.id!, "q0"), attention: rows)))
  #expect(try store.record(trial(id, condition.id!, "q1")))
  let stored = try store.trials(conditionId: condition.id!)
  let first = try #require(stored.first { $0.questionId == "q0" })
  let read = try store.attention(trialId: first.id!)
  #expect(read.map(\.slot) == [1, 1, 2] && read.map(\.quarter) == [1, 4, 1])
  #expect(read.map(\.mass) == [0.125, 0.5, 0.25])
  #expect(read.allSatisfy { $0.trialId == first.id! })
  #expect(try store.attention(experimentId: id).count == 3)
  #expect(try store.attentionTrialCount(experimentId: id) == 1)
}
