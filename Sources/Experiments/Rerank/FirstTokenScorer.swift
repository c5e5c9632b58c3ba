/// The `first_token` re-ranker: FIRST-style single-token listwise scoring (Reddy et al., 2024)
/// with the reader model of the in-process engine.
///
/// One forward pass over `FirstTokenPrompt` (passages labelled `[A]`, `[B]`, …, the answer opened
/// with "["); a passage's score is the logit of its identifier's token at the next position — the
/// first generated identifier — so the ranking comes without decoding. The model is used
/// zero-shot (FIRST fine-tunes its ranker; raglab scores the reader as it is).
public final class FirstTokenScorer: PassageScorer {
  /// The strategy name.
  public let name = "first_token"
  /// The identifiers.
  public let labels: RankingLabels
  /// The ranking prompt.
  let prompt: FirstTokenPrompt
  /// The scorer's KV cache.
  let context: ScoringContext
  /// Token of each label in order, nil where the vocabulary splits "[" + label differently.
  let labelTokenIDs: [Int32?]

  /// A scorer over `generator`'s model; `chat` wraps the prompt in the model's chat format.
  /// - Throws: `PromptError` when `chat` is true and the model has no chat format.
  public init(generator: InProcessGenerator, chat: Bool, labels: RankingLabels = .letters) throws {
    if chat && generator.chatFormat == nil { throw PromptError.noChatTemplate }
    self.labels = labels
    prompt = FirstTokenPrompt(labels: labels, chatFormat: chat ? generator.chatFormat : nil)
    let context = ScoringContext(generator: generator)
    self.context = context
    let bracket = context.tokens("[")
    labelTokenIDs = (0..<labels.limit).map { i in
      let label = context.tokens(labels.label(i))
      // one token, and the same token after "[" (so it is what the model would generate there)
      return label.count == 1 && context.tokens("[" + labels.label(i)) == bracket + label
        ? label[0] : nil
    }
  }

  /// Prompt tokens of the scoring pass, segment by segment as evaluated.
  public func promptTokens(question: String, passages: [Passage]) -> [Int32] {
    prompt.segments(question: question, passages: passages).flatMap(context.tokens)
  }

  /// The token of each of the first `k` labels.
  /// - Throws: `RerankerError` when k exceeds the labels or a label is not one token.
  public func labelTokens(count k: Int) throws -> [Int32] {
    guard k <= labels.limit else {
      throw RerankerError(
        description:
          "first_token labels passages with \(labels.rawValue), which name at most "
          + "\(labels.limit) passages; k = \(k): lower k"
          + (labels == .numbers ? " or use letters" : ""))
    }
    return try (0..<k).map { i in
      guard let token = labelTokenIDs[i] else {
        throw RerankerError(
          description:
            "first_token needs each identifier to be one token after \"[\", but this model's "
            + "vocabulary splits [\(labels.label(i))]: use the other labels (letters or numbers)")
      }
      return token
    }
  }

  public func scores(question: String, passages: [Passage]) throws -> RerankScores {
    let tokens = try labelTokens(count: passages.count)
    guard !passages.isEmpty else { return RerankScores(scores: [], promptTokens: 0, seconds: 0) }
    return try measuredPass {
      let session = context.session
      session.truncate(to: 0)
      session.capturesQueries = false
      for segment in prompt.segments(question: question, passages: passages) {
        try context.append(segment)
      }
      let logits = session.lastLogits()
      return (tokens.map { Double(logits[Int($0)]) }, session.count)
    }
  }
}
