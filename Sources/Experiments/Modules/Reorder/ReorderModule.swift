import Foundation

/// Reordering strategies compared on the same passages: for each retriever and k, the question's
/// top-k list shown in the order each strategy chooses (`retrieval`, `reverse`, `random`,
/// `interleave` of Jin et al. 2024 Alg. 2, LangChain's `long_context_reorder`, and the oracles
/// `gold_first` / `gold_last`), so strategies differ only in order and compare question by question.
public struct ReorderModule: ExperimentModule {
  /// The knobs of one condition; stored as `{"k":5,"retriever":"bm25","strategy":"interleave"}`.
  public struct Keys: Codable, Sendable, Equatable {
    /// Passages in the list.
    public var k: Int
    /// The retriever whose top k is reordered.
    public var retriever: String
    /// The strategy's name.
    public var strategy: String
  }

  /// The module's name in specs.
  public static let name = "reorder"

  /// Validation, decoding and construction.
  static let entry = ModuleEntry(
    name: name, knobs: ReorderKnobs.self,
    fields: [
      "strategies": .list(
        .choice(ReorderStrategies.names, what: "reorder strategy"), nonEmpty: true),
      "k": .list(.integer(minimum: 1), nonEmpty: true),
      "placement": .choice(
        ScoreOrder.Placement.allCases.map(\.rawValue), what: "re-ranked passage placement"),
    ],
    required: ["strategies", "k"], check: check,
    defaultReport: ReorderModule(
      retrievers: [], knobs: ReorderKnobs(strategies: ReorderStrategies.names, k: [])
    ).report
  ) { spec, knobs in
    ReorderModule(retrievers: spec.retrievers, knobs: knobs)
  }

  /// The retrievers whose lists are reordered.
  public let retrievers: [String]
  /// The knobs.
  public let knobs: ReorderKnobs

  /// Creates the module.
  public init(retrievers: [String], knobs: ReorderKnobs) {
    self.retrievers = retrievers
    self.knobs = knobs
  }

  /// Every (retriever, k, strategy), strategies in spec order.
  /// - Throws: `RunError` for a strategy name the lab does not have.
  public func conditions() throws -> [Condition] {
    let strategies = try knobs.strategies.map(strategy(named:))
    return retrievers.flatMap { retriever in
      knobs.k.flatMap { k in
        strategies.map {
          Condition(retriever: retriever, keys: Keys(k: k, retriever: retriever, strategy: $0.name))
        }
      }
    }
  }

  public func passages(for condition: Condition, context: QuestionContext) throws -> [Passage] {
    let keys = try condition.keys(as: Keys.self)
    let strategy = try strategy(named: keys.strategy)
    let ranked = try context.ranked(keys.retriever)
    guard ranked.count >= keys.k else {
      throw ModuleSkip(
        "\(ranked.count) passages retrieved by \(keys.retriever), k = \(keys.k) needed")
    }
    let top = Array(ranked.prefix(keys.k))
    let gold = Set(context.question.goldPassageIDs)
    let goldRanks = Set(top.indices.filter { gold.contains(top[$0].id) })
    if strategy.isOracle && goldRanks.isEmpty {
      throw ModuleSkip(
        "no gold passage in the top \(keys.k) of \(keys.retriever) (the oracle \(strategy.name) "
          + "needs one)")
    }
    let scores =
      strategy.dependence == .scores
      ? try context.rerankScores(strategy.name, passages: top) : nil
    let order = strategy.order(
      OrderInput(
        k: keys.k, goldRanks: goldRanks,
        stream: context.random(RandomOrder.streamLabel(k: keys.k)), scores: scores))
    guard order.sorted() == Array(top.indices) else {
      throw RunError(
        "strategy \(strategy.name) returned \(order), not an order of \(keys.k) passages")
    }
    return order.map { top[$0] }
  }

  /// Stops a run whose oracle strategies could serve no question: none names a gold passage.
  public func checkInputs(questions: [Question]) throws {
    let oracles = knobs.strategies.filter { ReorderStrategies.named($0)?.isOracle == true }
    guard !oracles.isEmpty, !questions.isEmpty,
      questions.allSatisfy({ $0.goldPassageIDs.isEmpty })
    else { return }
    throw RunError(
      "module.strategies: \(oracles.joined(separator: ", ")) "
        + (oracles.count == 1 ? "places" : "place")
        + " the gold passages, but none of "
        + "the dataset's \(questions.count) questions names a gold passage; drop "
        + "\(oracles.count == 1 ? "it" : "them") from module.strategies, or use a dataset with "
        + "gold passages (squad; litm with isgold or hasanswer ctxs)")
  }

  /// The model strategies of the spec (`attention`, `first_token`), whose scorers the run loads.
  public var scorerNames: [String] {
    knobs.strategies.filter { ReorderStrategies.named($0)?.dependence == .scores }
  }

  /// The strategy called `name`, a model re-ranker placed as `knobs.placement` says.
  /// - Throws: `RunError` for a name the lab does not have (a validated spec has none).
  func strategy(named name: String) throws -> any ReorderStrategy {
    guard let strategy = ReorderStrategies.named(name) else {
      throw RunError(
        "unknown reorder strategy '\(name)'; known: "
          + ReorderStrategies.names.joined(separator: ", "))
    }
    return (strategy as? ModelScoredOrder)?.placed(knobs.placement) ?? strategy
  }
}
