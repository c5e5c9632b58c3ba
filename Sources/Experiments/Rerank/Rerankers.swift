/// Why a re-ranker cannot score: a backend without the model's internals, too many passages for
/// the labels, an unknown name.
public struct RerankerError: Error, CustomStringConvertible, Sendable, Equatable {
  /// What went wrong and how to fix it.
  public let description: String
}

/// The model re-rankers by strategy name.
public enum Rerankers {
  /// The strategies that score passages with the reader model.
  public static let names = ["attention", "first_token"]

  /// The scorer for strategy `name` over `generator`'s model.
  /// - Parameters:
  ///   - prompt: the reader's prompt settings (chat flag and instruction).
  ///   - labels: `first_token`'s identifiers.
  /// - Throws: `RerankerError` when `generator` is not the in-process engine (an `openai` server
  ///   exposes neither attention nor every label's logit at one position) or `name` is unknown;
  ///   `PromptError` when the prompt asks for a chat template the model lacks.
  public static func scorer(
    named name: String, generator: any Generator, prompt: PromptSpec,
    labels: RankingLabels = .letters
  ) throws -> any PassageScorer {
    guard names.contains(name) else {
      throw RerankerError(
        description:
          "unknown re-ranker '\(name)': the model re-rankers are \(names.joined(separator: ", "))")
    }
    guard let engine = generator as? InProcessGenerator else {
      let reads = name == "attention" ? "the model's attention" : "every passage label's logit"
      throw RerankerError(
        description:
          "strategy \(name) reads \(reads), which only the in-process engine exposes, but "
          + "generator.backend is \(generator.identity.backend): set generator.backend: inprocess "
          + "(with a GGUF model) or remove \(name) from the strategies")
    }
    return name == "attention"
      ? try AttentionScorer(generator: engine, prompt: prompt)
      : try FirstTokenScorer(generator: engine, chat: prompt.chat, labels: labels)
  }
}
