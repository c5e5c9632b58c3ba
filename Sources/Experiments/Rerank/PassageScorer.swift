import Foundation

/// One re-ranking pass over a question's passages: a score per passage and what the pass cost.
public struct RerankScores: Sendable, Equatable {
  /// One score per passage, in the order the passages were given; higher = more relevant.
  public var scores: [Double]
  /// Prompt tokens the pass evaluated (prefilled).
  public var promptTokens: Int
  /// Wall-clock seconds the pass took.
  public var seconds: Double

  /// Creates the result of one pass.
  public init(scores: [Double], promptTokens: Int, seconds: Double) {
    self.scores = scores
    self.promptTokens = promptTokens
    self.seconds = seconds
  }
}

/// Scores a question's passages with a language model, for the model re-ranking strategies
/// (`attention`: ICR; `first_token`: FIRST).
///
/// Not thread-safe: a scorer owns one KV cache and reuses it for every call.
public protocol PassageScorer: AnyObject {
  /// The strategy name in specs (`attention`, `first_token`).
  var name: String { get }
  /// Scores `passages` (in retrieval order) for `question`.
  /// - Throws: `RerankerError` or `SessionError` when the prompt cannot be built or does not fit.
  func scores(question: String, passages: [Passage]) throws -> RerankScores
}

/// Times one pass of a scorer.
func measuredPass(_ body: () throws -> (scores: [Double], promptTokens: Int)) rethrows
  -> RerankScores
{
  let began = Date()
  let (scores, tokens) = try body()
  let seconds = Date().timeIntervalSince(began)
  return RerankScores(scores: scores, promptTokens: tokens, seconds: seconds)
}
