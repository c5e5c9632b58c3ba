import Foundation

/// "Long-Context LLMs Meet RAG" (Jin et al., 2024, §3.3 and App. C Alg. 1): the gold passage plus
/// K − 1 negatives that are neither gold nor answer-bearing, taken in rank order from a retriever
/// (or from a seeded random sample of the corpus), all K shuffled; K = 1 is the oracle baseline.
public struct HardNegativesModule: ExperimentModule {
  /// The knobs of one (source, K) condition.
  public struct Keys: Codable, Sendable, Equatable {
    /// Passages shown, gold included.
    public var k: Int
    /// Where the negatives come from: a retriever name or `random`.
    public var source: String
  }

  /// The knobs of the oracle baseline: `{baseline: oracle, k: 1}` (the gold passage alone).
  public struct Baseline: Codable, Sendable, Equatable {
    /// The baseline's name (`oracle`).
    public var baseline: String
    /// Passages shown (1).
    public var k: Int
  }

  /// The module's name in specs.
  public static let name = "hard_negatives"
  /// The source whose negatives are a seeded random sample of the corpus.
  public static let randomSource = "random"

  /// Validation, decoding and construction.
  static let entry = ModuleEntry(
    name: name, knobs: HardNegativesKnobs.self,
    fields: [
      "k": .list(.integer(minimum: 1), nonEmpty: true),
      "sources": .list(
        .choice(SpecVocabulary.retrievers + [randomSource], what: "negative source"),
        nonEmpty: true),
      "hard_ratio": .number(minimum: 0, maximum: 1),
      "gold_position": .integer(minimum: 1),
    ],
    required: ["k", "sources"], check: check,
    defaultReport: HardNegativesModule(knobs: HardNegativesKnobs(k: [], sources: [])).report
  ) { _, knobs in
    HardNegativesModule(knobs: knobs)
  }

  /// The knobs.
  public let knobs: HardNegativesKnobs

  /// Creates the module.
  public init(knobs: HardNegativesKnobs) { self.knobs = knobs }

  /// Corpus passages drawn per question for random negatives: enough for the largest K with room
  /// for answer-bearing draws. One pool per question, so a smaller K's random negatives are a
  /// prefix of a larger K's (as a retriever's are).
  public var randomPoolSize: Int { 2 * ((knobs.k.max() ?? 1) - 1) + 10 }

  public func conditions() throws -> [Condition] {
    var conditions: [Condition] = []
    for source in knobs.sources {
      for k in knobs.k where k > 1 {
        conditions.append(
          Condition(
            retriever: source == Self.randomSource ? nil : source, keys: Keys(k: k, source: source))
        )
      }
    }
    conditions.append(Condition(retriever: nil, keys: Baseline(baseline: "oracle", k: 1)))
    return conditions
  }

  public func passages(for condition: Condition, context: QuestionContext) throws -> [Passage] {
    let gold = try gold(context)
    if (try? condition.keys(as: Baseline.self)) != nil { return [gold] }
    let keys = try condition.keys(as: Keys.self)
    let random = keys.source == Self.randomSource
    let sampler: HardNegativeSampler
    do {
      sampler = try HardNegativeSampler(
        k: keys.k, hardRatio: random ? 1 : knobs.hardRatio, goldPosition: knobs.goldPosition)
    } catch {
      throw RunError("hard_negatives condition \(condition.keysJSON): \(error)")
    }
    let ranked = random ? try randomPool(context) : try context.ranked(keys.source)
    let pool = !random && sampler.randomCount > 0 ? try randomPool(context) : []
    var stream = context.random("\(keys.source)/\(keys.k)")
    do {
      return try sampler.sample(
        gold: gold, goldIDs: context.question.goldPassageIDs, answers: context.question.answers,
        ranked: ranked, randomPool: pool, stream: &stream
      ).passages
    } catch  where error.kind == .tooFewDistractors {
      throw skip(sampler, keys, gold: gold, ranked: ranked, error: error, context: context)
    } catch {
      throw RunError("hard_negatives condition \(condition.keysJSON): \(error)")
    }
  }

  /// The question's first gold passage (Alg. 1 starts from one gold passage).
  /// - Throws: `ModuleSkip` for a question without a gold passage.
  private func gold(_ context: QuestionContext) throws -> Passage {
    guard let gold = try context.goldPassages().first else {
      throw ModuleSkip("the question names no gold passage")
    }
    return gold
  }

  /// The question's seeded sample of `randomPoolSize` corpus passages, gold excluded (drawn once
  /// per question and shared by every condition).
  /// - Throws: `RunError` when the run has no corpus to draw from.
  private func randomPool(_ context: QuestionContext) throws -> [Passage] {
    try context.randomPassages(count: randomPoolSize, label: "random-pool")
  }

  /// The skip for a question whose source has too few answer-free negatives, with the counts.
  private func skip(
    _ sampler: HardNegativeSampler, _ keys: Keys, gold: Passage, ranked: [Passage],
    error: DistractorError, context: QuestionContext
  ) -> ModuleSkip {
    let free = AnswerFreeDistractors(
      ranked: ranked, answers: context.question.answers,
      goldIDs: context.question.goldPassageIDs + [gold.id])
    guard free.passages.count < sampler.hardCount else {
      return ModuleSkip("K = \(keys.k) from \(keys.source): \(error.message)")
    }
    let from =
      keys.source == Self.randomSource
      ? "a seeded sample of \(ranked.count) corpus passages"
      : "the top \(ranked.count) of \(keys.source)"
    return ModuleSkip(
      "\(free.passages.count) answer-free negatives in \(from), \(sampler.hardCount) needed")
  }
}
