/// The knobs of `reorder`: the strategies compared and the list lengths k they are compared at.
public struct ReorderKnobs: ModuleKnobs, Equatable {
  /// Strategy names (`ReorderStrategies.names`), in spec order: the order of conditions and series.
  public var strategies: [String]
  /// Passages per list, ascending without repeats; each ≤ `retrieval_depth`.
  public var k: [Int]
  /// Where the model re-rankers (`attention`, `first_token`) put the passage they score highest:
  /// `first` (as the retriever's order does) or `nearest_question`.
  public var placement: ScoreOrder.Placement

  /// Creates the knobs.
  public init(strategies: [String], k: [Int], placement: ScoreOrder.Placement = .first) {
    self.strategies = strategies
    self.k = Array(Set(k)).sorted()
    self.placement = placement
  }

  enum CodingKeys: String, CodingKey {
    case strategies, k, placement
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      strategies: try c.decode([String].self, forKey: .strategies),
      k: try c.decode([Int].self, forKey: .k),
      placement: try c.decodeIfPresent(ScoreOrder.Placement.self, forKey: .placement) ?? .first)
  }
}
