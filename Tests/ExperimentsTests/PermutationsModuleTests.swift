import Foundation
import Store
import Testing

@testable import Experiments

/// Passages p0…p9 titled T0…T9 ("Text of passage n."), except that p3 and p7 mention Paris.
private let corpus = FixedCorpus.paris(count: 10, mentioning: [3, 7])

/// The gold passage is p5; the answer is Paris.
private let question = Question(
  id: "q", text: "Where?", answers: ["Paris"], goldPassageIDs: ["p5"])

private func context(_ question: Question = question, depth: Int = 10) -> QuestionContext {
  QuestionContext(
    question: question, depth: depth, rankers: corpus.rankers, corpus: corpus, seed: 1)
}

private func spec(_ module: String, retrievers: String = "[bm25]", depth: Int = 10) -> String {
  ModuleSpecFixture.yaml(module, name: "perm", retrievers: retrievers, depth: depth)
}

private func module(_ yaml: String, retrievers: String = "[bm25]") throws -> any ExperimentModule {
  try ModuleSpecFixture.module(yaml, name: "perm", retrievers: retrievers)
}

private func ids(_ passages: [Passage]) -> [String] { passages.map(\.id) }

private func keys(_ condition: Condition) throws -> PermutationsModule.Keys {
  try condition.keys(as: PermutationsModule.Keys.self)
}

@Test func topKConditionsAreEveryOrderOfTheSetPerRetrieverWithRetrievalOrderFirst() throws {
  let m = try module("{name: permutations, k: 3, orders: all}", retrievers: "[bm25, dense]")
  let conditions = try m.conditions()
  #expect(conditions.count == 12)  // 2 retrievers × 3! orders
  #expect(conditions[0].keysJSON == #"{"order":0,"perm":"1-2-3","retriever":"bm25"}"#)
  #expect(conditions[6].keysJSON == #"{"order":0,"perm":"1-2-3","retriever":"dense"}"#)
  #expect(conditions[0].retriever == "bm25" && conditions[6].retriever == "dense")
  // The six orders of three, lexicographic, written out by hand.
  #expect(
    try conditions.prefix(6).map { try keys($0).perm } == [
      "1-2-3", "1-3-2", "2-1-3", "2-3-1", "3-1-2", "3-2-1",
    ])
  #expect(try conditions.map { try keys($0).order } == Array(0..<6) + Array(0..<6))
  // The retrieval order, then "3-1-2": the set's third passage first.
  #expect(ids(try m.passages(for: conditions[0], context: context())) == ["p0", "p1", "p2"])
  #expect(ids(try m.passages(for: conditions[4], context: context())) == ["p2", "p0", "p1"])
  #expect(ids(try m.passages(for: conditions[10], context: context())) == ["p7", "p9", "p8"])
  // top_k shows the retriever's passages as they are, answer-bearing ones included.
  let shown = try conditions.prefix(6).map { Set(ids(try m.passages(for: $0, context: context()))) }
  #expect(shown.allSatisfy { $0 == ["p0", "p1", "p2"] })
}

@Test func sampledOrdersAreSeededDistinctAndStartWithTheRetrievalOrder() throws {
  let m = try module("{name: permutations, k: 5, orders: {sample: 6, seed: 2026}}")
  // Expected from the independent Python SplitMix64 / Fisher–Yates used in PermutationTests
  // ([0,1,2,3,4], [3,0,2,1,4], [0,1,4,2,3], [3,2,4,0,1], [2,0,3,4,1], [0,2,3,4,1]), 1-based.
  #expect(
    try m.conditions().map { try keys($0).perm } == [
      "1-2-3-4-5", "4-1-3-2-5", "1-2-5-3-4", "4-3-5-1-2", "3-1-4-5-2", "1-3-4-5-2",
    ])
  let again = try module("{name: permutations, k: 5, orders: {sample: 6, seed: 2026}}")
  #expect(try again.conditions() == m.conditions())
  let other = try module("{name: permutations, k: 5, orders: {sample: 6, seed: 7}}")
  let otherPerms = try other.conditions().map { try keys($0).perm }
  #expect(otherPerms.first == "1-2-3-4-5")
  #expect(Set(otherPerms).count == 6)
  #expect(try otherPerms != m.conditions().map { try keys($0).perm })
  let big = try module("{name: permutations, k: 8, orders: {sample: 50, seed: 1}}")
  let perms = try big.conditions().map { try keys($0).perm }
  #expect(perms.count == 50 && Set(perms).count == 50 && perms[0] == "1-2-3-4-5-6-7-8")
}

@Test func goldPlusSetsAreTheGoldThenAnswerFreeDistractorsAndKeysCarryTheGoldPosition() throws {
  let m = try module("{name: permutations, k: 4, set: gold_plus}", retrievers: "[bm25, dense]")
  let conditions = try m.conditions()
  #expect(conditions.count == 48)  // 2 retrievers × 4! orders
  #expect(
    conditions[0].keysJSON == #"{"gold_position":1,"order":0,"perm":"1-2-3-4","retriever":"bm25"}"#
  )
  // bm25 ranks p0 p1 p2 p3 …: p3 mentions Paris, so the set is p5 (gold), p0, p1, p2.
  #expect(ids(try m.passages(for: conditions[0], context: context())) == ["p5", "p0", "p1", "p2"])
  // dense ranks p9 p8 p7 p6 p5 …: p7 mentions Paris and p5 is the gold, so p5, p9, p8, p6.
  #expect(ids(try m.passages(for: conditions[24], context: context())) == ["p5", "p9", "p8", "p6"])
  var positions: [Int: Int] = [:]
  for condition in conditions {
    let shown = ids(try m.passages(for: condition, context: context()))
    #expect(!shown.contains("p3") && !shown.contains("p7"))
    #expect(shown.count == 4 && Set(shown).count == 4)
    let position = try #require(try keys(condition).goldPosition)
    #expect(shown.firstIndex(of: "p5").map { $0 + 1 } == position)
    positions[position, default: 0] += 1
  }
  // Every position holds the gold in 3! = 6 orders per retriever.
  #expect(positions == [1: 12, 2: 12, 3: 12, 4: 12])
}

@Test func questionsWithoutEnoughPassagesAreSkippedNotPadded() throws {
  let goldPlus = try module("{name: permutations, k: 5, set: gold_plus}")
  let first = try goldPlus.conditions()[0]
  // p0 … p3 retrieved: p3 mentions Paris, so 3 distractors remain and 4 are needed.
  let tooFew = try #require(throws: ModuleSkip.self) {
    try goldPlus.passages(for: first, context: context(depth: 4))
  }
  #expect(tooFew.reason == "3 answer-free distractors in the top 4 of bm25, 4 needed")
  let noGold = Question(id: "n", text: "Where?", answers: ["Paris"], goldPassageIDs: [])
  let skip = try #require(throws: ModuleSkip.self) {
    try goldPlus.passages(for: first, context: context(noGold))
  }
  #expect(skip.reason == "the question names no gold passage")
  let topK = try module("{name: permutations, k: 3}")
  let short = try #require(throws: ModuleSkip.self) {
    try topK.passages(for: try topK.conditions()[0], context: context(depth: 2))
  }
  #expect(short.reason == "2 passages retrieved by bm25, k = 3 needed")
}

@Test func aRunOfAllOrdersSharesPrefixesAndResumesWithoutNewTrials() throws {
  let store = ResultsStore(database: try LabDatabase.inMemory())
  let loaded = try SpecLoader.parse(
    yaml: spec("{name: permutations, k: 5, orders: all}", depth: 5))
  let questions = (0..<2).map {
    Question(id: "q\($0)", text: "Which title?", answers: ["T1"], goldPassageIDs: ["p1"])
  }
  let inputs = ExperimentInputs(
    questions: questions, dataChecksum: "x", rankers: corpus.rankers, corpus: corpus)
  let summary = try ExperimentRunner(
    loaded: loaded, inputs: inputs, generator: FakeGenerator(), store: store
  ).run()
  #expect(summary.trialsRecorded == 240 && summary.trialsSkipped == 0)
  // The acceptance bound on 120 orders of 5 passages: at most 55 % of the naive prompt tokens.
  #expect(Double(summary.tokens.evaluated) <= 0.55 * Double(summary.tokens.naive))
  // The fake answers the first passage's title: T1 exactly when p1 leads, 4! of 5! orders.
  for q in questions {
    let trials = try store.trials(experimentId: summary.experimentId, questionId: q.id)
    #expect(trials.count == 120)
    #expect(trials.filter { $0.answer == "T1" }.count == 24)
  }
  let rerun = try ExperimentRunner(
    loaded: loaded, inputs: inputs, generator: FakeGenerator(), store: store
  ).run()
  #expect(rerun.trialsRecorded == 0 && rerun.trialsAlreadyDone == 240)
}

@Test func invalidPermutationKnobsAreSpecErrorsWithKeyPathLineAndFix() throws {
  let error = try #require(throws: SpecError.self) {
    try SpecLoader.parse(
      yaml: spec(
        """

          name: permutations
          k: 7
          set: gold
          orders: all
        """, depth: 5))
  }
  let byPath = Dictionary(error.problems.map { ($0.keyPath, $0) }) { a, _ in a }
  #expect(byPath["module.k"]?.message.contains("raise retrieval_depth to at least 7") == true)
  #expect(byPath["module.k"]?.line == 7)
  #expect(byPath["module.set"]?.message.contains("unknown passage set 'gold'") == true)
  #expect(byPath["module.orders"]?.message.contains("5040 orders") == true)
  #expect(byPath["module.orders"]?.message.contains("{sample: M, seed: S}") == true)
  #expect(byPath["module.orders"]?.line == 9)
  let tooMany = try #require(throws: SpecError.self) {
    try SpecLoader.parse(yaml: spec("{name: permutations, k: 3, orders: {sample: 7, seed: 1}}"))
  }
  #expect(tooMany.problems.map(\.keyPath) == ["module.orders.sample"])
  #expect(
    tooMany.problems.first?.message
      == "sample is 7 but 3 passages have only 6 distinct orders; sample at most 6, "
      + "or use `orders: all`")
  let word = try #require(throws: SpecError.self) {
    try SpecLoader.parse(yaml: spec("{name: permutations, k: 3, orders: every}"))
  }
  #expect(word.problems.map(\.keyPath) == ["module.orders"])
  #expect(word.problems.first?.message.contains("unknown order set 'every'") == true)
}
