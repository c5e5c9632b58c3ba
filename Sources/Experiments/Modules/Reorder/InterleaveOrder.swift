/// `interleave`: Jin et al.'s retrieval reordering ("Long-Context LLMs Meet RAG", 2024, §4 and
/// App. E Alg. 2): with d1…dk by decreasing score, dᵢ goes to prompt position (i+1)/2 for odd i and
/// k+1−i/2 for even i, so the odd ranks fill the front and the even ranks the back — the top two
/// passages at the two ends (k = 5: 1, 3, 5, 4, 2).
public struct InterleaveOrder: ReorderStrategy {
  public let name = "interleave"
  public let dependence = OrderDependence.kOnly
  public let definition =
    "Jin et al. (2024) Alg. 2: the i-th ranked passage goes to position (i+1)/2 for odd i and k+1−i/2 for even i, so ranks 1 and 2 sit at the two ends and the lowest ranks in the middle (k = 5: 1, 3, 5, 4, 2)."

  /// Creates the strategy.
  public init() {}

  public func order(_ input: OrderInput) -> [Int] {
    let k = max(input.k, 0)
    var order = Array(repeating: 0, count: k)
    for i in stride(from: 1, through: k, by: 1) {
      // Alg. 2's 1-based position of the i-th ranked passage
      let position = i % 2 == 1 ? (i + 1) / 2 : k + 1 - i / 2
      order[position - 1] = i - 1
    }
    return order
  }
}
