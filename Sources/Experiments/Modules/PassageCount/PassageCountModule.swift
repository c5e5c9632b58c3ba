import Foundation

/// The knobs of `passage_count`: the k values swept.
public struct PassageCountKnobs: ModuleKnobs, Equatable {
  /// The k values, ascending and without repeats after decoding.
  public var k: KSweep

  /// Creates the knobs.
  public init(k: KSweep) { self.k = k }
}

/// The k sweep of "Long-Context LLMs Meet RAG" (Jin et al. 2024, §3.1, Fig. 1–2): for each retriever
/// and each k, the top-k passages in retrieval order. Prompts for growing k extend each other, so the
/// planner evaluates a question's sweep with one growing context.
public struct PassageCountModule: ExperimentModule {
  /// The knobs of one condition.
  public struct Keys: Codable, Sendable, Equatable {
    /// Retriever name.
    public var retriever: String
    /// Number of passages.
    public var k: Int
  }

  /// The module's name in specs.
  public static let name = "passage_count"

  /// Validation, decoding and construction.
  static let entry = ModuleEntry(
    name: name, knobs: PassageCountKnobs.self, fields: ["k": .kSweep], required: ["k"],
    check: checkSweepAgainstDepth, defaultReport: PassageCountModule(retrievers: [], k: []).report
  ) { spec, knobs in
    PassageCountModule(retrievers: spec.retrievers, k: knobs.k.values)
  }

  /// The retrievers, each a series.
  public let retrievers: [String]
  /// The k values.
  public let k: [Int]

  /// Creates the module.
  public init(retrievers: [String], k: [Int]) {
    self.retrievers = retrievers
    self.k = k
  }

  public func conditions() throws -> [Condition] {
    retrievers.flatMap { retriever in
      k.map { Condition(retriever: retriever, keys: Keys(retriever: retriever, k: $0)) }
    }
  }

  public func passages(for condition: Condition, context: QuestionContext) throws -> [Passage] {
    let keys = try condition.keys(as: Keys.self)
    return Array(try context.ranked(keys.retriever).prefix(keys.k))
  }

  public var report: ModuleReport {
    ModuleReport(
      figures: [
        .line(
          LineFigure(
            stem: "accuracy-vs-k",
            title:
              "Does accuracy keep up with recall@k as more passages are retrieved? (SubEM vs k)",
            xKey: "k",
            xLabel: "passages in context (k)", yLabel: "accuracy (SubEM)", recall: true))
      ],
      notes: [], findings: [.sweep(xKey: "k")])
  }
}
