/// `random`: a uniform shuffle of the top k from the question's seeded stream (`SeededStream`'s
/// Fisher–Yates), the no-information control of the reordering comparison; the same question and
/// k get the same order on every run.
public struct RandomOrder: ReorderStrategy {
  public let name = "random"
  public let dependence = OrderDependence.seed
  public let definition =
    "a uniform shuffle drawn from the question's seeded stream (dataset.seed, question id, k), the same on every run."

  /// Creates the strategy.
  public init() {}

  /// The label of the question's stream for lists of `k` passages (`QuestionContext.random`):
  /// the same shuffle for every retriever's list of that length.
  public static func streamLabel(k: Int) -> String { "reorder/random/k=\(k)" }

  public func order(_ input: OrderInput) -> [Int] {
    var stream = input.stream
    return stream.shuffled(Array(0..<max(input.k, 0)))
  }
}
