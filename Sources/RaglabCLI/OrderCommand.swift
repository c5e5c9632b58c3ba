import ArgumentParser
import Experiments

/// `raglab order --strategy NAME --k N`: the prompt order a reordering strategy gives k passages.
struct OrderCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "order",
    abstract: "Show the prompt order a reorder strategy gives a top-k list, as retrieval ranks.",
    discussion: """
      Prints the retrieval ranks (1 = best retrieved) of the passages in prompt order, first \
      passage first: the order a `reorder` experiment shows a question's top k in.

        $ raglab order --strategy interleave --k 5
        [1, 3, 5, 4, 2]
        $ raglab order --strategy random --k 5 --seed 0 --question QUESTION_ID

      Strategies:
      \(ReorderStrategies.all.map { "- \($0.label): \($0.definition)" }.joined(separator: "\n"))

      The oracles depend on which of a question's passages are gold, and the model re-rankers \
      attention / first_token on the reader's scores of each question's passages, so neither has an order \
      for k alone.
      """)

  @Option(help: "The strategy, as listed in a reorder spec's `strategies` (e.g. interleave).")
  var strategy: String

  @Option(help: "Passages in the list (1...1024).")
  var k: Int

  @Flag(help: "Print a JSON array (no spaces) instead.")
  var json = false

  @Option(help: "random only: the spec's dataset.seed.")
  var seed: UInt64?

  @Option(help: "random only: the question id whose order to draw (default: the empty id).")
  var question = ""

  func validate() throws {
    try OptionCheck.require(k, in: 1...1024, "--k")
    _ = try ranks()
  }

  func run() throws {
    print(OrderPreview.text(try ranks(), json: json))
  }

  /// The 1-based retrieval ranks in prompt order.
  /// - Throws: `ValidationError` saying why this strategy has no order for k alone.
  private func ranks() throws -> [Int] {
    do {
      return try OrderPreview.ranks(strategy: strategy, k: k, seed: seed, questionID: question)
    } catch {
      throw ValidationError(error.description)
    }
  }
}
