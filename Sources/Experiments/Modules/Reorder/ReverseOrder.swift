/// `reverse`: the retrieval order backwards, so the best-ranked passage sits last, next to a
/// question placed after the passages (the recency end of Liu et al.'s 2023 U-curve).
public struct ReverseOrder: ReorderStrategy {
  public let name = "reverse"
  public let dependence = OrderDependence.kOnly
  public let definition =
    "the retrieval order backwards, so the best-ranked passage is last, next to the question."

  /// Creates the strategy.
  public init() {}

  public func order(_ input: OrderInput) -> [Int] { Array((0..<max(input.k, 0)).reversed()) }
}
