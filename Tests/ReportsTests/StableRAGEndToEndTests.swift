import Experiments
import Foundation
import Inference
import Store
import Testing

@testable import Reports

/// Five passages about capitals; `p0` answers the questions about France.
private let capitals = [
  Passage(id: "p0", title: "Paris", text: "Paris is the capital and largest city of France."),
  Passage(id: "p1", title: "Berlin", text: "Berlin is the capital and largest city of Germany."),
  Passage(id: "p2", title: "Rome", text: "Rome is the capital city of Italy."),
  Passage(id: "p3", title: "Madrid", text: "Madrid is the capital of Spain."),
  Passage(id: "p4", title: "Lisbon", text: "Lisbon is the capital of Portugal."),
]

private let questions = [
  Question(
    id: "q0", text: "What is the capital of France?", answers: ["Paris"], goldPassageIDs: ["p0"]),
  Question(
    id: "q1", text: "Which city is the capital of France?", answers: ["Paris"],
    goldPassageIDs: ["p0"]),
]

/// The capitals in file order for every question, as corpus, retriever and catalog.
private struct Capitals: PassageSource, PassageRanker, QuestionCatalog {
  let name = "bm25"
  func passages(ids: [String]) throws -> [Passage] {
    ids.compactMap { id in capitals.first { $0.id == id } }
  }
  func randomPassages(count: Int, seed: UInt64, excluding: Set<String>) throws -> [Passage] { [] }
  func rank(_ question: Question, depth: Int) throws -> [Passage] { Array(capitals.prefix(depth)) }
  func question(dataset: String, id: String) throws -> CatalogQuestion? {
    questions.first { $0.id == id }.map {
      CatalogQuestion(id: $0.id, text: $0.text, answers: $0.answers, goldPassageIDs: ["p0"])
    }
  }
  func isRecallHit(dataset: String, question: CatalogQuestion, passageIDs: [String]) throws -> Bool
  {
    passageIDs.contains("p0")
  }
  func passages(dataset: String, ids: [String]) throws -> [PassageRecord] {
    try passages(ids: ids).enumerated().map {
      PassageRecord(rowid: Int64($0), id: $1.id, title: $1.title, text: $1.text)
    }
  }
}

/// The engine, used from one test at a time, as the `Sendable` output head needs it.
private final class HeadBox: @unchecked Sendable {
  let generator: InProcessGenerator
  init(generator: InProcessGenerator) { self.generator = generator }
}

@Test func aRealStableRAGRunStoresEveryOrdersStatesAndReportsMethodsLayersAndDPOPairs() throws {
  let model = try LanguageModel.load(
    path: try AssetPaths.require(GeneratorSpec.defaultModel, what: "default model"))
  let generator = try InProcessGenerator(model: model)
  let yaml = """
    name: stable-rag-check
    dataset: {name: capitals, path: none}
    retrievers: [bm25]
    retrieval_depth: 5
    generator: {max_tokens: 8, stop: ["\\n"]}
    prompt: {template: question_first}
    module: {name: stable_rag, k: 3, orders: {sample: 4, seed: 1}, layers: [5, last]}
    """
  let database = try LabDatabase.inMemory()
  let store = ResultsStore(database: database)
  let summary = try ExperimentRunner(
    loaded: try SpecLoader.parse(yaml: yaml),
    inputs: ExperimentInputs(
      questions: questions, dataChecksum: "capitals", rankers: ["bm25": Capitals()],
      corpus: Capitals()),
    generator: generator, store: store
  ).run()
  #expect(summary.trialsRecorded == 8)  // 2 questions × 4 orders
  // SmolLM2-135M has 30 blocks: layer 31 is the final-norm output, states 576 wide.
  #expect(try store.hiddenStateLayers(experimentId: summary.experimentId) == [5, 31])
  let states = try store.hiddenStates(experimentId: summary.experimentId, layer: 31)
  #expect(states.count == 8 && states.allSatisfy { $0.vector.count == 576 })

  var experiments = StoredExperiments(database: database, catalog: Capitals())
  let head = HeadBox(generator: generator)
  experiments.outputHead = OutputHead(blockCount: 30) { state, layer in
    let logits = try head.generator.outputLogits(finalHidden: state)
    return Int32(logits.indices.max { logits[$0] < logits[$1] } ?? 0)
  }
  let record = try experiments.record(named: "stable-rag-check")
  let stable = try #require(try experiments.summary(of: record).stableRAG)
  #expect(stable.questions == 2 && stable.orders == 4)
  #expect(stable.methodLayer == 31 && stable.methodLayerIsFinalNorm)
  #expect(
    stable.methods.map(\.name) == ["vanilla", "stable_rag", "exhaustive_vote", "oracle_order"])
  // Oracle is an upper bound of every method, question by question, so of their means too.
  let oracle = try #require(stable.methods.last).accuracy.value
  #expect(stable.methods.allSatisfy { $0.accuracy.value <= oracle })
  #expect(stable.clusterCounts.allSatisfy { (2...4).contains($0) })
  #expect(stable.layers.map(\.layer) == [5, 31])
  let agreement = try #require(stable.centreAgreement)
  #expect((0...1).contains(agreement.value))
  #expect(stable.dpoRules.reduce(0) { $0 + $1.questions } == 2)

  // The export: TRL lines with exactly three string keys, prompts in the reader's chat template.
  let questionsAnalysed = try experiments.stableRAGQuestions(
    experimentId: summary.experimentId, knobs: StableRAGKnobs(k: 3, layers: .last))
  let builder = try PromptBuilder(
    spec: PromptSpec(template: "question_first"), chatFormat: generator.chatFormat)
  let outcomes = try StableRAGDPO.outcomes(
    questionsAnalysed, catalog: Capitals(), dataset: "capitals"
  ) { question, passages in
    builder.segments(
      question: Question(id: question.id, text: question.text, answers: question.answers),
      passages: passages.map { Passage(id: $0.id, title: $0.title, text: $0.text) }
    ).text
  }
  let data = try DPOJSONL.encode(outcomes.flatMap { $0.outcome.pairs })
  for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
    #expect(Set(object.keys) == ["prompt", "chosen", "rejected"])
    #expect(object["prompt"]?.hasPrefix("<|im_start|>system\n") == true)
    #expect(object["prompt"]?.hasSuffix("<|im_start|>assistant\n") == true)
  }
}
