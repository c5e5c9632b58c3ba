/// `long_context_reorder`: LangChain's `LongContextReorder` document transformer
/// (`_litm_reordering`): reverse the ranked list, then walk it putting even-indexed items at the
/// front and odd-indexed ones at the back. The least relevant end up in the middle; for odd k it
/// equals `interleave`, for even k it is its mirror (k = 6: 2, 4, 6, 5, 3, 1 — the top passage last).
public struct LongContextReorder: ReorderStrategy {
  public let name = "long_context_reorder"
  public let dependence = OrderDependence.kOnly
  public let definition =
    "LangChain's LongContextReorder: reverse the ranked list, then put its items alternately at the front and the back; equal to interleave for odd k, its mirror for even k (k = 6: 2, 4, 6, 5, 3, 1)."

  /// Creates the strategy.
  public init() {}

  public func order(_ input: OrderInput) -> [Int] {
    var result: [Int] = []
    for (i, rank) in (0..<max(input.k, 0)).reversed().enumerated() {
      if i % 2 == 1 { result.append(rank) } else { result.insert(rank, at: 0) }
    }
    return result
  }
}
