import Testing

@testable import Experiments

/// The 1-based prompt order `strategy` gives k passages with these 1-based gold ranks.
private func ranks(_ strategy: any ReorderStrategy, k: Int, gold: Set<Int> = []) -> [Int] {
  let stream = SeededStream(seed: 0, questionID: "q", condition: RandomOrder.streamLabel(k: k))
  let input = OrderInput(k: k, goldRanks: Set(gold.map { $0 - 1 }), stream: stream)
  return strategy.order(input).map { $0 + 1 }
}

// Expected orders below are written out by hand from each definition, for k = 1…8.

@Test func retrievalKeepsTheRankedOrder() {
  let expected: [[Int]] = [
    [1],
    [1, 2],
    [1, 2, 3],
    [1, 2, 3, 4],
    [1, 2, 3, 4, 5],
    [1, 2, 3, 4, 5, 6],
    [1, 2, 3, 4, 5, 6, 7],
    [1, 2, 3, 4, 5, 6, 7, 8],
  ]
  #expect((1...8).map { ranks(RetrievalOrder(), k: $0) } == expected)
}

@Test func reverseShowsTheBestRankedPassageLast() {
  let expected: [[Int]] = [
    [1],
    [2, 1],
    [3, 2, 1],
    [4, 3, 2, 1],
    [5, 4, 3, 2, 1],
    [6, 5, 4, 3, 2, 1],
    [7, 6, 5, 4, 3, 2, 1],
    [8, 7, 6, 5, 4, 3, 2, 1],
  ]
  #expect((1...8).map { ranks(ReverseOrder(), k: $0) } == expected)
}

/// Jin et al. Alg. 2: dᵢ at position (i+1)/2 for odd i, k+1−i/2 for even i.
@Test func interleavePutsOddRanksInFrontAndEvenRanksBackwardsAtTheEnd() {
  let expected: [[Int]] = [
    [1],
    [1, 2],
    [1, 3, 2],
    [1, 3, 4, 2],
    [1, 3, 5, 4, 2],
    [1, 3, 5, 6, 4, 2],
    [1, 3, 5, 7, 6, 4, 2],
    [1, 3, 5, 7, 8, 6, 4, 2],
  ]
  #expect((1...8).map { ranks(InterleaveOrder(), k: $0) } == expected)
}

/// LangChain: reverse, then insert at the front (even index) / append (odd index).
@Test func longContextReorderEqualsInterleaveForOddKAndMirrorsItForEvenK() {
  let expected: [[Int]] = [
    [1],
    [2, 1],
    [1, 3, 2],
    [2, 4, 3, 1],
    [1, 3, 5, 4, 2],
    [2, 4, 6, 5, 3, 1],
    [1, 3, 5, 7, 6, 4, 2],
    [2, 4, 6, 8, 7, 5, 3, 1],
  ]
  #expect((1...8).map { ranks(LongContextReorder(), k: $0) } == expected)
}

/// Gold at retrieval ranks 2 and 5 (those within k).
@Test func goldFirstMovesTheGoldPassagesToTheFrontKeepingRetrievalOrder() {
  let expected: [[Int]] = [
    [1],
    [2, 1],
    [2, 1, 3],
    [2, 1, 3, 4],
    [2, 5, 1, 3, 4],
    [2, 5, 1, 3, 4, 6],
    [2, 5, 1, 3, 4, 6, 7],
    [2, 5, 1, 3, 4, 6, 7, 8],
  ]
  #expect(
    (1...8).map { k in ranks(GoldOrder.first, k: k, gold: Set([2, 5].filter { $0 <= k })) }
      == expected)
  #expect(GoldOrder.first.label == "gold_first (oracle)")
}

@Test func goldLastMovesTheGoldPassagesToTheBackKeepingRetrievalOrder() {
  let expected: [[Int]] = [
    [1],
    [1, 2],
    [1, 3, 2],
    [1, 3, 4, 2],
    [1, 3, 4, 2, 5],
    [1, 3, 4, 6, 2, 5],
    [1, 3, 4, 6, 7, 2, 5],
    [1, 3, 4, 6, 7, 8, 2, 5],
  ]
  #expect(
    (1...8).map { k in ranks(GoldOrder.last, k: k, gold: Set([2, 5].filter { $0 <= k })) }
      == expected)
  #expect(GoldOrder.last.label == "gold_last (oracle)")
  #expect(InterleaveOrder().label == "interleave")
}

@Test func randomIsASeededPermutationPerQuestion() {
  func order(_ question: String, k: Int, seed: UInt64 = 0) -> [Int] {
    let stream = SeededStream(
      seed: seed, questionID: question, condition: RandomOrder.streamLabel(k: k))
    return RandomOrder().order(OrderInput(k: k, stream: stream)).map { $0 + 1 }
  }
  for k in 1...8 {
    #expect(order("q1", k: k).sorted() == Array(1...k))
    #expect(order("q1", k: k) == order("q1", k: k))
  }
  // scripts/seeded_stream_reference.py 0 q1 reorder/random/k=8 8 (and q2): shuffles of 1…8.
  #expect(order("q1", k: 8) == [2, 3, 1, 6, 4, 8, 7, 5])
  #expect(order("q2", k: 8) == [3, 2, 4, 5, 6, 8, 1, 7])
  let perQuestion = Set((0..<10).map { order("q\($0)", k: 8) })
  #expect(perQuestion.count > 1)
  #expect(order("q1", k: 8, seed: 1) != order("q1", k: 8))
}

@Test func scoreOrderRanksByScoreBreaksTiesByRetrievalRankAndPlacesTheBestFirstOrLast() {
  // Retrieval ranks 1…6 scored 0.5, 2.0, 0.5, NaN, 3.0, 2.0. By hand: most relevant r5 (3.0),
  // then r2 and r6 (2.0, r2 retrieved better), r1 and r3 (0.5), r4 (NaN) last.
  let scores = [0.5, 2.0, 0.5, .nan, 3.0, 2.0]
  #expect(ScoreOrder(placement: .first).order(scores: scores).map { $0 + 1 } == [5, 2, 6, 1, 3, 4])
  #expect(
    ScoreOrder(placement: .nearestQuestion).order(scores: scores).map { $0 + 1 }
      == [4, 3, 1, 6, 2, 5])
  #expect(ScoreOrder(placement: .first).order(scores: []) == [])
  #expect(ScoreOrder.Placement(rawValue: "nearest_question") == .nearestQuestion)
}

@Test func orderPreviewPrintsDeterministicOrdersAndExplainsTheOthers() throws {
  #expect(try OrderPreview.ranks(strategy: "interleave", k: 5, seed: nil) == [1, 3, 5, 4, 2])
  #expect(OrderPreview.text([1, 3, 5, 4, 2], json: false) == "[1, 3, 5, 4, 2]")
  #expect(OrderPreview.text([1, 3, 5, 4, 2], json: true) == "[1,3,5,4,2]")
  // scripts/seeded_stream_reference.py 7 56be4db0acb8001400a502ec reorder/random/k=5 5
  #expect(
    try OrderPreview.ranks(
      strategy: "random", k: 5, seed: 7, questionID: "56be4db0acb8001400a502ec")
      == [2, 4, 5, 3, 1])
  let unknown = try #require(throws: OrderPreviewError.self) {
    try OrderPreview.ranks(strategy: "interleaved", k: 5, seed: nil)
  }
  #expect(
    unknown.description
      == "unknown strategy 'interleaved'; known: retrieval, reverse, random, interleave, "
      + "long_context_reorder, gold_first, gold_last, attention, first_token")
  let random = try #require(throws: OrderPreviewError.self) {
    try OrderPreview.ranks(strategy: "random", k: 5, seed: nil)
  }
  #expect(random.description.contains("give --seed S"))
  let oracle = try #require(throws: OrderPreviewError.self) {
    try OrderPreview.ranks(strategy: "gold_last", k: 5, seed: nil)
  }
  #expect(oracle.description.hasPrefix("gold_last (oracle) depends on the question"))
  let model = try #require(throws: OrderPreviewError.self) {
    try OrderPreview.ranks(strategy: "first_token", k: 5, seed: nil)
  }
  #expect(model.description.hasPrefix("first_token depends on the question: the reader model"))
}
