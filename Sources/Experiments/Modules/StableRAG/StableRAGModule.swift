import Foundation

/// Stable-RAG (arXiv 2601.02993) as an experiment: each question's gold passage and k − 1
/// answer-free distractors, shown in every order (or a seeded sample), each order answered
/// greedily with the last prompt token's hidden states captured at the chosen layers during the
/// trie-shared prefill. Clustering the states, the methods (vanilla, stable_rag, exhaustive_vote,
/// oracle_order, centre_token), the layer analysis and DPO pairs are computed from the store.
public struct StableRAGModule: ExperimentModule {
  /// The module's name in specs.
  public static let name = "stable_rag"

  /// Validation, decoding and construction.
  static let entry = ModuleEntry(
    name: name, knobs: StableRAGKnobs.self,
    fields: [
      "k": .integer(minimum: 2),
      "orders": .either(
        .choice(["all"], what: "order set"),
        .object(
          ["sample": .integer(minimum: 2), "seed": .integer(minimum: 0)], required: ["sample"])),
      "layers": .either(
        .choice(["last", "all"], what: "layer choice"),
        .list(.either(.integer(minimum: 0), .choice(["last"], what: "layer")), nonEmpty: true)),
      "pca": .integer(minimum: 2),
      "sigma": .number(minimum: 1e-6, maximum: 100),
      "clusters": .either(.choice(["auto"], what: "cluster count"), .integer(minimum: 2)),
      "restarts": .integer(minimum: 1),
      "seed": .integer(minimum: 0),
    ],
    required: [], check: check,
    defaultReport: StableRAGModule(retrievers: [], knobs: StableRAGKnobs()).report
  ) { spec, knobs in
    StableRAGModule(retrievers: spec.retrievers, knobs: knobs)
  }

  /// The retrievers whose distractors fill each set.
  public let retrievers: [String]
  /// The knobs.
  public let knobs: StableRAGKnobs

  /// Creates the module.
  public init(retrievers: [String], knobs: StableRAGKnobs) {
    self.retrievers = retrievers
    self.knobs = knobs
  }

  /// The orders tried, as 0-based set indices in prompt order; the set's own order first.
  /// - Throws: `PassageOrdersError` naming `module.orders`.
  public func orders() throws -> [[Int]] { try knobs.orders.orders(k: knobs.k) }

  /// Per retriever, one condition per order (keys as `permutations`: `retriever`, `order`, `perm`).
  public func conditions() throws -> [Condition] {
    let orders = try orders()
    return retrievers.flatMap { retriever in
      orders.enumerated().map { index, order in
        Condition(
          retriever: retriever,
          keys: PermutationsModule.Keys(
            retriever: retriever, index: index, order: order, goldFirst: false))
      }
    }
  }

  public func passages(for condition: Condition, context: QuestionContext) throws -> [Passage] {
    let keys = try condition.keys(as: PermutationsModule.Keys.self)
    let set = try passageSet(keys.retriever, context)
    return try keys.indices(k: knobs.k).map { set[$0] }
  }

  /// Hidden states at `knobs.layers` for every trial.
  public var hiddenStateLayers: HiddenLayerSelection? { knobs.layers }

  /// The gold passage and the retriever's k − 1 best answer-free distractors, in retrieval order
  /// (the gold at its rank among them; last when the retriever did not return it): order 0, the
  /// set's own order, is what `vanilla` answers from.
  /// - Throws: `ModuleSkip` without a gold passage or with too few answer-free distractors.
  func passageSet(_ retriever: String, _ context: QuestionContext) throws -> [Passage] {
    let ranked = try context.ranked(retriever)
    guard let gold = try context.goldPassages().first else {
      throw ModuleSkip("the question names no gold passage")
    }
    let free = AnswerFreeDistractors(
      ranked: ranked, answers: context.question.answers, goldIDs: context.question.goldPassageIDs)
    guard free.passages.count >= knobs.k - 1 else {
      throw ModuleSkip(
        "\(free.passages.count) answer-free distractors in the top \(ranked.count) of "
          + "\(retriever), \(knobs.k - 1) needed")
    }
    let rank = Dictionary(
      ranked.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    return ([gold] + free.passages.prefix(knobs.k - 1)).enumerated()
      .sorted {
        (rank[$0.element.id] ?? Int.max, $0.offset) < (rank[$1.element.id] ?? Int.max, $1.offset)
      }
      .map(\.element)
  }
}
