import Foundation
import Testing

@testable import Experiments

/// Passages p0…p9 ("Text of passage n."), except that p3 and p7 mention Paris (the answer).
private let corpus = FixedCorpus.paris(count: 10, mentioning: [3, 7])

private func context(gold: String, depth: Int = 10) -> QuestionContext {
  QuestionContext(
    question: Question(id: "q", text: "Where?", answers: ["Paris"], goldPassageIDs: [gold]),
    depth: depth, rankers: corpus.rankers, corpus: corpus, seed: 1)
}

private func module(_ knobs: String, retrievers: String = "[bm25]") throws -> any ExperimentModule {
  try ModuleSpecFixture.module("{name: stable_rag\(knobs)}", name: "srag", retrievers: retrievers)
}

private func ids(_ passages: [Passage]) -> [String] { passages.map(\.id) }

@Test func theDefaultsAreThePapersFiveByOneHundredTwentyWithTheFinalNormState() throws {
  let m = try #require(try module("") as? StableRAGModule)
  #expect(m.knobs == StableRAGKnobs())
  #expect(m.knobs.k == 5 && m.knobs.orders == .all && m.knobs.layers == .last)
  #expect(m.knobs.pca == 30 && m.knobs.sigma == 0.1 && m.knobs.clusters == .auto)
  #expect(try m.conditions().count == 120)
  #expect(m.hiddenStateLayers == .last)
  // The clustering options carry the knobs through.
  let fixed = try #require(try module(", clusters: 3, pca: 10, sigma: 0.5") as? StableRAGModule)
  #expect(fixed.knobs.clusteringOptions.fixedK == 3)
  #expect(fixed.knobs.clusteringOptions.pcaComponents == 10)
  #expect(fixed.knobs.clusteringOptions.sigma == 0.5)
}

@Test func theSetIsTheGoldAndAnswerFreeDistractorsKeptInRetrievalOrder() throws {
  let m = try module(", k: 4, orders: all")
  let conditions = try m.conditions()
  #expect(conditions.count == 24)
  // Gold p5 ranks sixth; p3 holds the answer, so the distractors are p0, p1, p2 and the set in
  // rank order is p0 p1 p2 p5 — order 0, what vanilla answers, keeps the gold at its rank.
  #expect(
    ids(try m.passages(for: conditions[0], context: context(gold: "p5"))) == [
      "p0", "p1", "p2", "p5",
    ])
  // perm 4-3-2-1 (the last lexicographic order) reverses it.
  #expect(
    ids(try m.passages(for: conditions[23], context: context(gold: "p5"))) == [
      "p5", "p2", "p1", "p0",
    ])
  // A gold the retriever did not return (depth 5: p0…p4) goes last.
  #expect(
    ids(try m.passages(for: conditions[0], context: context(gold: "p9", depth: 5))) == [
      "p0", "p1", "p2", "p9",
    ])
  // Conditions carry no gold position: the gold's slot depends on the question.
  #expect(!conditions[0].keysJSON.contains("gold_position"))
}

@Test func aQuestionWithoutEnoughAnswerFreeDistractorsIsSkippedNotPadded() throws {
  let m = try module(", k: 5, orders: {sample: 4, seed: 1}")
  let condition = try #require(try m.conditions().first)
  // depth 4 returns p0…p3; p3 holds the answer, so only p0, p1, p2 are answer-free.
  #expect(throws: ModuleSkip.self) {
    try m.passages(for: condition, context: context(gold: "p5", depth: 4))
  }
}

@Test func specsThatCannotBeClusteredAreRefusedWithTheKeyAndTheFix() throws {
  func errors(_ knobs: String) -> String {
    let yaml = ModuleSpecFixture.yaml("{name: stable_rag\(knobs)}", name: "srag")
    do {
      _ = try SpecLoader.parse(yaml: yaml)
      return ""
    } catch {
      return "\(error)"
    }
  }
  #expect(errors(", k: 7").contains("module.orders"))
  #expect(errors(", k: 5, orders: {sample: 200, seed: 1}").contains("only 120 distinct orders"))
  #expect(errors(", orders: {sample: 6, seed: 1}, clusters: 8").contains("module.clusters"))
  #expect(errors(", layers: [5, middle]").contains("module.layers"))
  #expect(errors(", sigma: 0").contains("module.sigma"))
  #expect(errors(", orders: {sample: 6, seed: 1}, clusters: 4, layers: [5, last]").isEmpty)
}

@Test func theLargestClusterWinsAndTiesGoToTheMoreConfidentRepresentative() {
  let answers = [
    OrderAnswer(order: 0, answer: "Paris", correct: true, meanLogprob: -2),
    OrderAnswer(order: 1, answer: "Lyon", correct: false, meanLogprob: -0.5),
    OrderAnswer(order: 2, answer: "Nice", correct: false, meanLogprob: -1),
  ]
  // Sizes 3, 5, 2: cluster 1 wins by size.
  #expect(
    AnswerSelection.stableCluster(
      clusterSizes: [3, 5, 2], representatives: [0, 1, 2], answers: answers) == 1)
  // Sizes 4, 4, 2: clusters 0 and 1 tie; representative 1 (−0.5) beats representative 0 (−2).
  #expect(
    AnswerSelection.stableCluster(
      clusterSizes: [4, 4, 2], representatives: [0, 1, 2], answers: answers) == 1)
  #expect(AnswerSelection.stableCluster(clusterSizes: [], representatives: [], answers: []) == nil)
}

@Test func theVoteCountsNormalisedAnswersAndTiesGoToTheEarliestOrder() {
  func answer(_ order: Int, _ text: String) -> OrderAnswer {
    OrderAnswer(order: order, answer: text, correct: false, meanLogprob: 0)
  }
  // "The Eiffel Tower." and "eiffel tower" normalise alike: 2 votes against 1.
  #expect(
    AnswerSelection.majority([
      answer(0, "Paris"), answer(1, "The Eiffel Tower."), answer(2, "eiffel tower"),
    ]) == 1)
  // One vote each: the earliest order's answer.
  #expect(AnswerSelection.majority([answer(0, "a"), answer(1, "b")]) == 0)
  // 2 against 2: the group that appeared first.
  #expect(
    AnswerSelection.majority([answer(0, "x"), answer(1, "y"), answer(2, "y"), answer(3, "x")])
      == 0)
  #expect(AnswerSelection.majority([]) == nil)
}

@Test func twoTightGroupsOfOrdersGiveTwoClustersAndEachMethodItsHandWorkedAnswer() throws {
  // Six orders in 8 dimensions: orders 0, 2, 4 point along e2 ("Lyon", wrong), orders 1, 3, 5
  // along e1 ("Paris", right), each nudged a little off its axis.
  func state(_ axis: Int, _ nudge: Float) -> [Float] {
    var v = [Float](repeating: 0, count: 8)
    v[axis] = 1
    v[7] = nudge
    return v
  }
  let states = [
    state(1, 0.01), state(0, 0.02), state(1, 0.03), state(0, 0.04), state(1, 0.05),
    state(0, 0.06),
  ]
  let answers = (0..<6).map { order in
    OrderAnswer(
      order: order, answer: order % 2 == 0 ? "Lyon" : "Paris", correct: order % 2 == 1,
      meanLogprob: order % 2 == 0 ? -3 : -1, promptTokens: 100,
      prefillSeconds: order == 0 ? 3 : 1, generateSeconds: 0.5)
  }
  let question = try StableRAGQuestion(
    questionID: "q", answers: answers, states: [31: states], knobs: StableRAGKnobs())
  let method = try #require(question.method)
  // Within a group cos ≈ 1 (affinity ≈ 1), across groups cos ≈ 0 (affinity e^−10): the
  // Laplacian has two near-zero eigenvalues, then a gap, so K = 2 with the groups as clusters.
  #expect(method.k == 2)
  #expect(method.labels == [0, 1, 0, 1, 0, 1])
  #expect(method.sizes == [3, 3])
  #expect(method.qualityCorrectness?.purity == 1)
  #expect(method.qualityCorrectness?.pairF1 == 1)
  // Sizes tie; Paris's representative is the more confident (−1 > −3), so stable_rag is right.
  #expect(question.stableRAG)
  // The vote ties 3–3 and goes to the group of the earliest order, order 0: Lyon, wrong.
  #expect(!question.exhaustiveVote)
  #expect(!question.vanilla && question.oracleOrder && question.sensitive)
  // Costs: one prompt alone = the first (from-scratch) prefill, 3 s, plus one 0.5 s decode;
  // stable_rag = the shared walk (3 + 5 × 1 = 8 s) plus two decodes; the vote decodes all six.
  #expect(question.cost(of: .vanilla) == (1, 1, 3.5))
  #expect(question.cost(of: .stableRAG) == (6, 2, 9))
  #expect(question.cost(of: .exhaustiveVote) == (6, 6, 11))
}
