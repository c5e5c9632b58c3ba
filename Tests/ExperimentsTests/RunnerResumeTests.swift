import Foundation
import Store
import Testing

@testable import Experiments

let runnerSpecYAML = """
  name: fake-sweep
  dataset: {name: fake, path: none, limit: 6}
  retrievers: [bm25, dense]
  retrieval_depth: 12
  generator: {max_tokens: 8}
  module: {name: passage_count, k: [1, 2, 4, 8]}
  """

func makeRunner(
  _ store: ResultsStore, yaml: String = runnerSpecYAML, questions: Int = 6,
  generator: FakeGenerator = FakeGenerator(), share: Bool = true
)
  throws -> ExperimentRunner
{
  ExperimentRunner(
    loaded: try SpecLoader.parse(yaml: yaml), inputs: FakeData.inputs(questions: questions),
    generator: generator,
    store: store, options: RunOptions(prefixSharing: share, useGenerationCache: false))
}

@Test func interruptedRunResumesToExactlyQuestionsTimesConditionsTrials() throws {
  let store = ResultsStore(database: try LabDatabase.inMemory())
  var calls = 0
  let first = try makeRunner(store).run(progress: { _ in calls += 1 }, shouldStop: { calls >= 13 })
  #expect(first.interrupted)
  #expect(first.trialsRecorded >= 13 && first.trialsRecorded < 48)
  let second = try makeRunner(store).run()
  #expect(second.resumed)
  #expect(second.experimentId == first.experimentId)
  #expect(second.trialsAlreadyDone == first.trialsRecorded)
  #expect(second.trialsRecorded == 48 - first.trialsRecorded)
  #expect(!second.interrupted)
  #expect(try store.trialCount(experimentId: first.experimentId) == 6 * 8)
  let conditions = try store.conditions(experimentId: first.experimentId)
  #expect(conditions.count == 8)
  for condition in conditions {
    let ids = try store.trials(conditionId: condition.id!).map(\.questionId)
    #expect(ids.count == 6 && Set(ids).count == 6)
  }
  #expect(try store.latestExperiment(named: "fake-sweep")?.finishedAt != nil)
  let third = try makeRunner(store).run()
  #expect(third.trialsRecorded == 0)
}

@Test func changedSpecIsANewExperiment() throws {
  let store = ResultsStore(database: try LabDatabase.inMemory())
  let a = try makeRunner(store).run()
  let b = try makeRunner(
    store, yaml: runnerSpecYAML.replacingOccurrences(of: "max_tokens: 8", with: "max_tokens: 9")
  ).run()
  #expect(a.experimentId != b.experimentId)
  #expect(!b.resumed)
  #expect(try store.experiments(named: "fake-sweep").count == 2)
  #expect(try store.latestExperiment(named: "fake-sweep")?.id == b.experimentId)
}

@Test func storedTrialsCarryPassagesMetricsAndProvenance() throws {
  let store = ResultsStore(database: try LabDatabase.inMemory())
  let summary = try makeRunner(store, questions: 2).run()
  let experiment = try #require(try store.latestExperiment(named: "fake-sweep"))
  #expect(experiment.modelSHA256 == "fake-model-sha" && experiment.dataChecksum == "fake-data")
  #expect(experiment.specHash == (try SpecLoader.parse(yaml: runnerSpecYAML)).hash)
  let condition = try #require(try store.conditions(experimentId: summary.experimentId).first)
  #expect(condition.keysJSON == #"{"k":1,"retriever":"bm25"}"#)
  let trial = try #require(try store.trials(conditionId: condition.id!).first)
  #expect(try JSONText.decode([String].self, from: trial.passageIdsJSON) == ["p0"])
  let scores = try JSONText.decode(AnswerScores.self, from: trial.metricsJSON)
  #expect(trial.answer == "Title0" && scores.em == 1 && scores.subem == 1)
  #expect(
    try JSONText.decode([Float].self, from: trial.logprobsJSON).count == trial.answer.utf8.count)
}

@Test func generationCacheAnswersARepeatedPromptWithoutTheModel() throws {
  let store = ResultsStore(database: try LabDatabase.inMemory())
  let spec = try SpecLoader.parse(yaml: runnerSpecYAML)
  let inputs = FakeData.inputs(questions: 2)
  _ = try ExperimentRunner(loaded: spec, inputs: inputs, generator: FakeGenerator(), store: store)
    .run()
  // Same prompts under a new experiment name: every generation comes from the cache.
  let renamed = try SpecLoader.parse(
    yaml: runnerSpecYAML.replacingOccurrences(of: "fake-sweep", with: "again"))
  let generator = FakeGenerator()
  let summary = try ExperimentRunner(
    loaded: renamed, inputs: inputs, generator: generator, store: store
  ).run()
  #expect(summary.trialsFromCache == 16)
  #expect(generator.promptsSeen.isEmpty)
}

@Test func runPrintsEvaluatedAndSavedPromptTokens() throws {
  let shared = try makeRunner(ResultsStore(database: try LabDatabase.inMemory())).run()
  let naive = try makeRunner(ResultsStore(database: try LabDatabase.inMemory()), share: false).run()
  #expect(shared.tokens.naive == naive.tokens.naive)
  #expect(naive.tokens.saved == 0)
  #expect(shared.tokens.saved > 0)
  #expect(
    shared.tokenLine.hasPrefix(
      "evaluated \(shared.tokens.evaluated) prompt tokens, saved \(shared.tokens.saved) ("))
}
