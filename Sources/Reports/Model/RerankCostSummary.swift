import Store

/// What the model re-rankers of an experiment cost beside answering: passes, prompt tokens and
/// seconds per re-ranker, and the same for the generated (not cached) answers.
public struct RerankCostSummary: Codable, Sendable, Equatable {
  /// One row per re-ranker (`attention`, `first_token`).
  public var rerankers: [RerankCostRecord]
  /// Generated answers (trials not read from the generation cache).
  public var answers: Int
  /// Prompt tokens those answers evaluated (before prefix sharing).
  public var answerPromptTokens: Int
  /// Their prefill and generation seconds.
  public var answerSeconds: Double

  /// Creates the summary.
  public init(
    rerankers: [RerankCostRecord], answers: Int, answerPromptTokens: Int, answerSeconds: Double
  ) {
    self.rerankers = rerankers
    self.answers = answers
    self.answerPromptTokens = answerPromptTokens
    self.answerSeconds = answerSeconds
  }
}

extension StoredExperiments {
  /// The re-ranking cost of experiment `id`, nil when it stored no re-ranking pass.
  func rerankCostSummary(experimentId id: Int64) throws -> RerankCostSummary? {
    let rerankers = try store.rerankCost(experimentId: id)
    guard !rerankers.isEmpty else { return nil }
    let answering = try store.answeringCost(experimentId: id)
    return RerankCostSummary(
      rerankers: rerankers, answers: answering.trials, answerPromptTokens: answering.promptTokens,
      answerSeconds: answering.seconds)
  }
}
