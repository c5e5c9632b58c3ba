/// The knobs of `reorder`: the strategies compared and the list lengths k they are compared at.
public struct ReorderKnobs: ModuleKnobs, Equatable {
  /// Strategy names (`ReorderStrategies.names`), in spec order: the order of conditions and series.
  public var strategies: [String]
  /// Passages per list, ascending without repeats; each ≤ `retrieval_depth`.
  public var k: [Int]

  /// Creates the knobs.
  public init(strategies: [String], k: [Int]) {
    self.strategies = strategies
    self.k = Array(Set(k)).sorted()
  }

  enum CodingKeys: String, CodingKey {
    case strategies, k
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      strategies: try c.decode([String].self, forKey: .strategies),
      k: try c.decode([Int].self, forKey: .k))
  }
}
