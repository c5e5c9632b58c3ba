import Foundation
import Store
import Testing

@testable import Experiments

/// Passages p0…p19 ("Text of passage n."), except that p3, p7 and p12 mention Paris.
private let corpus = FixedCorpus.paris(count: 20, mentioning: [3, 7, 12])

/// The gold passage is p5; the answer is Paris.
private let question = Question(
  id: "q", text: "Where?", answers: ["Paris"], goldPassageIDs: ["p5"])

private func context(
  _ question: Question = question, depth: Int = 20, seed: UInt64 = 1
) -> QuestionContext {
  QuestionContext(
    question: question, depth: depth, rankers: corpus.rankers, corpus: corpus, seed: seed)
}

private func module(_ yaml: String, depth: Int = 20) throws -> any ExperimentModule {
  try ModuleRegistry.module(
    for: try SpecLoader.parse(
      yaml: """
        name: hn
        dataset: {name: fake, path: none}
        retrievers: [bm25, dense]
        retrieval_depth: \(depth)
        module: \(yaml)
        """
    ).spec)
}

private func ids(_ passages: [Passage]) -> [String] { passages.map(\.id) }

@Test func conditionsAreOnePerSourceAndKAboveOnePlusTheOracle() throws {
  let m = try module("{name: hard_negatives, k: [4, 1, 2], sources: [bm25, random]}")
  let conditions = try m.conditions()
  #expect(
    conditions.map(\.keysJSON) == [
      #"{"k":2,"source":"bm25"}"#, #"{"k":4,"source":"bm25"}"#, #"{"k":2,"source":"random"}"#,
      #"{"k":4,"source":"random"}"#, #"{"baseline":"oracle","k":1}"#,
    ])
  #expect(conditions.map(\.retriever) == ["bm25", "bm25", nil, nil, nil])
  #expect(ids(try m.passages(for: conditions[4], context: context())) == ["p5"])
}

@Test func retrieverNegativesAreTheTopAnswerFreePassagesInRankOrder() throws {
  let m = try module("{name: hard_negatives, k: [4, 8], sources: [bm25, dense]}")
  let shown = try m.conditions().prefix(4).map {
    Set(ids(try m.passages(for: $0, context: context())))
  }
  // bm25 ranks p0, p1, …: p3 and p7 mention Paris and p5 is the gold, so they are passed over.
  #expect(shown[0] == ["p5", "p0", "p1", "p2"])
  #expect(shown[1] == ["p5", "p0", "p1", "p2", "p4", "p6", "p8", "p9"])
  // dense ranks p19, p18, …: p12 mentions Paris.
  #expect(shown[2] == ["p5", "p19", "p18", "p17"])
  #expect(shown[3] == ["p5", "p19", "p18", "p17", "p16", "p15", "p14", "p13"])
}

@Test func noConditionShowsAnAnswerBearingPassageOrADuplicateAsANegative() throws {
  for yaml in [
    "{name: hard_negatives, k: [1, 2, 4, 8], sources: [bm25, dense, random]}",
    "{name: hard_negatives, k: [2, 5, 8], sources: [bm25, dense], hard_ratio: 0.5}",
    "{name: hard_negatives, k: [3, 8], sources: [dense, random], hard_ratio: 0}",
  ] {
    let m = try module(yaml)
    for seed in UInt64(1)...150 {
      for condition in try m.conditions() {
        let shown = try m.passages(for: condition, context: context(seed: seed))
        let k = try JSONSerialization.jsonObject(with: Data(condition.keysJSON.utf8))
        let expected = try #require((k as? [String: Any])?["k"] as? Int)
        #expect(shown.count == expected)
        #expect(Set(ids(shown)).count == shown.count)
        #expect(ids(shown).filter { $0 == "p5" }.count == 1)
        #expect(!shown.contains { $0.id != "p5" && $0.text.contains("Paris") })
      }
    }
  }
}

@Test func aFixedGoldPositionIsHonouredUnderEveryConditionAndSeed() throws {
  let m = try module(
    "{name: hard_negatives, k: [2, 4, 8], sources: [bm25, random], gold_position: 2}")
  for seed in UInt64(1)...40 {
    for condition in try m.conditions().dropLast() {
      #expect(ids(try m.passages(for: condition, context: context(seed: seed)))[1] == "p5")
    }
  }
}

@Test func theRandomGoldPositionAndOrderAreSeededAndCoverEveryPosition() throws {
  let m = try module("{name: hard_negatives, k: [4], sources: [bm25]}")
  let condition = try m.conditions()[0]
  let draws = try (UInt64(1)...200).map {
    ids(try m.passages(for: condition, context: context(seed: $0)))
  }
  #expect(Set(draws.map { $0.firstIndex(of: "p5")! + 1 }) == [1, 2, 3, 4])
  #expect(Set(draws).count > 4)
  // The same seed draws the same layout again, from a fresh context.
  #expect(
    try (UInt64(1)...200).map { ids(try m.passages(for: condition, context: context(seed: $0))) }
      == draws)
}

@Test func randomNegativesOfASmallerKAreAmongThoseOfALargerK() throws {
  let m = try module("{name: hard_negatives, k: [2, 4, 8], sources: [random]}")
  let conditions = try m.conditions()
  var seen: Set<[String]> = []
  for seed in UInt64(1)...30 {
    let sets = try conditions.prefix(3).map {
      Set(ids(try m.passages(for: $0, context: context(seed: seed))))
    }
    #expect(sets[0].isSubset(of: sets[1]) && sets[1].isSubset(of: sets[2]))
    seen.insert(Array(sets[2]).sorted())
  }
  // The sample changes with the seed.
  #expect(seen.count > 1)
}

@Test func hardRatioMixesTheTopRankedNegativesWithRandomOnes() throws {
  // K = 5: round(0.5 · 4) = 2 hard negatives (p0, p1), 2 random ones from the corpus sample.
  let m = try module("{name: hard_negatives, k: [5], sources: [bm25], hard_ratio: 0.5}")
  let condition = try m.conditions()[0]
  var others: Set<String> = []
  for seed in UInt64(1)...40 {
    let shown = Set(ids(try m.passages(for: condition, context: context(seed: seed))))
    #expect(shown.isSuperset(of: ["p0", "p1", "p5"]))
    others.formUnion(shown.subtracting(["p0", "p1", "p5"]))
  }
  // Random negatives reach past bm25's next answer-free passages (p2, p4).
  #expect(!others.isSubset(of: ["p2", "p4"]))
}

@Test func questionsWithTooFewAnswerFreeNegativesOrNoGoldAreSkipped() throws {
  // Top 10 of bm25 minus the gold (p5) and p3, p7 leaves 7; K = 9 needs 8.
  let ranked = try module("{name: hard_negatives, k: [9], sources: [bm25]}", depth: 10)
  let tooFew = try #require(throws: ModuleSkip.self) {
    try ranked.passages(for: try ranked.conditions()[0], context: context(depth: 10))
  }
  #expect(tooFew.reason == "7 answer-free negatives in the top 10 of bm25, 8 needed")
  // The corpus has 19 passages besides the gold, 16 of them answer-free; K = 18 needs 17.
  let random = try module("{name: hard_negatives, k: [18], sources: [random]}")
  let small = try #require(throws: ModuleSkip.self) {
    try random.passages(for: try random.conditions()[0], context: context())
  }
  #expect(
    small.reason == "16 answer-free negatives in a seeded sample of 19 corpus passages, 17 needed")
  let noGold = Question(id: "q2", text: "Where?", answers: ["Paris"], goldPassageIDs: [])
  for condition in try random.conditions() {
    let skip = try #require(throws: ModuleSkip.self) {
      try random.passages(for: condition, context: context(noGold))
    }
    #expect(skip.reason == "the question names no gold passage")
  }
}

@Test func skippedQuestionsAreStoredWithTheirReasonAndTheOracleStillRuns() throws {
  let store = ResultsStore(database: try LabDatabase.inMemory())
  let loaded = try SpecLoader.parse(
    yaml: """
      name: hn-run
      dataset: {name: fake, path: none}
      retrievers: [bm25]
      retrieval_depth: 10
      module: {name: hard_negatives, k: [4, 9], sources: [bm25]}
      """)
  let inputs = ExperimentInputs(
    questions: [question], dataChecksum: "x",
    rankers: ["bm25": FixedRanker(name: "bm25", passages: corpus.passages)],
    corpus: corpus)
  let summary = try ExperimentRunner(
    loaded: loaded, inputs: inputs, generator: FakeGenerator(), store: store
  ).run()
  #expect(summary.trialsSkipped == 1 && !summary.interrupted)
  #expect(try store.trialCount(experimentId: summary.experimentId) == 2)
  #expect(
    try store.skipReasons(experimentId: summary.experimentId).map(\.reason) == [
      "7 answer-free negatives in the top 10 of bm25, 8 needed"
    ])
}

@Test func badKnobsAreSpecErrorsWithKeyPathsAndLines() throws {
  func problems(_ yaml: String) throws -> [String: (line: Int?, message: String)] {
    let error = try #require(throws: SpecError.self) { try SpecLoader.parse(yaml: yaml) }
    return Dictionary(error.problems.map { ($0.keyPath, ($0.line, $0.message)) }) { a, _ in a }
  }
  let spec = """
    name: hn
    dataset: {name: fake, path: none}
    retrievers: [bm25]
    retrieval_depth: 5
    module:
      name: hard_negatives
      k: [1, 4, 8]
      sources: [bm25, dense, random]
      gold_position: 5

    """
  let first = try problems(spec)
  #expect(first.count == 3)
  #expect(first["module.sources[1]"]?.line == 8)
  #expect(first["module.sources[1]"]?.message.contains("add it to `retrievers`") == true)
  // K = 8 needs 7 ranked negatives; K = 4 needs 3, within retrieval_depth 5.
  #expect(first["module.k[2]"]?.line == 7)
  #expect(first["module.k[2]"]?.message.contains("raise retrieval_depth") == true)
  #expect(first["module.gold_position"]?.line == 9)
  #expect(first["module.gold_position"]?.message.contains("beyond K = 4") == true)

  // With hard_ratio 0.5: K = 11 takes round(5) = 5 ranked negatives (fits), K = 12 round(5.5) = 6.
  let mixed = try problems(
    spec.replacingOccurrences(of: "[1, 4, 8]", with: "[11, 12]")
      .replacingOccurrences(of: "bm25, dense, random", with: "bm25")
      .replacingOccurrences(of: "gold_position: 5", with: "hard_ratio: 0.5"))
  #expect(mixed.keys.sorted() == ["module.k[1]"])
  #expect(mixed["module.k[1]"]?.message.contains("takes 6 negatives") == true)

  let shapes = try problems(
    spec.replacingOccurrences(of: "[1, 4, 8]", with: "[0, 2]")
      .replacingOccurrences(of: "bm25, dense, random", with: "bm52")
      .replacingOccurrences(of: "gold_position: 5", with: "hard_ratio: 1.5"))
  #expect(shapes["module.k[0]"]?.message.contains("at least 1") == true)
  #expect(shapes["module.sources[0]"]?.message.contains("did you mean 'bm25'") == true)
  #expect(shapes["module.hard_ratio"]?.message.contains("between 0.0 and 1.0") == true)
}
