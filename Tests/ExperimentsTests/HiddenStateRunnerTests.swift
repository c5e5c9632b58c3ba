import Foundation
import Store
import Testing

@testable import Experiments

/// A module that shows the top 1 and top 2 bm25 passages and reads hidden states at `layers`.
private struct HiddenProbe: ExperimentModule {
  var layers: HiddenLayerSelection = .layers([.index(2), .last])
  func conditions() throws -> [Condition] {
    [1, 2].map { Condition(retriever: "bm25", keys: ["k": $0]) }
  }
  func passages(for condition: Condition, context: QuestionContext) throws -> [Passage] {
    let k = try condition.keys(as: [String: Int].self)["k"] ?? 0
    return Array(try context.ranked("bm25").prefix(k))
  }
  var report: ModuleReport { ModuleReport(figures: [], notes: []) }
  var hiddenStateLayers: HiddenLayerSelection? { layers }
}

private let probeYAML = """
  name: hidden-probe
  dataset: {name: fake, path: none, limit: 3}
  retrievers: [bm25]
  retrieval_depth: 12
  generator: {max_tokens: 8}
  module: {name: passage_count, k: [1, 2]}
  """

/// A runner of `probeYAML` (3 questions) with the probe module on `generator`.
private func probeRunner(
  _ store: ResultsStore, _ generator: FakeGenerator, probe: HiddenProbe = HiddenProbe(),
  yaml: String = probeYAML, cache: Bool = true
) throws -> ExperimentRunner {
  var runner = ExperimentRunner(
    loaded: try SpecLoader.parse(yaml: yaml), inputs: FakeData.inputs(questions: 3),
    generator: generator, store: store, options: RunOptions(useGenerationCache: cache))
  runner.moduleOverride = probe
  return runner
}

@Test func everyGeneratedTrialStoresTheLastPromptTokensStatesAndTheCacheIsNotRead() throws {
  let store = ResultsStore(database: try LabDatabase.inMemory())
  let generator = FakeGenerator()
  generator.hiddenBlockCount = 4  // `last` = layer 5
  // Another experiment with the same prompts fills the generation cache first.
  var filler = try probeRunner(
    store, generator, yaml: probeYAML.replacingOccurrences(of: "hidden-probe", with: "filler"))
  filler.moduleOverride = nil
  let filled = try filler.run()
  #expect(filled.trialsRecorded == 6)
  let summary = try probeRunner(store, generator).run()
  #expect(summary.trialsRecorded == 6 && summary.trialsFromCache == 0)
  #expect(try store.hiddenStateLayers(experimentId: filled.experimentId).isEmpty)
  #expect(try store.hiddenStateLayers(experimentId: summary.experimentId) == [2, 5])
  // Expected: each trial's prompt rebuilt from its passages, one token per UTF-8 byte.
  let builder = try PromptBuilder(spec: PromptSpec(), chatFormat: .chatML)
  let questions = Dictionary(uniqueKeysWithValues: FakeData.questions(3).map { ($0.id, $0) })
  for layer in [2, 5] {
    let states = try store.hiddenStates(experimentId: summary.experimentId, layer: layer)
    #expect(states.map(\.questionId) == ["q0", "q0", "q1", "q1", "q2", "q2"])
    for state in states {
      let trial = try #require(
        try store.trials(experimentId: summary.experimentId, questionId: state.questionId)
          .first { $0.id == state.trialId })
      let ids = try JSONText.decode([String].self, from: trial.passageIdsJSON)
      let passages = ids.compactMap { id in FakeData.passages.first { $0.id == id } }
      let prompt = builder.segments(question: questions[state.questionId]!, passages: passages)
        .all.flatMap { $0.utf8.map { Int32($0) } }
      #expect(state.vector.count == 4)
      #expect(state.vector == FakeGenerator.state(layer: layer, prompt: prompt))
    }
  }
}

@Test func resumingAHiddenStateRunStoresEachTrialsStatesOnce() throws {
  let store = ResultsStore(database: try LabDatabase.inMemory())
  let generator = FakeGenerator()
  generator.hiddenBlockCount = 4
  var calls = 0
  let first = try probeRunner(store, generator).run(
    progress: { _ in calls += 1 }, shouldStop: { calls >= 3 })
  #expect(first.interrupted && first.trialsRecorded < 6)
  let second = try probeRunner(store, generator).run()
  #expect(second.resumed && !second.interrupted)
  #expect(second.trialsRecorded == 6 - first.trialsRecorded)
  for layer in [2, 5] {
    let states = try store.hiddenStates(experimentId: second.experimentId, layer: layer)
    #expect(states.count == 6 && Set(states.map(\.trialId)).count == 6)
  }
}

@Test func aModuleReadingHiddenStatesOnAGeneratorWithoutThemFailsBeforeAnythingIsStored() throws {
  let store = ResultsStore(database: try LabDatabase.inMemory())
  do {
    _ = try probeRunner(store, FakeGenerator()).run()
    Issue.record("the run started")
  } catch let error as RunError {
    #expect(
      error.description
        == "module passage_count reads hidden states, which needs generator.backend: inprocess")
  }
  let generator = FakeGenerator()
  generator.hiddenBlockCount = 4
  do {
    _ = try probeRunner(store, generator, probe: HiddenProbe(layers: .layers([.index(6)]))).run()
    Issue.record("the run started")
  } catch let error as RunError {
    #expect(error.description.contains("module.layers: layer 6 is outside 0…5"))
  }
  #expect(try store.experiments().isEmpty)
}
