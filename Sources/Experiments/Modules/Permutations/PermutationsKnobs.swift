/// Which orders of a question's passage set a `permutations` experiment tries.
public enum OrderChoice: Codable, Sendable, Equatable {
  /// Every k! order, lexicographic (k ≤ `PassageOrders.maxExhaustiveCount`).
  case all
  /// `count` distinct orders drawn with `seed`, the retrieval order first.
  case sample(count: Int, seed: UInt64)

  enum CodingKeys: String, CodingKey {
    case sample, seed
  }

  /// The orders for sets of `k` passages, identity (the set's own order) first.
  /// - Throws: `PassageOrdersError` naming `module.orders` and the fix.
  public func orders(k: Int) throws(PassageOrdersError) -> [[Int]] {
    switch self {
    case .all: return try PassageOrders.all(k)
    case .sample(let count, let seed): return try PassageOrders.sample(k, count: count, seed: seed)
    }
  }

  public init(from decoder: any Decoder) throws {
    if let word = try? decoder.singleValueContainer().decode(String.self) {
      guard word == "all" else {
        throw DecodingError.dataCorrupted(
          .init(
            codingPath: decoder.codingPath,
            debugDescription: "orders: expected all or {sample: M, seed: S}"))
      }
      self = .all
      return
    }
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self = .sample(
      count: try c.decode(Int.self, forKey: .sample),
      seed: try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? 0)
  }

  public func encode(to encoder: any Encoder) throws {
    switch self {
    case .all:
      var c = encoder.singleValueContainer()
      try c.encode("all")
    case .sample(let count, let seed):
      var c = encoder.container(keyedBy: CodingKeys.self)
      try c.encode(count, forKey: .sample)
      try c.encode(seed, forKey: .seed)
    }
  }
}

/// The knobs of `permutations`: set size, how the set is chosen, and which orders are tried.
public struct PermutationsKnobs: ModuleKnobs, Equatable {
  /// How a question's passage set is chosen.
  public enum PassageSet: String, Codable, Sendable, Equatable {
    /// The retriever's top k, in rank order.
    case topK = "top_k"
    /// The gold passage first, then the retriever's k − 1 best answer-free distractors in rank
    /// order (Stable-RAG's setting).
    case goldPlus = "gold_plus"
  }

  /// Passages per set (≤ `retrieval_depth`).
  public var k: Int
  /// How the set is chosen (default `top_k`).
  public var set: PassageSet
  /// Which orders are tried (default `all`).
  public var orders: OrderChoice

  enum CodingKeys: String, CodingKey {
    case k, set, orders
  }

  /// Creates the knobs.
  public init(k: Int, set: PassageSet = .topK, orders: OrderChoice = .all) {
    self.k = k
    self.set = set
    self.orders = orders
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      k: try c.decode(Int.self, forKey: .k),
      set: try c.decodeIfPresent(PassageSet.self, forKey: .set) ?? .topK,
      orders: try c.decodeIfPresent(OrderChoice.self, forKey: .orders) ?? .all)
  }
}
