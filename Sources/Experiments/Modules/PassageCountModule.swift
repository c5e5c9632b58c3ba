import Foundation

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

  public let name = "passage_count"

  /// Creates the module.
  public init() {}

  public func conditions(for spec: ExperimentSpec) -> [Condition] {
    spec.retrievers.flatMap { retriever in
      spec.module.k.values.map {
        Condition(retriever: retriever, keys: Keys(retriever: retriever, k: $0))
      }
    }
  }

  public func passages(for condition: Condition, question: Question, ranked: [Passage]) -> [Passage]
  {
    guard let data = condition.keysJSON.data(using: .utf8),
      let keys = try? JSONDecoder().decode(Keys.self, from: data)
    else { return [] }
    return Array(ranked.prefix(keys.k))
  }
}
