/// Which 1-based gold positions a `gold_position` experiment tries for each total.
public enum GoldPositions: Codable, Sendable, Equatable {
  /// Every position `1...total`.
  case all
  /// Liu et al.'s: 1 and every multiple of 5 up to the total (`GoldLayout.litmPositions`).
  case litm
  /// These positions (ascending, without repeats), the same for every total.
  case list([Int])

  /// The positions for `total`.
  public func values(total: Int) -> [Int] {
    switch self {
    case .all: return GoldLayout.allPositions(total: total)
    case .litm: return GoldLayout.litmPositions(total: total)
    case .list(let positions): return positions
    }
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.singleValueContainer()
    if let word = try? c.decode(String.self) {
      switch word {
      case "all": self = .all
      case "litm": self = .litm
      default:
        throw DecodingError.dataCorruptedError(
          in: c, debugDescription: "positions: expected all, litm or a list of integers")
      }
    } else {
      self = .list(Array(Set(try c.decode([Int].self))).sorted())
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    switch self {
    case .all: try c.encode("all")
    case .litm: try c.encode("litm")
    case .list(let positions): try c.encode(positions)
    }
  }
}

/// The knobs of `gold_position`: totals, gold positions, distractor source and order, baselines.
public struct GoldPositionKnobs: ModuleKnobs, Equatable {
  /// The distractor sources: a retriever's ranking, or the ctxs of each LitM/DPR record.
  public static let distractorSources = ["retriever", "file"]

  /// Passages shown (gold + distractors), one curve each.
  public var total: [Int]
  /// Where the gold passage goes (default `litm`).
  public var positions: GoldPositions
  /// `retrieval` (rank order, as Liu et al.) or `random` (distractors shuffled, seeded; the same
  /// shuffle at every gold position of a question and total, so only the gold moves).
  public var distractorOrder: String
  /// Where distractors come from: `retriever` (default: each retriever's top-ranked answer-free
  /// passages) or `file` (each LitM/DPR record's own ctxs flagged `hasanswer: false`, in file
  /// order; see `FileDistractors`).
  public var distractors: String
  /// Whether the closed-book and oracle baselines are run too (default true).
  public var baselines: Bool

  enum CodingKeys: String, CodingKey {
    case total, positions, baselines, distractors
    case distractorOrder = "distractor_order"
  }

  /// Creates the knobs.
  public init(
    total: [Int], positions: GoldPositions = .litm, distractorOrder: String = "retrieval",
    distractors: String = "retriever", baselines: Bool = true
  ) {
    self.total = Array(Set(total)).sorted()
    self.positions = positions
    self.distractorOrder = distractorOrder
    self.distractors = distractors
    self.baselines = baselines
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      total: try c.decode([Int].self, forKey: .total),
      positions: try c.decodeIfPresent(GoldPositions.self, forKey: .positions) ?? .litm,
      distractorOrder: try c.decodeIfPresent(String.self, forKey: .distractorOrder) ?? "retrieval",
      distractors: try c.decodeIfPresent(String.self, forKey: .distractors) ?? "retriever",
      baselines: try c.decodeIfPresent(Bool.self, forKey: .baselines) ?? true)
  }

  /// Encodes every knob, `distractors` only when it is not the default `retriever`, so specs
  /// written before the knob existed keep their hash (and resume their stored experiments).
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(total, forKey: .total)
    try c.encode(positions, forKey: .positions)
    try c.encode(distractorOrder, forKey: .distractorOrder)
    if distractors != "retriever" { try c.encode(distractors, forKey: .distractors) }
    try c.encode(baselines, forKey: .baselines)
  }
}
