import Foundation
import Testing

@testable import Experiments

// MARK: - Passage orders

@Test func allOrdersOfThreeAreTheSixPermutationsInLexicographicOrder() throws {
  // written out by hand
  let expected = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]]
  #expect(try PassageOrders.all(3) == expected)
  #expect(try PassageOrders.all(1) == [[0]])
}

@Test func allOrdersOfFiveAreOneHundredTwentyDistinctPermutationsStartingWithRetrievalOrder()
  throws
{
  let orders = try PassageOrders.all(5)
  #expect(orders.count == 120)  // 5! = 120
  #expect(Set(orders).count == 120)
  #expect(orders.first == [0, 1, 2, 3, 4])
  #expect(orders.last == [4, 3, 2, 1, 0])
  #expect(orders.allSatisfy { $0.sorted() == [0, 1, 2, 3, 4] })
  #expect(zip(orders, orders.dropFirst()).allSatisfy { $0.lexicographicallyPrecedes($1) })
  #expect(try PassageOrders.all(6).count == 720)  // 6! = 720
}

@Test func allOrdersBeyondSixPassagesIsRefusedSayingToSample() {
  #expect(throws: PassageOrdersError.self) { try PassageOrders.all(7) }
  do throws(PassageOrdersError) {
    _ = try PassageOrders.all(7)
  } catch {
    #expect(error.description.contains("module.orders"))
    #expect(error.description.contains("5040"))
    #expect(error.description.contains("sample"))
  }
  #expect(throws: PassageOrdersError.self) { try PassageOrders.all(0) }
}

@Test func sampledOrdersAreDistinctPermutationsWithTheRetrievalOrderFirst() throws {
  for (k, count) in [(5, 10), (5, 120), (8, 50), (3, 1)] {
    let orders = try PassageOrders.sample(k, count: count, seed: 9)
    #expect(orders.count == count)
    #expect(Set(orders).count == count)
    #expect(orders.first == Array(0..<k))
    #expect(orders.allSatisfy { $0.sorted() == Array(0..<k) })
  }
  // a sample of every order is every order
  #expect(try Set(PassageOrders.sample(5, count: 120, seed: 3)) == Set(PassageOrders.all(5)))
}

@Test func aSeededSampleIsReproducibleAndMatchesAnIndependentSplitMix64() throws {
  // Expected from a separate Python implementation of SplitMix64 (checked against the reference
  // first output 0xE220A8397B1DCDAF for seed 0), Lemire's bounded draw and Fisher–Yates from the
  // last position down, redrawing repeats.
  let expected = [
    [0, 1, 2, 3, 4], [3, 0, 2, 1, 4], [0, 1, 4, 2, 3], [3, 2, 4, 0, 1], [2, 0, 3, 4, 1],
    [0, 2, 3, 4, 1],
  ]
  #expect(try PassageOrders.sample(5, count: 6, seed: 2026) == expected)
  #expect(try PassageOrders.sample(5, count: 6, seed: 2026) == expected)
  #expect(try PassageOrders.sample(5, count: 6, seed: 2027) != expected)
}

@Test func aLargerSampleWithTheSameSeedExtendsTheSmallerOne() throws {
  let small = try PassageOrders.sample(6, count: 10, seed: 5)
  let large = try PassageOrders.sample(6, count: 40, seed: 5)
  #expect(Array(large.prefix(10)) == small)
}

@Test func theSampledOrderBesideTheIdentityIsUniformOverTheOtherOrders() throws {
  // 3 items: 5 non-identity orders, 5,000 seeds → about 1,000 each (sd ≈ 28); 850…1,150 is > 5 sd
  var counts: [[Int]: Int] = [:]
  for seed in 0..<5000 {
    counts[try PassageOrders.sample(3, count: 2, seed: UInt64(seed))[1], default: 0] += 1
  }
  #expect(counts.count == 5)
  #expect(counts[[0, 1, 2]] == nil)
  #expect(counts.values.allSatisfy { (850...1150).contains($0) })
}

@Test func aSampleLargerThanKFactorialOrBelowOneIsRefusedNamingTheKey() throws {
  do throws(PassageOrdersError) {
    _ = try PassageOrders.sample(5, count: 121, seed: 1)
    Issue.record("121 orders of 5 passages should be refused")
  } catch {
    #expect(error.description.contains("module.orders.sample"))
    #expect(error.description.contains("120"))
  }
  do throws(PassageOrdersError) {
    _ = try PassageOrders.sample(5, count: 0, seed: 1)
    Issue.record("a sample of 0 orders should be refused")
  } catch {
    #expect(error.description.contains("module.orders.sample"))
  }
  #expect(throws: PassageOrdersError.self) { try PassageOrders.sample(0, count: 1, seed: 1) }
  // 21! overflows Int: any sample size fits, so only the count rules apply
  #expect(try PassageOrders.sample(21, count: 3, seed: 1).count == 3)
}

// MARK: - Permutation measures

/// Question A: 3 passages in all 6 orders; the gold passage sits twice at each position.
let questionA = [
  OrderTrial(answer: "Paris", correct: true, goldPosition: 1),
  OrderTrial(answer: "paris.", correct: true, goldPosition: 1),
  OrderTrial(answer: "The Paris", correct: true, goldPosition: 2),
  OrderTrial(answer: "Lyon", correct: false, goldPosition: 2),
  OrderTrial(answer: "lyon", correct: false, goldPosition: 3),
  OrderTrial(answer: "Marseille", correct: false, goldPosition: 3),
]
/// Question B: 2 passages in both orders, right both times.
let questionB = [
  OrderTrial(answer: "Berlin", correct: true, goldPosition: 1),
  OrderTrial(answer: "berlin!", correct: true, goldPosition: 2),
]
/// Question C: no gold passage shown, wrong four times; "The" and "a." both normalise to "".
let questionC = [
  OrderTrial(answer: "The", correct: false),
  OrderTrial(answer: "a.", correct: false),
  OrderTrial(answer: "x", correct: false),
  OrderTrial(answer: "y", correct: false),
]

@Test func perQuestionMeasuresMatchAHandComputedExample() throws {
  // A: normalised answers paris ×3, lyon ×2, marseille ×1 of n = 6; 3 correct.
  // entropy = −(3/6·log2(1/2) + 2/6·log2(1/3) + 1/6·log2(1/6))
  //         = 0.5 + 0.528321 + 0.430827 = 1.459148 bits
  let a = try #require(QuestionOrderMeasures(trials: questionA))
  #expect(a.orders == 6)
  #expect(a.accuracy == 0.5)
  #expect(a.distinctAnswers == 3)
  #expect(abs(a.answerEntropyBits - 1.459148) < 1e-6)
  #expect(a.majorityShare == 0.5)
  #expect(a.sensitive)
  // B: berlin ×2, both right: one answer, entropy 0, majority 1, not sensitive.
  let b = try #require(QuestionOrderMeasures(trials: questionB))
  #expect(b.accuracy == 1)
  #expect(b.distinctAnswers == 1)
  #expect(b.answerEntropyBits == 0)
  #expect(b.majorityShare == 1)
  #expect(!b.sensitive)
  // C: "" ×2, x, y of n = 4: entropy = 1/2·1 + 1/4·2 + 1/4·2 = 1.5 bits, majority 2/4.
  let c = try #require(QuestionOrderMeasures(trials: questionC))
  #expect(c.accuracy == 0)
  #expect(c.distinctAnswers == 3)
  #expect(abs(c.answerEntropyBits - 1.5) < 1e-12)
  #expect(c.majorityShare == 0.5)
  #expect(!c.sensitive)
  #expect(QuestionOrderMeasures(trials: []) == nil)
}

@Test func experimentMeasuresMatchAHandComputedExample() throws {
  // Questions A, B, C (the empty fourth is left out): 6 + 2 + 4 = 12 trials, 3 + 2 + 0 = 5 right.
  let m = try #require(
    PermutationMeasures(trialsByQuestion: [questionA, questionB, questionC, []]))
  #expect(m.questions.count == 3)
  #expect(m.trials == 12)
  #expect(m.sensitivityRate == 1.0 / 3)  // only A is sensitive
  #expect(m.meanAccuracy == 5.0 / 12)
  #expect(m.bestOrderAccuracy == 2.0 / 3)  // max per question: 1, 1, 0
  #expect(m.worstOrderAccuracy == 1.0 / 3)  // min per question: 0, 1, 0
  // gold at 1: A1 ✓ A2 ✓ B1 ✓ → 3/3; at 2: A3 ✓ A4 ✗ B2 ✓ → 2/3; at 3: A5 ✗ A6 ✗ → 0/2;
  // C shows no gold passage and counts nowhere.
  #expect(
    m.byGoldPosition == [
      GoldPositionAccuracy(position: 1, trials: 3, correct: 3),
      GoldPositionAccuracy(position: 2, trials: 3, correct: 2),
      GoldPositionAccuracy(position: 3, trials: 2, correct: 0),
    ])
  #expect(m.byGoldPosition.map(\.accuracy) == [1, 2.0 / 3, 0])
  #expect(PermutationMeasures(trialsByQuestion: []) == nil)
  #expect(PermutationMeasures(trialsByQuestion: [[], []]) == nil)
}

// MARK: - Prefix sharing over permutations

@Test(arguments: ["question_last", "question_first"])
func allOneHundredTwentyOrdersOfFivePassagesCostAtMost55PercentOfNaiveTokens(
  template: String
) throws {
  let passages = Array(FakeData.passages.prefix(5))
  let requests = try PassageOrders.all(5).enumerated().map {
    PromptRequest(conditionIndex: $0, passages: $1.map { passages[$0] })
  }
  let generator = FakeGenerator()
  var answered = 0
  let tally = try PrefixPlanner().run(
    question: FakeData.questions(1)[0], requests: requests,
    builder: PromptBuilder(spec: PromptSpec(template: template), chatFormat: .chatML),
    generator: generator, options: DecodingOptions()
  ) { _ in answered += 1 }
  let ratio = Double(tally.evaluated) / Double(tally.naive)
  print("permutations \(template): evaluated \(tally.evaluated) of naive \(tally.naive) = \(ratio)")
  #expect(answered == 120)
  #expect(generator.evaluatedPromptTokens == tally.evaluated)
  #expect(ratio <= 0.55)
}
