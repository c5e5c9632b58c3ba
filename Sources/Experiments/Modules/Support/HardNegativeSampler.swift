/// Jin et al. (2024, "Long-Context LLMs Meet RAG", App. C Alg. 1): the gold passage plus `k − 1`
/// negatives that are neither gold nor answer-bearing, taken in rank order from a retriever's list,
/// optionally mixed with random negatives, with the gold at a random or fixed position.
///
/// For `source: random` pass a seeded random sample of the corpus as `ranked`.
public struct HardNegativeSampler: Sendable, Equatable {
  /// Passages shown per question, gold included (`k = 1` is the oracle).
  public let k: Int
  /// Share of the `k − 1` negatives taken from the ranked list; the rest come from the random pool.
  public let hardRatio: Double
  /// Fixed 1-based gold position, or nil for a seeded uniform position in `1...k`.
  public let goldPosition: Int?

  /// Creates a sampler after checking its knobs.
  /// - Throws: `DistractorError.invalidKnob` naming `k`, `hard_ratio` or `gold_position`.
  public init(k: Int, hardRatio: Double = 1, goldPosition: Int? = nil) throws(DistractorError) {
    guard k >= 1 else {
      throw DistractorError(
        .invalidKnob, knob: "k", message: "k \(k) must be at least 1 (the gold passage)")
    }
    guard hardRatio.isFinite, (0...1).contains(hardRatio) else {
      throw DistractorError(
        .invalidKnob, knob: "hard_ratio", message: "hard_ratio \(hardRatio) must be between 0 and 1"
      )
    }
    if let goldPosition, !(1...k).contains(goldPosition) {
      throw DistractorError(
        .invalidKnob, knob: "gold_position",
        message:
          "gold_position \(goldPosition) is outside 1...\(k); choose a position between 1 and k")
    }
    self.k = k
    self.hardRatio = hardRatio
    self.goldPosition = goldPosition
  }

  /// Negatives taken from the ranked list: `round(hardRatio · (k − 1))`, halves rounded up.
  public var hardCount: Int { Int((hardRatio * Double(k - 1)).rounded()) }

  /// Negatives drawn from the random pool: the remaining `k − 1 − hardCount`.
  public var randomCount: Int { k - 1 - hardCount }

  /// The `k` passages shown for one question, and where the gold is.
  ///
  /// Hard negatives are the first `hardCount` answer-free passages of `ranked`; random negatives
  /// are `randomCount` answer-free passages of `randomPool` not already chosen, drawn with
  /// `stream`. The negatives are then shuffled and the gold inserted at `goldPosition` or at a
  /// uniform position (together: Alg. 1's shuffle of all `k`).
  /// - Parameters:
  ///   - goldIDs: every gold passage id of the question (`gold.id` is always excluded too).
  ///   - answers: the gold answers; a passage containing one (recall's rule) is never a negative.
  ///   - ranked: the source's list, best first.
  ///   - randomPool: candidates for random negatives (only read when `randomCount > 0`).
  /// - Throws: `DistractorError.tooFewDistractors` when either source has too few negatives.
  public func sample(
    gold: Passage, goldIDs: some Sequence<String>, answers: [String], ranked: [Passage],
    randomPool: [Passage] = [], stream: inout SeededStream
  ) throws(DistractorError) -> HardNegativeSample {
    let excluded = Set(goldIDs).union([gold.id])
    let hardFree = AnswerFreeDistractors(ranked: ranked, answers: answers, goldIDs: excluded)
    guard hardFree.passages.count >= hardCount else {
      throw DistractorError(
        .tooFewDistractors, knob: "k",
        message: "needs \(hardCount) hard negatives, the ranked list has "
          + "\(hardFree.passages.count) answer-free passages; lower k or hard_ratio, or rank deeper"
      )
    }
    var negatives = Array(hardFree.passages.prefix(hardCount))
    if randomCount > 0 {
      let taken = excluded.union(negatives.map(\.id))
      let candidates = AnswerFreeDistractors(ranked: randomPool, answers: answers, goldIDs: taken)
      guard candidates.passages.count >= randomCount else {
        throw DistractorError(
          .tooFewDistractors, knob: "k",
          message: "needs \(randomCount) random negatives, the random pool has "
            + "\(candidates.passages.count) unused answer-free passages; lower k, raise "
            + "hard_ratio, or sample a larger pool")
      }
      negatives += stream.shuffled(candidates.passages).prefix(randomCount)
    }
    var passages = stream.shuffled(negatives)
    let position = goldPosition ?? stream.int(in: 1...k)
    passages.insert(gold, at: position - 1)
    return HardNegativeSample(passages: passages, goldPosition: position)
  }
}

/// What `HardNegativeSampler.sample` shows for one question.
public struct HardNegativeSample: Sendable, Equatable {
  /// The `k` passages in prompt order.
  public let passages: [Passage]
  /// The gold passage's 1-based position in `passages`.
  public let goldPosition: Int
}
