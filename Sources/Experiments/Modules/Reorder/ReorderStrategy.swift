/// One way to arrange a question's top-k retrieved passages in the prompt.
///
/// A strategy sees only what its order may depend on (`OrderInput`) and returns the prompt order
/// as 0-based retrieval ranks, so it is a pure function that `raglab order` can show and tests can
/// pin by hand.
public protocol ReorderStrategy: Sendable {
  /// The name in specs, condition keys and `raglab order` (`interleave`).
  var name: String { get }
  /// What the order depends on besides k.
  var dependence: OrderDependence { get }
  /// The strategy in one sentence, for the notebook and `raglab order --help`.
  var definition: String { get }
  /// The prompt order of `input.k` passages: element j is the 0-based retrieval rank of the
  /// passage shown at prompt position j (a permutation of `0..<k`).
  func order(_ input: OrderInput) -> [Int]
}

extension ReorderStrategy {
  /// Whether the strategy reads the gold labels (an upper bound no deployed system reaches).
  public var isOracle: Bool { dependence == .gold }

  /// The name as tables and plot legends show it: `gold_first (oracle)` for an oracle.
  public var label: String { isOracle ? "\(name) (oracle)" : name }
}

/// What a strategy's order depends on besides k.
public enum OrderDependence: Sendable, Equatable {
  /// Nothing else: the same order for every question.
  case kOnly
  /// The question's seeded stream (dataset seed, question id, k).
  case seed
  /// Which of the question's top-k passages are gold.
  case gold
  /// A re-ranking pass of the reader model over the question's top k (`attention`, `first_token`).
  case scores
}

/// What a strategy may look at for one question's top-k list.
public struct OrderInput: Sendable {
  /// Passages in the list.
  public var k: Int
  /// 0-based retrieval ranks (< k) of the gold passages in the list.
  public var goldRanks: Set<Int>
  /// The question's seeded stream for this k (read by `random` only).
  public var stream: SeededStream
  /// One re-ranking score per passage in retrieval order (read by the model strategies only).
  public var scores: [Double]?

  /// Creates the input of one list.
  public init(k: Int, goldRanks: Set<Int> = [], stream: SeededStream, scores: [Double]? = nil) {
    self.k = k
    self.goldRanks = goldRanks
    self.stream = stream
    self.scores = scores
  }
}
