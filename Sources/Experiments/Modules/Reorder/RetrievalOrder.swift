/// `retrieval`: the passages as the retriever ranked them, best first — the usual RAG prompt and
/// the baseline of Jin et al. (2024, §4, "Long-Context LLMs Meet RAG").
public struct RetrievalOrder: ReorderStrategy {
  public let name = "retrieval"
  public let dependence = OrderDependence.kOnly
  public let definition =
    "the passages as the retriever ranked them, best first (the baseline)."

  /// Creates the strategy.
  public init() {}

  public func order(_ input: OrderInput) -> [Int] { Array(0..<max(input.k, 0)) }
}
