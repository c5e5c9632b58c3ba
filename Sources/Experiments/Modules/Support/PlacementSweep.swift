/// One passage (the gold passage, or a counterfactual context) placed at each position among
/// `total − 1` distractors free of given answers: the design `gold_position` and `conflict` share.
///
/// Conditions carry `{retriever, total, <positionKey>}`; the distractors are the retriever's
/// top-ranked passages containing none of the answers (recall's whole-token rule), in rank order or
/// shuffled once per (question, retriever, total) so that only the placed passage moves.
public struct PlacementSweep: Sendable {
  /// Totals, positions, distractor order and whether baselines run.
  public let knobs: GoldPositionKnobs
  /// The condition key naming the placed passage's position (`gold_position`, `context_position`).
  public let positionKey: String

  /// The shapes of the knobs, for the module's `ModuleEntry`.
  static let fields: [String: SpecShape] = [
    "total": .list(.integer(minimum: 1), nonEmpty: true),
    "positions": .either(
      .choice(["all", "litm"], what: "position set"),
      .list(.integer(minimum: 1), nonEmpty: true)),
    "distractor_order": .choice(["retrieval", "random"], what: "distractor order"),
    "baselines": .boolean,
  ]

  /// Creates the sweep.
  public init(knobs: GoldPositionKnobs, positionKey: String) {
    self.knobs = knobs
    self.positionKey = positionKey
  }

  /// Every (retriever, total, position) condition, then `baselines` (when the knobs ask for them)
  /// as `{baseline: NAME}` conditions without a retriever.
  public func conditions(retrievers: [String], baselines: [String]) -> [Condition] {
    var conditions: [Condition] = []
    for retriever in retrievers {
      for total in knobs.total {
        for position in knobs.positions.values(total: total) {
          let keys = PlacementKeys(
            retriever: retriever, total: total, position: position, positionKey: positionKey)
          conditions.append(Condition(retriever: retriever, keys: keys))
        }
      }
    }
    if knobs.baselines {
      conditions += baselines.map {
        Condition(retriever: nil, keys: ["baseline": $0])
      }
    }
    return conditions
  }

  /// The baseline a condition names, or nil for a placement condition.
  public func baseline(of condition: Condition) -> String? {
    (try? condition.keys(as: [String: String].self))?["baseline"]
  }

  /// The passages of a placement condition: `placed` at its position among distractors that
  /// contain none of `excluding`.
  /// - Throws: `ModuleSkip` naming what is missing when there are too few such distractors.
  public func arrange(
    _ placed: Passage, for condition: Condition, context: QuestionContext, excluding: [String],
    what: String
  ) throws -> [Passage] {
    let keys = try PlacementKeys(condition, positionKey: positionKey)
    let ranked = try context.ranked(keys.retriever)
    let free = AnswerFreeDistractors(
      ranked: ranked, answers: excluding, goldIDs: context.question.goldPassageIDs)
    guard free.passages.count >= keys.total - 1 else {
      throw ModuleSkip(
        "\(free.passages.count) \(what) in the top \(ranked.count) of \(keys.retriever), "
          + "\(keys.total - 1) needed")
    }
    return try place(placed, for: condition, context: context, among: free.passages)
  }

  /// The passages of a placement condition: `placed` at its position among the first
  /// `total − 1` of `distractors` (already answer-free, best first), shuffled when the knobs say.
  /// - Throws: `RunError` for a condition without placement keys; `DistractorError` when fewer
  ///   than `total − 1` distractors are given (check the count first to skip instead).
  public func place(
    _ placed: Passage, for condition: Condition, context: QuestionContext,
    among distractors: [Passage]
  ) throws -> [Passage] {
    let keys = try PlacementKeys(condition, positionKey: positionKey)
    // One shuffle per (question, retriever, total), so only the placed passage moves.
    let stream =
      knobs.distractorOrder == "random" ? context.random("\(keys.retriever)/\(keys.total)") : nil
    return try GoldLayout.arrange(
      gold: placed, at: keys.position, total: keys.total, distractors: distractors,
      shuffling: stream)
  }

  /// The total a placement condition shows.
  /// - Throws: `RunError` for a condition without placement keys.
  public func total(of condition: Condition) throws -> Int {
    try PlacementKeys(condition, positionKey: positionKey).total
  }
}

/// The keys of one placement condition, with the position under a module-chosen name.
struct PlacementKeys: Encodable {
  let retriever: String
  let total: Int
  let position: Int
  let positionKey: String

  init(retriever: String, total: Int, position: Int, positionKey: String) {
    self.retriever = retriever
    self.total = total
    self.position = position
    self.positionKey = positionKey
  }

  /// The keys stored with `condition`.
  /// - Throws: `RunError` when they are not a placement condition's.
  init(_ condition: Condition, positionKey: String) throws {
    let raw = try condition.keys(as: [String: PlacementValue].self)
    guard case .text(let retriever) = raw["retriever"], case .number(let total) = raw["total"],
      case .number(let position) = raw[positionKey]
    else {
      throw RunError("condition \(condition.keysJSON) lacks retriever, total or \(positionKey)")
    }
    self.init(retriever: retriever, total: total, position: position, positionKey: positionKey)
  }

  func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: NamedKey.self)
    try c.encode(retriever, forKey: NamedKey("retriever"))
    try c.encode(total, forKey: NamedKey("total"))
    try c.encode(position, forKey: NamedKey(positionKey))
  }
}

/// A condition key's value: a name or a number.
enum PlacementValue: Decodable {
  case text(String)
  case number(Int)

  init(from decoder: any Decoder) throws {
    let c = try decoder.singleValueContainer()
    if let number = try? c.decode(Int.self) {
      self = .number(number)
    } else {
      self = .text(try c.decode(String.self))
    }
  }
}

/// A coding key with any name.
struct NamedKey: CodingKey {
  let stringValue: String
  var intValue: Int? { nil }
  init(_ name: String) { stringValue = name }
  init?(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}
