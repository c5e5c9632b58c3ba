/// The knobs of `hard_negatives`: passages shown, where negatives come from, how hard and random
/// negatives mix, and where the gold passage goes.
public struct HardNegativesKnobs: ModuleKnobs, Equatable {
  /// Passages shown (gold + K − 1 negatives), ascending without repeats; K = 1 is the oracle.
  public var k: [Int]
  /// Where negatives come from, in spec order: a retriever of the spec (`bm25`, `dense`) or
  /// `random` (a seeded sample of the corpus).
  public var sources: [String]
  /// Share of the K − 1 negatives a retriever source takes from its ranking (default 1); the rest
  /// are random. Ignored by `random`, whose negatives are all random.
  public var hardRatio: Double
  /// Fixed 1-based position of the gold passage, or nil for a seeded random position per question
  /// and condition.
  public var goldPosition: Int?

  enum CodingKeys: String, CodingKey {
    case k, sources
    case hardRatio = "hard_ratio"
    case goldPosition = "gold_position"
  }

  /// Creates the knobs.
  public init(k: [Int], sources: [String], hardRatio: Double = 1, goldPosition: Int? = nil) {
    self.k = Array(Set(k)).sorted()
    self.sources = sources
    self.hardRatio = hardRatio
    self.goldPosition = goldPosition
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      k: try c.decode([Int].self, forKey: .k),
      sources: try c.decode([String].self, forKey: .sources),
      hardRatio: try c.decodeIfPresent(Double.self, forKey: .hardRatio) ?? 1,
      goldPosition: try c.decodeIfPresent(Int.self, forKey: .goldPosition))
  }
}
