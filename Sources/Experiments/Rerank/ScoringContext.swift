import Inference

/// The KV cache a scorer evaluates its prompts in, fed text segment by segment.
final class ScoringContext {
  /// The engine session (one per scorer, emptied before each pass).
  let session: Session
  /// The model's tokenizer.
  let tokenizer: BPETokenizer

  /// A context over `generator`'s model with the generator's context length and cache type.
  init(generator: InProcessGenerator) {
    session = generator.model.makeSession(
      contextLength: generator.contextLength, kvCache: generator.kvCache)
    tokenizer = generator.model.tokenizer
  }

  /// Tokens of one segment, tokenised on its own as reader prompts are (chat markup stays one
  /// token per control token).
  func tokens(_ segment: String) -> [Int32] { tokenizer.encode(segment, parseSpecial: true) }

  /// Evaluates `segment` after the cached tokens; returns the positions its tokens took.
  /// - Throws: `SessionError` when the context would overflow.
  @discardableResult
  func append(_ segment: String) throws -> Range<Int> {
    let start = session.count
    try session.append(tokens(segment))
    return start..<session.count
  }
}
