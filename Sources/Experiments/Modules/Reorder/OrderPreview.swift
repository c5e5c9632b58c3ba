/// What `raglab order` shows: the prompt order a strategy gives a list of k passages when no
/// question is at hand, as 1-based retrieval ranks.
public enum OrderPreview {
  /// The 1-based retrieval ranks in prompt order (`interleave`, k = 5: 1, 3, 5, 4, 2). `random`
  /// needs `seed` (a spec's `dataset.seed`) and draws the order of the question `questionID`.
  /// - Throws: `OrderPreviewError` for an unknown name, an oracle (its order depends on the
  ///   question's gold passages), a model re-ranker (it depends on the reader's scores), or
  ///   `random` without a seed.
  public static func ranks(
    strategy name: String, k: Int, seed: UInt64?, questionID: String = ""
  ) throws(OrderPreviewError) -> [Int] {
    guard let strategy = ReorderStrategies.named(name) else {
      throw OrderPreviewError(
        "unknown strategy '\(name)'; known: \(ReorderStrategies.names.joined(separator: ", "))")
    }
    switch strategy.dependence {
    case .gold:
      throw OrderPreviewError(
        "\(strategy.label) depends on the question: it moves the gold passages among the "
          + "question's top k, so k alone gives no order; run a reorder experiment and look at a "
          + "question with `raglab inspect NAME --question ID`")
    case .scores:
      throw OrderPreviewError(
        "\(name) depends on the question: the reader model scores each question's top k in a "
          + "re-ranking pass, so k alone gives no order; run a reorder experiment (the passes are "
          + "stored with their scores) and look at a question with `raglab inspect NAME --question ID`"
      )
    case .seed where seed == nil:
      throw OrderPreviewError(
        "\(name) shuffles each question's list with its own seeded stream; give --seed S (the "
          + "spec's dataset.seed) and --question ID to see that question's order")
    case .kOnly where seed != nil:
      throw OrderPreviewError(
        "--seed only applies to random; \(name) gives every question the same order")
    case .kOnly, .seed:
      break
    }
    let stream = SeededStream(
      seed: seed ?? 0, questionID: questionID, condition: RandomOrder.streamLabel(k: k))
    return strategy.order(OrderInput(k: k, stream: stream)).map { $0 + 1 }
  }

  /// `[1, 3, 5, 4, 2]` for people, `[1,3,5,4,2]` with `json`.
  public static func text(_ ranks: [Int], json: Bool) -> String {
    "[" + ranks.map(String.init).joined(separator: json ? "," : ", ") + "]"
  }
}

/// Why `raglab order` cannot show a strategy's order, with what to do instead.
public struct OrderPreviewError: Error, CustomStringConvertible, Sendable, Equatable {
  /// The message.
  public let description: String

  /// Creates the error.
  init(_ description: String) { self.description = description }
}
