/// The knobs of `conflict`: passages shown, positions of the counterfactual context, distractor
/// order and the closed-book baseline.
public struct ConflictKnobs: ModuleKnobs, Equatable {
  /// Passages shown (the context + distractors), one curve set each.
  public var total: [Int]
  /// Where the counterfactual context goes (default `litm`: 1 and every multiple of 5).
  public var positions: GoldPositions
  /// `retrieval` (BM25 rank order) or `random` (shuffled once per question and total, seeded).
  public var distractorOrder: String
  /// Whether the closed-book baseline (no passages: what the model answers alone) is run.
  public var baselines: Bool

  enum CodingKeys: String, CodingKey {
    case total, positions, baselines
    case distractorOrder = "distractor_order"
  }

  /// Creates the knobs.
  public init(
    total: [Int], positions: GoldPositions = .litm, distractorOrder: String = "retrieval",
    baselines: Bool = true
  ) {
    self.total = Array(Set(total)).sorted()
    self.positions = positions
    self.distractorOrder = distractorOrder
    self.baselines = baselines
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      total: try c.decode([Int].self, forKey: .total),
      positions: try c.decodeIfPresent(GoldPositions.self, forKey: .positions) ?? .litm,
      distractorOrder: try c.decodeIfPresent(String.self, forKey: .distractorOrder) ?? "retrieval",
      baselines: try c.decodeIfPresent(Bool.self, forKey: .baselines) ?? true)
  }
}
