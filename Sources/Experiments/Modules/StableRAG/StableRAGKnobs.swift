/// How many clusters each question's states are cut into: by the eigengap, or a fixed number.
public enum ClusterCount: Codable, Sendable, Equatable {
  /// K from the largest eigengap of the normalised Laplacian (Stable-RAG's rule).
  case auto
  /// A fixed K.
  case fixed(Int)

  public init(from decoder: any Decoder) throws {
    let c = try decoder.singleValueContainer()
    if let k = try? c.decode(Int.self) {
      self = .fixed(k)
      return
    }
    guard try c.decode(String.self) == "auto" else {
      throw DecodingError.dataCorruptedError(
        in: c, debugDescription: "clusters: expected auto or a whole number ≥ 2")
    }
    self = .auto
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    switch self {
    case .auto: try c.encode("auto")
    case .fixed(let k): try c.encode(k)
    }
  }
}

/// The knobs of `stable_rag`: the passage set and its orders, the layers whose states are
/// captured, and the clustering (Stable-RAG's published settings by default).
public struct StableRAGKnobs: ModuleKnobs, Equatable {
  /// Passages per set: the gold passage and k − 1 answer-free distractors (default 5).
  public var k: Int
  /// Which orders are tried (default `all`).
  public var orders: OrderChoice
  /// Layers whose last-prompt-token states are captured (default `last`, the final-norm output).
  public var layers: HiddenLayerSelection
  /// PCA dimensions before clustering (default 30; fewer when a question has fewer orders).
  public var pca: Int
  /// σ of the affinity exp(−(1 − cos)/σ) (default 0.1).
  public var sigma: Double
  /// K by eigengap or fixed (default `auto`).
  public var clusters: ClusterCount
  /// k-means++ restarts, the lowest inertia kept (default 10).
  public var restarts: Int
  /// Seed of the k-means++ seeding (default 42, the paper's `random_state`).
  public var seed: UInt64

  enum CodingKeys: String, CodingKey {
    case k, orders, layers, pca, sigma, clusters, restarts, seed
  }

  /// Creates the knobs.
  public init(
    k: Int = 5, orders: OrderChoice = .all, layers: HiddenLayerSelection = .last, pca: Int = 30,
    sigma: Double = 0.1, clusters: ClusterCount = .auto, restarts: Int = 10, seed: UInt64 = 42
  ) {
    self.k = k
    self.orders = orders
    self.layers = layers
    self.pca = pca
    self.sigma = sigma
    self.clusters = clusters
    self.restarts = restarts
    self.seed = seed
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      k: try c.decodeIfPresent(Int.self, forKey: .k) ?? 5,
      orders: try c.decodeIfPresent(OrderChoice.self, forKey: .orders) ?? .all,
      layers: try c.decodeIfPresent(HiddenLayerSelection.self, forKey: .layers) ?? .last,
      pca: try c.decodeIfPresent(Int.self, forKey: .pca) ?? 30,
      sigma: try c.decodeIfPresent(Double.self, forKey: .sigma) ?? 0.1,
      clusters: try c.decodeIfPresent(ClusterCount.self, forKey: .clusters) ?? .auto,
      restarts: try c.decodeIfPresent(Int.self, forKey: .restarts) ?? 10,
      seed: try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? 42)
  }
}
