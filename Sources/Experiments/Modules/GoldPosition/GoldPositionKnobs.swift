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

/// The knobs of `gold_position`: totals, gold positions, distractor order, baselines.
public struct GoldPositionKnobs: ModuleKnobs, Equatable {
  /// Passages shown (gold + distractors), one curve each.
  public var total: [Int]
  /// Where the gold passage goes (default `litm`).
  public var positions: GoldPositions
  /// `retrieval` (rank order, as Liu et al.) or `random` (distractors shuffled, seeded; the same
  /// shuffle at every gold position of a question and total, so only the gold moves).
  public var distractorOrder: String
  /// Whether the closed-book and oracle baselines are run too (default true).
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
