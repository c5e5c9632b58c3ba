import Foundation
import Store
import Testing

@testable import Experiments

/// Passages p0…p9 titled T0…T9; bm25 ranks them p0 first.
private let corpus = FixedCorpus.paris(count: 10, mentioning: [])
private let question = Question(id: "q", text: "Which?", answers: ["T5"], goldPassageIDs: ["p5"])

/// A scorer that gives passage `pN` the score `table[N]` and counts its passes.
private final class TableScorer: PassageScorer {
  let name: String
  let table: [Double]
  var passes = 0
  init(name: String, table: [Double]) {
    self.name = name
    self.table = table
  }
  func scores(question: String, passages: [Passage]) throws -> RerankScores {
    passes += 1
    let scores = passages.map { table[Int($0.id.dropFirst())!] }
    return RerankScores(scores: scores, promptTokens: 100 * passages.count, seconds: 0.5)
  }
}

/// A stand-in for the run's stored re-rankers, straight from the scorers.
private final class DirectRerank: RerankScoring {
  let scorers: [String: TableScorer]
  init(_ scorers: [TableScorer]) {
    self.scorers = Dictionary(uniqueKeysWithValues: scorers.map { ($0.name, $0) })
  }
  func scores(strategy: String, question: Question, passages: [Passage]) throws -> [Double] {
    try scorers[strategy]!.scores(question: question.text, passages: passages).scores
  }
}

private func reorder(_ knobs: String, backend: String = "inprocess") throws -> ReorderModule {
  let loaded = try SpecLoader.parse(
    yaml: """
      name: reorder
      dataset: {name: fake, path: none}
      retrievers: [bm25]
      retrieval_depth: 10
      generator: {backend: \(backend), model: m}
      module: \(knobs)
      """)
  return try #require(ModuleRegistry.module(for: loaded.spec) as? ReorderModule)
}

@Test func modelStrategiesShowTheTopKByDecreasingScoreAtTheChosenEnd() throws {
  // Scores of p0…p3 (bm25's top 4): 0.1, 0.9, 0.5, 0.5 → by relevance p1, p2, p3 (tie: better
  // retrieval rank first), p0.
  let table = [0.1, 0.9, 0.5, 0.5, 0, 0, 0, 0, 0, 0]
  let rerank = DirectRerank([
    TableScorer(name: "attention", table: table), TableScorer(name: "first_token", table: table),
  ])
  let context = QuestionContext(
    question: question, depth: 10, rankers: corpus.rankers, corpus: corpus, seed: 3,
    rerank: rerank)
  for (placement, expected) in [
    ("first", ["p1", "p2", "p3", "p0"]), ("nearest_question", ["p0", "p3", "p2", "p1"]),
  ] {
    let m = try reorder(
      "{name: reorder, strategies: [attention, first_token], k: [4], placement: \(placement)}")
    #expect(m.scorerNames == ["attention", "first_token"])
    for condition in try m.conditions() {
      #expect(try m.passages(for: condition, context: context).map(\.id) == expected)
    }
  }
  #expect(rerank.scorers["attention"]!.passes == 2)
}

@Test func aModelStrategyWithoutLoadedRerankersIsARunErrorNotARetrievalOrder() throws {
  let m = try reorder("{name: reorder, strategies: [attention], k: [4]}")
  let context = QuestionContext(
    question: question, depth: 10, rankers: corpus.rankers, corpus: corpus)
  let error = try #require(throws: RunError.self) {
    try m.passages(for: try m.conditions()[0], context: context)
  }
  #expect(error.description.contains("loaded no re-rankers"))
}

@Test func modelStrategiesOnAServerBackendAreSpecErrorsNamingInprocess() throws {
  let error = try #require(throws: SpecError.self) {
    try reorder(
      "{name: reorder, strategies: [retrieval, attention, first_token], k: [4]}",
      backend: "openai")
  }
  let byPath = Dictionary(error.problems.map { ($0.keyPath, $0.message) }) { a, _ in a }
  #expect(byPath["module.strategies[0]"] == nil)
  #expect(
    byPath["module.strategies[1]"]
      == "attention re-ranks with the reader's own attention, which only the in-process engine "
      + "exposes (backend is openai): set generator.backend: inprocess or drop attention")
  #expect(byPath["module.strategies[2]"]?.contains("label logits") == true)
  let placement = try #require(throws: SpecError.self) {
    try reorder("{name: reorder, strategies: [attention], k: [4], placement: last}")
  }
  #expect(placement.problems.map(\.keyPath) == ["module.placement"])
}

@Test func eachRerankPassIsStoredOnceWithItsCostAndReadBackOnResume() throws {
  let store = ResultsStore(database: try LabDatabase.inMemory())
  let (experiment, _) = try store.beginExperiment(
    ExperimentRecord(
      name: "r", specYAML: "", specHash: "h", modelSHA256: "m", dataChecksum: "d",
      gitCommit: "g", raglabVersion: "0"))
  let scorer = TableScorer(name: "attention", table: [3, 1, 2, 0, 0, 0, 0, 0, 0, 0])
  let passages = try corpus.passages(ids: ["p0", "p1", "p2"])
  let first = StoredRerank(
    scorers: ["attention": scorer], store: store, experimentId: experiment.id!)
  #expect(
    try first.scores(strategy: "attention", question: question, passages: passages) == [3, 1, 2])
  #expect(
    try first.scores(strategy: "attention", question: question, passages: passages) == [3, 1, 2])
  // A resumed run (a new StoredRerank) reads the stored pass instead of scoring again.
  let resumed = StoredRerank(
    scorers: ["attention": scorer], store: store, experimentId: experiment.id!)
  #expect(
    try resumed.scores(strategy: "attention", question: question, passages: passages) == [3, 1, 2])
  #expect(scorer.passes == 1 && first.evaluated == 1 && resumed.evaluated == 0)
  let stored = try store.rerankPasses(experimentId: experiment.id!)
  #expect(stored.map(\.passageIdsJSON) == [#"["p0","p1","p2"]"#])
  #expect(stored.map(\.scoresJSON) == ["[3,1,2]"])
  // Another list of the same question is another pass.
  _ = try first.scores(
    strategy: "attention", question: question, passages: try corpus.passages(ids: ["p1", "p0"]))
  #expect(
    try store.rerankCost(experimentId: experiment.id!)
      == [RerankCostRecord(strategy: "attention", passes: 2, promptTokens: 500, seconds: 1.0)])
}
