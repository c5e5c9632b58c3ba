import Foundation
import Store
import Testing

@testable import Experiments

/// Passages p0…p9 ("Text of passage n."), except that p3 and p7 mention Paris.
private let corpus = FixedCorpus.paris(count: 10, mentioning: [3, 7])

/// The gold passage is p5; the answer is Paris.
private let question = Question(
  id: "q", text: "Where?", answers: ["Paris"], goldPassageIDs: ["p5"])

private func context(depth: Int = 10, seed: UInt64 = 1) -> QuestionContext {
  QuestionContext(
    question: question, depth: depth, rankers: corpus.rankers, corpus: corpus,
    seed: seed)
}

private func module(_ yaml: String) throws -> any ExperimentModule {
  try ModuleRegistry.module(
    for: try SpecLoader.parse(
      yaml: """
        name: gp
        dataset: {name: fake, path: none}
        retrievers: [bm25]
        retrieval_depth: 10
        module: \(yaml)
        """
    ).spec)
}

private func ids(_ passages: [Passage]) -> [String] { passages.map(\.id) }

@Test func theGoldSitsAtEachPositionAmongAnswerFreeDistractorsInRetrievalOrder() throws {
  let m = try module("{name: gold_position, total: [5], positions: all}")
  let conditions = try m.conditions()
  // 5 positions, then closed book and oracle.
  #expect(conditions.count == 7)
  let shown = try conditions.prefix(5).map { ids(try m.passages(for: $0, context: context())) }
  // Distractors: p0 p1 p2 p4 (p3 mentions Paris, p5 is the gold), in rank order.
  #expect(
    shown == [
      ["p5", "p0", "p1", "p2", "p4"], ["p0", "p5", "p1", "p2", "p4"],
      ["p0", "p1", "p5", "p2", "p4"], ["p0", "p1", "p2", "p5", "p4"],
      ["p0", "p1", "p2", "p4", "p5"],
    ])
  #expect(conditions[0].keysJSON == #"{"gold_position":1,"retriever":"bm25","total":5}"#)
  #expect(try m.passages(for: conditions[5], context: context()).isEmpty)
  #expect(ids(try m.passages(for: conditions[6], context: context())) == ["p5"])
  #expect(conditions[5].keysJSON == #"{"baseline":"closed_book"}"#)
  #expect(conditions[5].retriever == nil)
}

@Test func randomDistractorOrderIsOneSeededShuffleSoOnlyTheGoldMoves() throws {
  let m = try module(
    "{name: gold_position, total: [5], positions: [1, 5], distractor_order: random}")
  let conditions = try m.conditions()
  let first = ids(try m.passages(for: conditions[0], context: context()))
  let last = ids(try m.passages(for: conditions[1], context: context()))
  #expect(first[0] == "p5" && last[4] == "p5")
  #expect(Array(first.dropFirst()) == Array(last.dropLast()))
  #expect(Set(first.dropFirst()) == ["p0", "p1", "p2", "p4"])
  // Reproducible for a seed; some seed gives another order than retrieval order.
  #expect(ids(try m.passages(for: conditions[0], context: context())) == first)
  let orders = Set(
    try (1...20).map { ids(try m.passages(for: conditions[0], context: context(seed: $0))) })
  #expect(orders.count > 1)
  #expect(orders.allSatisfy { !$0.contains("p3") && !$0.contains("p7") })
}

@Test func aQuestionWithTooFewAnswerFreeDistractorsIsSkippedNotPadded() throws {
  let m = try module("{name: gold_position, total: [9], positions: [1], baselines: false}")
  // Ten ranked passages minus the gold and two answer-bearing leave 7, and 8 are needed.
  let error = try #require(throws: ModuleSkip.self) {
    try m.passages(for: try m.conditions()[0], context: context())
  }
  #expect(error.reason == "7 answer-free distractors in the top 10 of bm25, 8 needed")
}

@Test func skippedQuestionsAreStoredWithTheirReasonAndTheRunStillFinishes() throws {
  let store = ResultsStore(database: try LabDatabase.inMemory())
  let loaded = try SpecLoader.parse(
    yaml: """
      name: gp-run
      dataset: {name: fake, path: none}
      retrievers: [bm25]
      retrieval_depth: 10
      module: {name: gold_position, total: [9], positions: [1], baselines: true}
      """)
  let inputs = ExperimentInputs(
    questions: [question], dataChecksum: "x", rankers: corpus.rankers, corpus: corpus)
  let summary = try ExperimentRunner(
    loaded: loaded, inputs: inputs, generator: FakeGenerator(), store: store
  ).run()
  #expect(summary.trialsSkipped == 1)
  #expect(!summary.interrupted)
  #expect(try store.trialCount(experimentId: summary.experimentId) == 2)
  #expect(
    try store.skipReasons(experimentId: summary.experimentId).map(\.reason) == [
      "7 answer-free distractors in the top 10 of bm25, 8 needed"
    ])
  let rerun = try ExperimentRunner(
    loaded: loaded, inputs: inputs, generator: FakeGenerator(), store: store
  ).run()
  #expect(rerun.trialsRecorded == 0 && rerun.trialsAlreadyDone == 3)
}

@Test func positionsBeyondATotalAndTotalsDeeperThanRetrievalAreSpecErrors() throws {
  let error = try #require(throws: SpecError.self) {
    try SpecLoader.parse(
      yaml: """
        name: gp
        dataset: {name: fake, path: none}
        retrievers: [bm25]
        retrieval_depth: 8
        module: {name: gold_position, total: [5, 10], positions: [1, 6], distractor_order: sorted}
        """)
  }
  let byPath = Dictionary(error.problems.map { ($0.keyPath, $0.message) }) { a, _ in a }
  #expect(byPath["module.positions[1]"]?.contains("position 6 is beyond total 5") == true)
  #expect(byPath["module.total[1]"]?.contains("raise retrieval_depth") == true)
  #expect(byPath["module.distractor_order"]?.contains("unknown distractor order 'sorted'") == true)
  #expect(error.problems.allSatisfy { $0.line == 5 })
}
