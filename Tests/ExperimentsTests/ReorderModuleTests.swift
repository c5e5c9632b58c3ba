import Foundation
import Store
import Testing

@testable import Experiments

/// Passages p0…p9 titled T0…T9; bm25 ranks them p0 first, dense p9 first.
private let corpus = FixedCorpus.paris(count: 10, mentioning: [])

/// The gold passage is p5.
private let question = Question(id: "q", text: "Which?", answers: ["T5"], goldPassageIDs: ["p5"])

private func context(_ question: Question = question, depth: Int = 10) -> QuestionContext {
  QuestionContext(
    question: question, depth: depth, rankers: corpus.rankers, corpus: corpus, seed: 3)
}

private func spec(_ module: String, retrievers: String = "[bm25]", depth: Int = 10) -> String {
  ModuleSpecFixture.yaml(module, name: "reorder", retrievers: retrievers, depth: depth)
}

private func module(_ yaml: String, retrievers: String = "[bm25]") throws -> any ExperimentModule {
  try ModuleSpecFixture.module(yaml, name: "reorder", retrievers: retrievers)
}

private func ids(_ passages: [Passage]) -> [String] { passages.map(\.id) }

@Test func conditionsAreRetrieverTimesKTimesStrategyWithTheKeysCompareGroupsBy() throws {
  let m = try module(
    "{name: reorder, strategies: [retrieval, interleave, gold_first], k: [8, 5]}",
    retrievers: "[bm25, dense]")
  let conditions = try m.conditions()
  #expect(conditions.count == 12)
  #expect(conditions[0].keysJSON == #"{"k":5,"retriever":"bm25","strategy":"retrieval"}"#)
  #expect(conditions[1].keysJSON == #"{"k":5,"retriever":"bm25","strategy":"interleave"}"#)
  #expect(conditions[5].keysJSON == #"{"k":8,"retriever":"bm25","strategy":"gold_first"}"#)
  #expect(conditions[6].keysJSON == #"{"k":5,"retriever":"dense","strategy":"retrieval"}"#)
  #expect(
    conditions.map(\.retriever) == Array(repeating: "bm25", count: 6)
      + Array(repeating: "dense", count: 6))
}

@Test func everyStrategyReordersTheSameTopKList() throws {
  let m = try module(
    "{name: reorder, strategies: [retrieval, reverse, random, interleave, long_context_reorder, "
      + "gold_first, gold_last], k: [5]}", retrievers: "[dense]")
  let shown = try m.conditions().map { ids(try m.passages(for: $0, context: context())) }
  // dense's top 5 is p9 p8 p7 p6 p5 (p5 gold, retrieval rank 5); orders written out by hand.
  #expect(shown[0] == ["p9", "p8", "p7", "p6", "p5"])
  #expect(shown[1] == ["p5", "p6", "p7", "p8", "p9"])
  #expect(shown[3] == ["p9", "p7", "p5", "p6", "p8"])
  #expect(shown[4] == ["p9", "p7", "p5", "p6", "p8"])
  #expect(shown[5] == ["p5", "p9", "p8", "p7", "p6"])
  #expect(shown[6] == ["p9", "p8", "p7", "p6", "p5"])
  #expect(shown.allSatisfy { Set($0) == ["p5", "p6", "p7", "p8", "p9"] })
  // random: scripts/seeded_stream_reference.py 3 q reorder/random/k=5 5 shuffles 1…5 to this.
  #expect(shown[2] == ["p5", "p7", "p8", "p9", "p6"])
  #expect(ids(try m.passages(for: try m.conditions()[2], context: context())) == shown[2])
}

@Test func oraclesSkipAQuestionWhoseTopKHoldsNoGoldAndOthersServeIt() throws {
  let m = try module("{name: reorder, strategies: [gold_first, gold_last, reverse], k: [4, 8]}")
  let conditions = try m.conditions()
  // bm25's top 4 is p0…p3: no gold.
  for condition in conditions.prefix(2) {
    let skip = try #require(throws: ModuleSkip.self) {
      try m.passages(for: condition, context: context())
    }
    #expect(skip.reason.hasPrefix("no gold passage in the top 4 of bm25"))
  }
  #expect(ids(try m.passages(for: conditions[2], context: context())) == ["p3", "p2", "p1", "p0"])
  // Top 8 holds p5 at rank 6.
  #expect(
    ids(try m.passages(for: conditions[3], context: context()))
      == ["p5", "p0", "p1", "p2", "p3", "p4", "p6", "p7"])
  #expect(
    ids(try m.passages(for: conditions[4], context: context()))
      == ["p0", "p1", "p2", "p3", "p4", "p6", "p7", "p5"])
  let short = try #require(throws: ModuleSkip.self) {
    try m.passages(for: conditions[5], context: context(depth: 6))
  }
  #expect(short.reason == "6 passages retrieved by bm25, k = 8 needed")
}

@Test func aRunThroughTheRunnerStoresEachStrategysOrder() throws {
  let store = ResultsStore(database: try LabDatabase.inMemory())
  let loaded = try SpecLoader.parse(
    yaml: spec(
      "{name: reorder, strategies: [retrieval, reverse, long_context_reorder, gold_first], "
        + "k: [4]}", depth: 4))
  let questions = (0..<2).map {
    Question(id: "q\($0)", text: "Which title?", answers: ["T1"], goldPassageIDs: ["p1"])
  }
  let inputs = ExperimentInputs(
    questions: questions, dataChecksum: "x", rankers: corpus.rankers, corpus: corpus)
  let summary = try ExperimentRunner(
    loaded: loaded, inputs: inputs, generator: FakeGenerator(), store: store
  ).run()
  #expect(summary.trialsRecorded == 8 && summary.trialsSkipped == 0)
  let conditions = try store.conditions(experimentId: summary.experimentId)
  #expect(
    conditions.map(\.keysJSON) == [
      #"{"k":4,"retriever":"bm25","strategy":"retrieval"}"#,
      #"{"k":4,"retriever":"bm25","strategy":"reverse"}"#,
      #"{"k":4,"retriever":"bm25","strategy":"long_context_reorder"}"#,
      #"{"k":4,"retriever":"bm25","strategy":"gold_first"}"#,
    ])
  // The fake answers the first passage's title: p0, p3, p1 (LangChain k = 4: 2, 4, 3, 1), p1.
  let first = try conditions.map { condition in
    try store.trials(conditionId: condition.id!).map(\.answer)
  }
  #expect(first == [["T0", "T0"], ["T3", "T3"], ["T1", "T1"], ["T1", "T1"]])
  let passages = try store.trials(conditionId: conditions[2].id!).map(\.passageIdsJSON)
  #expect(passages.allSatisfy { $0 == #"["p1","p3","p2","p0"]"# })
}

@Test func oraclesOnQuestionsWithoutGoldPassagesStopTheRunBeforeAnythingIsStored() throws {
  let store = ResultsStore(database: try LabDatabase.inMemory())
  let loaded = try SpecLoader.parse(
    yaml: spec("{name: reorder, strategies: [retrieval, gold_last], k: [4]}", depth: 4))
  let questions = [Question(id: "q0", text: "Which?", answers: ["T1"], goldPassageIDs: [])]
  let inputs = ExperimentInputs(
    questions: questions, dataChecksum: "x", rankers: corpus.rankers, corpus: corpus)
  let error = try #require(throws: RunError.self) {
    try ExperimentRunner(
      loaded: loaded, inputs: inputs, generator: FakeGenerator(), store: store
    ).run()
  }
  #expect(
    error.description.hasPrefix(
      "module.strategies: gold_last places the gold passages, but none of the dataset's 1 "
        + "questions names a gold passage; drop it"))
  #expect(try store.experiments().isEmpty)
}

@Test func invalidReorderKnobsAreSpecErrorsWithKeyPathLineAndFix() throws {
  let error = try #require(throws: SpecError.self) {
    try SpecLoader.parse(
      yaml: spec(
        """

          name: reorder
          strategies: [retrieval, interleaved, attention, retrieval]
          k: [5, 12, 5]
        """, depth: 10))
  }
  let byPath = Dictionary(error.problems.map { ($0.keyPath, $0) }) { a, _ in a }
  #expect(
    byPath["module.strategies[1]"]?.message
      == "unknown reorder strategy 'interleaved' (did you mean 'interleave'?); known: retrieval, "
      + "reverse, random, interleave, long_context_reorder, gold_first, gold_last, attention, "
      + "first_token")
  #expect(byPath["module.strategies[1]"]?.line == 7)
  #expect(byPath["module.strategies[2]"] == nil)  // attention on the (default) in-process reader
  #expect(byPath["module.strategies[3]"]?.message.contains("duplicate value 'retrieval'") == true)
  #expect(
    byPath["module.k[1]"]?.message
      == "k = 12 is larger than retrieval_depth (10); raise retrieval_depth to at least 12 or "
      + "drop this k")
  #expect(byPath["module.k[1]"]?.line == 8)
  #expect(byPath["module.k[2]"]?.message.contains("duplicate value '5'") == true)
  let empty = try #require(throws: SpecError.self) {
    try SpecLoader.parse(yaml: spec("{name: reorder, strategies: [], k: []}"))
  }
  #expect(
    Set(empty.problems.map(\.keyPath)) == ["module.strategies", "module.k"]
      && empty.problems.allSatisfy { $0.message == "must not be empty" })
  let missing = try #require(throws: SpecError.self) {
    try SpecLoader.parse(yaml: spec("{name: reorder, k: [5]}"))
  }
  #expect(missing.problems.map(\.keyPath) == ["module.strategies"])
}

@Test func theReportDrawsAccuracyVsKPerStrategyAndLabelsOracles() throws {
  let m = try module("{name: reorder, strategies: [retrieval, interleave, gold_first], k: [5]}")
  guard case .line(let figure) = m.report.figures.first else {
    Issue.record("expected a line figure")
    return
  }
  #expect(figure.xKey == "k" && figure.metrics == ["subem"])
  #expect(m.report.valueLabels == ["strategy": ["gold_first": "gold_first (oracle)"]])
  #expect(m.report.notes.count == 4)
  #expect(m.report.notes[2].hasPrefix("`interleave`: Jin et al. (2024) Alg. 2"))
}
