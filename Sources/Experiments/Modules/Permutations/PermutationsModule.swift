import Foundation

/// Stable-RAG (arXiv 2601.02993): one passage set per question — a retriever's top k, or the gold
/// passage plus the k − 1 best answer-free distractors — shown in every order (`orders: all`, k ≤ 6)
/// or in a seeded sample of orders, the set's own order always first.
public struct PermutationsModule: ExperimentModule {
  /// The knobs of one condition: a retriever's set in one order.
  public struct Keys: Codable, Sendable, Equatable {
    /// The retriever the set comes from.
    public var retriever: String
    /// 0-based index of the order in the experiment's order list; 0 is the set's own order
    /// (retrieval order; for `gold_plus` the gold first, then the distractors by rank).
    public var order: Int
    /// For each prompt position, the 1-based index of the passage in the set, joined by `-`:
    /// `3-1-2` shows the set's third passage first.
    public var perm: String
    /// `gold_plus` only: the 1-based prompt position of the gold passage (set index 1).
    public var goldPosition: Int?

    enum CodingKeys: String, CodingKey {
      case retriever, order, perm
      case goldPosition = "gold_position"
    }

    /// The keys of `order` (0-based set indices in prompt order) at index `index`.
    init(retriever: String, index: Int, order: [Int], goldFirst: Bool) {
      self.retriever = retriever
      self.order = index
      perm = order.map { "\($0 + 1)" }.joined(separator: "-")
      goldPosition = goldFirst ? order.firstIndex(of: 0).map { $0 + 1 } : nil
    }

    /// The order as 0-based set indices in prompt order.
    /// - Throws: `RunError` when `perm` is not an order of `k` passages.
    func indices(k: Int) throws -> [Int] {
      let indices = perm.split(separator: "-").compactMap { Int($0) }.map { $0 - 1 }
      guard indices.count == k, indices.sorted() == Array(0..<k) else {
        throw RunError("condition order \(order) has perm '\(perm)', not an order of \(k) passages")
      }
      return indices
    }
  }

  /// The module's name in specs.
  public static let name = "permutations"

  /// Validation, decoding and construction.
  static let entry = ModuleEntry(
    name: name, knobs: PermutationsKnobs.self,
    fields: [
      "k": .integer(minimum: 1),
      "set": .choice(["top_k", "gold_plus"], what: "passage set"),
      "orders": .either(
        .choice(["all"], what: "order set"),
        .object(
          ["sample": .integer(minimum: 1), "seed": .integer(minimum: 0)], required: ["sample"])),
    ],
    required: ["k"], check: check,
    defaultReport: PermutationsModule(retrievers: [], knobs: PermutationsKnobs(k: 5)).report
  ) { spec, knobs in
    PermutationsModule(retrievers: spec.retrievers, knobs: knobs)
  }

  /// The retrievers whose sets are permuted, each a passage set per question.
  public let retrievers: [String]
  /// The knobs.
  public let knobs: PermutationsKnobs

  /// Creates the module.
  public init(retrievers: [String], knobs: PermutationsKnobs) {
    self.retrievers = retrievers
    self.knobs = knobs
  }

  /// Per retriever, one condition per order, the set's own order first.
  /// - Throws: `PassageOrdersError` for orders that cannot be built (`all` beyond k = 6, a sample
  ///   larger than k!).
  public func conditions() throws -> [Condition] {
    let orders = try knobs.orders.orders(k: knobs.k)
    return retrievers.flatMap { retriever in
      orders.enumerated().map { index, order in
        Condition(
          retriever: retriever,
          keys: Keys(
            retriever: retriever, index: index, order: order, goldFirst: knobs.set == .goldPlus))
      }
    }
  }

  public func passages(for condition: Condition, context: QuestionContext) throws -> [Passage] {
    let keys = try condition.keys(as: Keys.self)
    let order = try keys.indices(k: knobs.k)
    let set = try passageSet(keys.retriever, context)
    return order.map { set[$0] }
  }

  /// The question's k passages in the set's own order.
  /// - Throws: `ModuleSkip` when the retriever returned fewer than k passages, or (`gold_plus`)
  ///   the question has no gold passage or fewer than k − 1 answer-free distractors.
  func passageSet(_ retriever: String, _ context: QuestionContext) throws -> [Passage] {
    let ranked = try context.ranked(retriever)
    switch knobs.set {
    case .topK:
      guard ranked.count >= knobs.k else {
        throw ModuleSkip(
          "\(ranked.count) passages retrieved by \(retriever), k = \(knobs.k) needed")
      }
      return Array(ranked.prefix(knobs.k))
    case .goldPlus:
      guard let gold = try context.goldPassages().first else {
        throw ModuleSkip("the question names no gold passage")
      }
      let free = AnswerFreeDistractors(
        ranked: ranked, answers: context.question.answers,
        goldIDs: context.question.goldPassageIDs)
      guard free.passages.count >= knobs.k - 1 else {
        throw ModuleSkip(
          "\(free.passages.count) answer-free distractors in the top \(ranked.count) of "
            + "\(retriever), \(knobs.k - 1) needed")
      }
      return [gold] + free.passages.prefix(knobs.k - 1)
    }
  }
}
