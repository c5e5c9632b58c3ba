import Experiments
import Testing

// Hand-made fixture: the question "Where does the Eiffel Tower stand?" with gold answer Paris.
// Ids starting with "a" contain the answer (labelled by hand), "g" is gold, the rest do not.

/// A passage whose id doubles as its title.
private func passage(_ id: String, _ text: String) -> Passage {
  Passage(id: id, title: id, text: text)
}

private let answers = ["Paris", "City of Paris"]
private let gold = passage("g", "The Eiffel Tower stands in Paris, France.")
private let secondGold = passage("g2", "A wrought-iron lattice tower on the Champ de Mars.")
private let answerBearingIDs: Set<String> = ["a1", "a2", "a3"]

/// A ranked list mixing gold, answer-bearing and answer-free passages.
private let ranked = [
  gold,
  passage("a1", "Paris is the capital of France."),
  passage("h1", "Parisian cafés serve coffee."),
  passage("a2", "Tourists love PARIS!"),
  passage("h2", "The Colosseum is in Rome."),
  secondGold,
  passage("h3", "Big Ben is in London."),
  passage("h4", "The tower of Pisa leans."),
  passage("h5", "The Statue of Liberty is in New York."),
]

/// A random pool with an answer-bearing passage, a gold one and a hard one mixed in.
private let pool = [
  passage("r1", "Lyon is on the Rhone."),
  passage("r2", "Cheese is made from milk."),
  passage("r3", "Berlin has a tower too."),
  passage("a3", "Trains leave from the city of paris."),
  passage("h1", "Parisian cafés serve coffee."),
  passage("r4", "Madrid is in Spain."),
  gold,
]

/// Answer-free distractors d1…dn, in rank order.
private func distractors(_ n: Int) -> [Passage] {
  (0..<n).map { passage("d\($0 + 1)", "Distractor number \($0 + 1).") }
}

// MARK: - AnswerFreeDistractors

@Test func answerFreeDistractorsDropGoldAndAnswerBearingPassagesAndKeepRankOrder() {
  let free = AnswerFreeDistractors(ranked: ranked, answers: answers, goldIDs: ["g", "g2"])
  #expect(free.passages.map(\.id) == ["h1", "h2", "h3", "h4", "h5"])
  #expect(free.droppedGold == 2)
  #expect(free.droppedAnswerBearing == 2)
}

@Test func answerContainmentIsRecallsWholeTokenRule() {
  let check = { (text: String, answer: String) in
    AnswerFreeDistractors.containsAnswer(passage("x", text), answers: [answer])
  }
  #expect(check("Tourists love PARIS!", "paris"))
  #expect(check("Paintings by the Beatles.", "The Beatles"))
  // whole tokens, unlike SubEM: "1" is not in "1990", "paris" is not in "parisian"
  #expect(!check("It opened in 1990.", "1"))
  #expect(!check("Parisian cafés serve coffee.", "Paris"))
  // an answer that normalises to nothing never matches
  #expect(!check("The tower is tall.", "the"))
}

@Test func answerFreeDistractorsKeepARepeatedPassageOnce() {
  let d = distractors(2)
  let free = AnswerFreeDistractors(ranked: d + d, answers: answers, goldIDs: [String]())
  #expect(free.passages.map(\.id) == ["d1", "d2"])
}

// MARK: - GoldLayout

@Test(arguments: [
  (1, ["g", "d1", "d2", "d3", "d4"]),
  (2, ["d1", "g", "d2", "d3", "d4"]),
  (3, ["d1", "d2", "g", "d3", "d4"]),
  (5, ["d1", "d2", "d3", "d4", "g"]),
])
func goldLayoutOfFivePutsGoldAtThePositionAndKeepsTheTopDistractorsInOrder(
  position: Int, expected: [String]
) throws {
  let shown = try GoldLayout.arrange(
    gold: gold, at: position, total: 5, distractors: distractors(7))
  #expect(shown.map(\.id) == expected)
}

@Test(arguments: [
  (1, ["g", "d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8", "d9"]),
  (5, ["d1", "d2", "d3", "d4", "g", "d5", "d6", "d7", "d8", "d9"]),
  (10, ["d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8", "d9", "g"]),
])
func goldLayoutOfTenPutsGoldAtThePositionAndKeepsTheTopDistractorsInOrder(
  position: Int, expected: [String]
) throws {
  let shown = try GoldLayout.arrange(
    gold: gold, at: position, total: 10, distractors: distractors(9))
  #expect(shown.map(\.id) == expected)
}

@Test func goldLayoutShufflesOnlyTheChosenDistractorsWithThePinnedPermutation() throws {
  // scripts/seeded_stream_reference.py 42 q7 total=10 9 → shuffle of d1…d9
  let stream = SeededStream(seed: 42, questionID: "q7", condition: "total=10")
  let shown = try GoldLayout.arrange(
    gold: gold, at: 3, total: 10, distractors: distractors(12), shuffling: stream)
  #expect(shown.map(\.id) == ["d5", "d2", "g", "d8", "d1", "d9", "d3", "d4", "d7", "d6"])
}

@Test(arguments: [0, 6, -1])
func goldLayoutRejectsAPositionOutsideOneToTotal(position: Int) {
  let error = #expect(throws: DistractorError.self) {
    try GoldLayout.arrange(gold: gold, at: position, total: 5, distractors: distractors(4))
  }
  #expect(error?.kind == .invalidKnob)
  #expect(error?.knob == "positions")
  #expect(error?.message.contains("outside 1...5") == true)
}

@Test func goldLayoutRejectsATotalBelowOne() {
  let error = #expect(throws: DistractorError.self) {
    try GoldLayout.check(positions: [], total: 0)
  }
  #expect(error?.kind == .invalidKnob)
  #expect(error?.knob == "total")
}

@Test func goldLayoutRefusesTooFewDistractorsRatherThanPadding() {
  let error = #expect(throws: DistractorError.self) {
    try GoldLayout.arrange(gold: gold, at: 1, total: 10, distractors: distractors(8))
  }
  #expect(error?.kind == .tooFewDistractors)
  #expect(error?.knob == "total")
  #expect(error?.message.contains("needs 9") == true)
}

@Test func goldLayoutPositionListsFollowLostInTheMiddle() {
  #expect(GoldLayout.litmPositions(total: 10) == [1, 5, 10])
  #expect(GoldLayout.litmPositions(total: 20) == [1, 5, 10, 15, 20])
  #expect(GoldLayout.litmPositions(total: 30) == [1, 5, 10, 15, 20, 25, 30])
  #expect(GoldLayout.litmPositions(total: 5) == [1, 5])
  #expect(GoldLayout.litmPositions(total: 7) == [1, 5, 7])
  #expect(GoldLayout.litmPositions(total: 1) == [1])
  #expect(GoldLayout.allPositions(total: 5) == [1, 2, 3, 4, 5])
  #expect(GoldLayout.allPositions(total: 0) == [])
}

// MARK: - SeededStream

@Test func seededStreamMatchesTheIndependentReference() {
  // `printf '42\n2:q7\n8:total=10' | sha256sum` starts 5fceec2bd086a3d0;
  // outputs, shuffle and ints from scripts/seeded_stream_reference.py 42 q7 total=10
  #expect(
    SeededStream.derivedSeed(seed: 42, questionID: "q7", condition: "total=10")
      == 0x5FCE_EC2B_D086_A3D0)
  var stream = SeededStream(seed: 42, questionID: "q7", condition: "total=10")
  #expect(
    (0..<4).map { _ in stream.next() } == [
      0xA6E1_79D2_442E_1D9C, 0xC53E_4751_BC57_FF7E, 0x7E4C_23A8_2F52_7D2A, 0x6E65_C891_3BD9_D2D4,
    ])
  var shuffler = SeededStream(seed: 42, questionID: "q7", condition: "total=10")
  #expect(shuffler.shuffled(Array(1...10)) == [2, 9, 6, 5, 1, 3, 8, 4, 10, 7])
  var ints = SeededStream(seed: 42, questionID: "q7", condition: "total=10")
  #expect((0..<5).map { _ in ints.int(in: 1...10) } == [7, 8, 5, 5, 5])
  // UTF-8 byte lengths: "q/é" is 4 bytes
  var unicode = SeededStream(seed: 7, questionID: "q/é", condition: "k=3")
  #expect(unicode.shuffled(Array(1...5)) == [5, 1, 2, 3, 4])
}

@Test func seededStreamsDifferByQuestionAndConditionAndNeverByRun() {
  let seed = { (q: String, c: String) in
    SeededStream.derivedSeed(seed: 1, questionID: q, condition: c)
  }
  #expect(seed("q1", "k=5") == seed("q1", "k=5"))
  #expect(seed("q1", "k=5") != seed("q2", "k=5"))
  #expect(seed("q1", "k=5") != seed("q1", "k=6"))
  #expect(seed("ab", "c") != seed("a", "bc"))
  #expect(
    SeededStream.derivedSeed(seed: 1, questionID: "q1", condition: "k=5")
      != SeededStream.derivedSeed(seed: 2, questionID: "q1", condition: "k=5"))
}

@Test func seededShuffleIsUniformOverTheSixOrdersOfThree() {
  var counts: [[Int]: Int] = [:]
  for i in 0..<6000 {
    var stream = SeededStream(seed: 3, questionID: "q\(i)", condition: "uniform")
    counts[stream.shuffled([1, 2, 3]), default: 0] += 1
  }
  #expect(counts.count == 6)
  // expected 1000 each; ±150 is more than 5 standard deviations (σ ≈ 29)
  #expect(counts.values.allSatisfy { (850...1150).contains($0) }, "\(counts)")
}

// MARK: - HardNegativeSampler

@Test(arguments: [
  (4, 0.5, 2, 1), (11, 0.25, 3, 7), (5, 0.0, 0, 4), (5, 1.0, 4, 0), (1, 0.5, 0, 0),
])
func hardNegativeCountsRoundHardRatioTimesKMinusOne(
  k: Int, ratio: Double, hard: Int, random: Int
) throws {
  let sampler = try HardNegativeSampler(k: k, hardRatio: ratio)
  #expect(sampler.hardCount == hard)
  #expect(sampler.randomCount == random)
}

@Test func hardNegativesAreTheFirstAnswerFreePassagesInRankOrder() throws {
  var stream = SeededStream(seed: 0, questionID: "q", condition: "k=4")
  let sample = try HardNegativeSampler(k: 4).sample(
    gold: gold, goldIDs: ["g", "g2"], answers: answers, ranked: ranked, stream: &stream)
  #expect(sample.passages.count == 4)
  #expect(sample.passages[sample.goldPosition - 1] == gold)
  #expect(Set(sample.passages.map(\.id)) == ["g", "h1", "h2", "h3"])
}

@Test func oracleIsTheGoldAlone() throws {
  var stream = SeededStream(seed: 0, questionID: "q", condition: "k=1")
  let sample = try HardNegativeSampler(k: 1).sample(
    gold: gold, goldIDs: ["g"], answers: answers, ranked: [], stream: &stream)
  #expect(sample.passages == [gold])
  #expect(sample.goldPosition == 1)
}

@Test func hardNegativeSampleMatchesThePinnedReference() throws {
  // scripts/seeded_stream_reference.py functions, stream (42, q7, k=5): shuffle r1…r4 and keep 2,
  // shuffle [h1, h2] + those, then 1 + below(5) for the gold.
  var stream = SeededStream(seed: 42, questionID: "q7", condition: "k=5")
  let sample = try HardNegativeSampler(k: 5, hardRatio: 0.5).sample(
    gold: gold, goldIDs: ["g", "g2"], answers: answers, ranked: ranked, randomPool: pool,
    stream: &stream)
  #expect(sample.passages.map(\.id) == ["h2", "r2", "g", "h1", "r3"])
  #expect(sample.goldPosition == 3)
}

@Test func fixedGoldPositionIsHonoured() throws {
  for seed in UInt64(0)..<20 {
    var stream = SeededStream(seed: seed, questionID: "q", condition: "fixed")
    let sample = try HardNegativeSampler(k: 5, hardRatio: 0.5, goldPosition: 2).sample(
      gold: gold, goldIDs: ["g"], answers: answers, ranked: ranked, randomPool: pool,
      stream: &stream)
    #expect(sample.goldPosition == 2)
    #expect(sample.passages[1] == gold)
  }
}

@Test func samplerNeverReturnsGoldOrAnswerBearingPassagesAsNegatives() throws {
  var goldPositions: Set<Int> = []
  for seed in UInt64(0)..<300 {
    for k in 1...5 {
      for ratio in [0.0, 0.25, 0.5, 0.75, 1.0] {
        var stream = SeededStream(seed: seed, questionID: "q", condition: "k=\(k),r=\(ratio)")
        let sampler = try HardNegativeSampler(k: k, hardRatio: ratio)
        let sample = try sampler.sample(
          gold: gold, goldIDs: ["g", "g2"], answers: answers, ranked: ranked, randomPool: pool,
          stream: &stream)
        var negatives = sample.passages.map(\.id)
        let atGoldPosition = negatives.remove(at: sample.goldPosition - 1)
        #expect(atGoldPosition == "g")
        #expect(negatives.count == k - 1)
        #expect(Set(negatives).count == negatives.count, "duplicates in \(negatives)")
        #expect(negatives.allSatisfy { !answerBearingIDs.contains($0) && $0 != "g" && $0 != "g2" })
        // the hard part is exactly the top answer-free passages: h1, h2, … in rank order
        let hard = ["h1", "h2", "h3", "h4", "h5"].prefix(sampler.hardCount)
        #expect(Set(hard).isSubset(of: negatives))
        if k == 5 { goldPositions.insert(sample.goldPosition) }
      }
    }
  }
  #expect(goldPositions == [1, 2, 3, 4, 5])
}

@Test func samplerIsReproducibleForTheSameStreamInputs() throws {
  let sampler = try HardNegativeSampler(k: 5, hardRatio: 0.25)
  func draw() throws -> HardNegativeSample {
    var stream = SeededStream(seed: 9, questionID: "q3", condition: "k=5")
    return try sampler.sample(
      gold: gold, goldIDs: ["g"], answers: answers, ranked: ranked, randomPool: pool,
      stream: &stream)
  }
  #expect(try draw() == draw())
}

@Test(
  arguments: [
    (0, 1.0, nil, "k"), (5, 1.5, nil, "hard_ratio"), (5, -0.1, nil, "hard_ratio"),
    (5, Double.nan, nil, "hard_ratio"), (5, 1.0, 0, "gold_position"), (5, 1.0, 6, "gold_position"),
  ] as [(Int, Double, Int?, String)])
func samplerRejectsInvalidKnobs(k: Int, ratio: Double, position: Int?, knob: String) {
  let error = #expect(throws: DistractorError.self) {
    try HardNegativeSampler(k: k, hardRatio: ratio, goldPosition: position)
  }
  #expect(error?.kind == .invalidKnob)
  #expect(error?.knob == knob)
}

@Test func samplerRefusesTooFewHardNegativesRatherThanPadding() throws {
  // five answer-free passages in the ranked list, k = 7 needs six
  var stream = SeededStream(seed: 0, questionID: "q", condition: "k=7")
  let error = #expect(throws: DistractorError.self) {
    try HardNegativeSampler(k: 7).sample(
      gold: gold, goldIDs: ["g", "g2"], answers: answers, ranked: ranked, randomPool: pool,
      stream: &stream)
  }
  #expect(error?.kind == .tooFewDistractors)
  #expect(error?.message.contains("needs 6 hard negatives") == true)
}

@Test func samplerRefusesTooFewRandomNegativesAndNeverReusesHardOnes() throws {
  // k = 7 with one hard negative (h1) needs five random ones; the pool's answer-free, non-gold
  // passages are r1…r4 and h1, which is already taken
  var stream = SeededStream(seed: 0, questionID: "q", condition: "k=7")
  let error = #expect(throws: DistractorError.self) {
    try HardNegativeSampler(k: 7, hardRatio: 1.0 / 6.0).sample(
      gold: gold, goldIDs: ["g"], answers: answers, ranked: ranked, randomPool: pool,
      stream: &stream)
  }
  #expect(error?.kind == .tooFewDistractors)
  #expect(error?.message.contains("needs 5 random negatives") == true)
  #expect(error?.message.contains("has 4 unused") == true)
}
