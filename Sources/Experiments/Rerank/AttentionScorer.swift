/// The `attention` re-ranker: in-context re-ranking (ICR; Chen, Jiménez Gutiérrez and Su, 2024,
/// arXiv 2410.02642) with the reader model of the in-process engine.
///
/// One pass evaluates the reader's own `question_last` prompt — header, the passages in the order
/// given, then the question and the assistant prefix (the paper's layout: documents, then the
/// query, inside the model's chat template when the reader uses it) — and reads the attention the
/// tail's tokens put on each passage's tokens (`Session.attentionReceived`). The calibration pass
/// keeps the cached header and passages (the KV cache is truncated to them) and appends the same
/// tail with the content-free query "N/A"; `ICRScoring` subtracts and filters. Cost: the prompt
/// plus one more tail.
public final class AttentionScorer: PassageScorer {
  /// The strategy name.
  public let name = "attention"
  /// The content-free query of the calibration pass (the paper's).
  public static let calibrationQuery = "N/A"
  /// Lays the prompt out as the reader does (always `question_last`).
  let builder: PromptBuilder
  /// The scorer's KV cache.
  let context: ScoringContext

  /// A scorer over `generator`'s model with the reader's prompt settings `prompt` (its chat flag
  /// and instruction; the template is always `question_last`, which puts the question after the
  /// passages as ICR needs).
  /// - Throws: `PromptError` when `prompt.chat` asks for a chat template the model lacks.
  public init(generator: InProcessGenerator, prompt: PromptSpec) throws {
    builder = try PromptBuilder(
      spec: PromptSpec(
        template: "question_last", chat: prompt.chat, instruction: prompt.instruction),
      chatFormat: generator.chatFormat)
    context = ScoringContext(generator: generator)
  }

  /// The prompt of the scoring pass for `question` (the reader's segments in `passages` order).
  public func segments(question: String, passages: [Passage]) -> PromptSegments {
    builder.segments(question: Question(id: "", text: question, answers: []), passages: passages)
  }

  public func scores(question: String, passages: [Passage]) throws -> RerankScores {
    try measuredPass {
      let asked = segments(question: question, passages: passages)
      let calibration = segments(question: Self.calibrationQuery, passages: passages).tail
      let session = context.session
      session.truncate(to: 0)
      session.capturesQueries = false  // passages need no queries
      try context.append(asked.header)
      let spans = try asked.passages.map { try context.append($0) }
      let shared = session.count
      session.capturesQueries = true
      let query = try meanAttention(tail: asked.tail)
      session.truncate(to: shared)
      let contentFree = try meanAttention(tail: calibration)
      let scores = ICRScoring.passageScores(
        query: query.mass, calibration: contentFree.mass, spans: spans)
      return (scores, shared + query.tokens + contentFree.tokens)
    }
  }

  /// Appends `tail` and returns the attention its tokens put on each position, averaged over
  /// them (summed over layers and heads), with the number of tail tokens.
  private func meanAttention(tail: String) throws -> (mass: [Float], tokens: Int) {
    let positions = try context.append(tail)
    let received = try context.session.attentionReceived(from: positions)
    let n = Float(positions.count)
    return (received.map { $0 / n }, positions.count)
  }
}
