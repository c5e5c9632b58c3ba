import Foundation
import Testing

@testable import Store

func sampleExperiment(hash: String = "h1") -> ExperimentRecord {
  ExperimentRecord(
    name: "exp", specYAML: "name: exp", specHash: hash, modelSHA256: "m", dataChecksum: "d",
    gitCommit: "unknown",
    raglabVersion: "0.1.0")
}

func sampleTrial(_ e: Int64, _ c: Int64, _ q: String, answer: String = "a") -> TrialRecord {
  TrialRecord(
    experimentId: e, conditionId: c, questionId: q, passageIdsJSON: "[]", promptHash: "p",
    promptTokenCount: 3,
    answer: answer, outputTokensJSON: "[]", logprobsJSON: "[]", metricsJSON: "{}",
    prefillSeconds: 0,
    generateSeconds: 0, fromCache: false)
}

@Test func sameSpecModelAndDataResumeTheExperiment() throws {
  let store = ResultsStore(database: try LabDatabase.inMemory())
  let (a, resumedA) = try store.beginExperiment(sampleExperiment())
  let (b, resumedB) = try store.beginExperiment(sampleExperiment())
  let (c, resumedC) = try store.beginExperiment(sampleExperiment(hash: "h2"))
  #expect(!resumedA && resumedB && !resumedC)
  #expect(a.id == b.id && a.id != c.id)
}

@Test func aTrialIsStoredOncePerConditionAndQuestion() throws {
  let store = ResultsStore(database: try LabDatabase.inMemory())
  let e = try store.beginExperiment(sampleExperiment()).experiment.id!
  let c = try store.condition(experimentId: e, keysJSON: #"{"k":1}"#, position: 0).id!
  #expect(try store.condition(experimentId: e, keysJSON: #"{"k":1}"#, position: 0).id == c)
  #expect(try store.record(sampleTrial(e, c, "q1")))
  #expect(try !store.record(sampleTrial(e, c, "q1", answer: "other")))
  #expect(try store.trials(conditionId: c).map(\.answer) == ["a"])
  #expect(try store.completedQuestionIds(conditionId: c) == ["q1"])
}

@Test func generationCacheRoundTripsByGeneratorPromptAndDecoding() throws {
  let store = ResultsStore(database: try LabDatabase.inMemory())
  let e = try store.beginExperiment(sampleExperiment()).experiment.id!
  let c = try store.condition(experimentId: e, keysJSON: "{}", position: 0).id!
  let entry = GenerationCacheRecord(
    generatorKey: "g", generatorJSON: "{}", promptHash: "p", decodingHash: "d", answer: "Paris",
    outputTokensJSON: "[1]", logprobsJSON: "[-0.1]", stopReason: "maxTokens", promptTokenCount: 7)
  try store.record(sampleTrial(e, c, "q"), caching: entry)
  #expect(
    try store.cachedGeneration(generatorKey: "g", promptHash: "p", decodingHash: "d") == entry)
  #expect(
    try store.cachedGeneration(generatorKey: "g", promptHash: "p", decodingHash: "other") == nil)
  #expect(
    try store.cachedGeneration(generatorKey: "other", promptHash: "p", decodingHash: "d") == nil)
}

@Test func trialsSurviveReopeningTheDatabaseFile() throws {
  let path = FileManager.default.temporaryDirectory.appendingPathComponent(
    "raglab-\(UUID().uuidString).sqlite"
  ).path
  defer { try? FileManager.default.removeItem(atPath: path) }
  do {
    let store = ResultsStore(database: try LabDatabase.open(path: path))
    let e = try store.beginExperiment(sampleExperiment()).experiment.id!
    let c = try store.condition(experimentId: e, keysJSON: "{}", position: 0).id!
    try store.record(sampleTrial(e, c, "q1"))
  }
  let reopened = ResultsStore(database: try LabDatabase.open(path: path))
  let experiment = try #require(try reopened.latestExperiment(named: "exp"))
  #expect(try reopened.trialCount(experimentId: experiment.id!) == 1)
}
