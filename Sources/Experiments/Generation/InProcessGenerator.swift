import Foundation
import Inference

/// The in-process GGUF engine as a `Generator`: one `Inference.Session` (KV cache) per generation session.
public final class InProcessGenerator: Generator {
  /// The loaded model.
  public let model: LanguageModel
  /// sha256 of the GGUF file (`LanguageModel.fileSHA256()`).
  public let modelSHA256: String
  /// The model's chat template as a `ChatFormat`, when it has one.
  public let chatFormat: ChatFormat?
  /// KV-cache length of each session.
  public let contextLength: Int
  /// How each session's KV cache stores keys and values.
  public let kvCache: KVCacheType

  /// Wraps a loaded model; sessions hold up to `contextLength` tokens (capped by the model's own
  /// limit) in a `kvCache` cache.
  public init(model: LanguageModel, contextLength: Int = 8192, kvCache: KVCacheType = .f32) throws {
    self.model = model
    self.kvCache = kvCache
    self.modelSHA256 = try model.fileSHA256()
    self.contextLength = min(contextLength, model.config.contextLength)
    chatFormat = model.chatTemplate.map(ChatFormat.init)
  }

  /// Loads the GGUF at `path` (relative paths resolve against `RAGLAB_HOME`) with `numerics` prefill.
  /// - Throws: `MissingAssetError` (naming `make quickstart`) when the file is absent.
  public static func load(
    path: String, threads: Int = 2, kvCache: KVCacheType = .f32, numerics: Numerics = .fast
  ) throws -> InProcessGenerator {
    let resolved = try AssetPaths.require(path, what: "model")
    return try InProcessGenerator(
      model: LanguageModel.load(path: resolved, threads: threads, numerics: numerics),
      kvCache: kvCache)
  }

  /// The engine's prefill matrix-product path (`LanguageModel.prefillPath`).
  public var prefillPath: String? { model.prefillPath }

  /// The engine can recompute the last position's attention over its KV cache.
  public var measuresAttention: Bool { true }

  /// The engine captures hidden states; the model's number of transformer blocks.
  public var hiddenStateBlockCount: Int? { model.config.layerCount }

  /// The output head applied to a vector already past the final norm (a captured `last` state,
  /// or a point in that space such as a cluster centre): next-token logits over the vocabulary.
  /// - Throws: `RunError` when `finalHidden` is not as wide as the model's residual stream.
  public func outputLogits(finalHidden: [Float]) throws -> [Float] {
    let width = model.config.embeddingLength
    guard finalHidden.count == width else {
      throw RunError(
        "a final hidden state of \(finalHidden.count) values was given; the model's states have "
          + "\(width)")
    }
    return model.makeSession(contextLength: 1).logits(
      fromHidden: finalHidden, applyFinalNorm: false)
  }

  public func makeSession() throws -> any GenerationSession {
    InProcessSession(
      session: model.makeSession(contextLength: contextLength, kvCache: kvCache),
      tokenizer: model.tokenizer)
  }
}

/// A KV cache driven segment by segment; a checkpoint is a token count, rewinding is `truncate`.
final class InProcessSession: GenerationSession {
  let session: Session
  let tokenizer: BPETokenizer
  private(set) var tokens: [Int32] = []
  private(set) var evaluatedPromptTokens = 0
  /// Token range of each appended segment (for `segmentAttention`).
  private(set) var spans = SegmentSpans()

  init(session: Session, tokenizer: BPETokenizer) {
    self.session = session
    self.tokenizer = tokenizer
  }

  func checkpoint() -> SessionCheckpoint { SessionCheckpoint(position: tokens.count) }

  func rewind(to checkpoint: SessionCheckpoint) {
    session.truncate(to: checkpoint.position)
    tokens.removeLast(tokens.count - checkpoint.position)
    spans.truncate(to: checkpoint.position)
  }

  func append(segment: String) throws {
    // special tokens of chat templates stay single tokens
    let new = tokenizer.encode(segment, parseSpecial: true)
    try session.append(new)
    spans.record(tokens.count..<(tokens.count + new.count))
    tokens += new
    evaluatedPromptTokens += new.count
  }

  func segmentAttention() -> [[Float]]? {
    session.attentionMass(spans: spans.ranges)
  }

  func captureHiddenStates(layers: [Int]) {
    session.captureHiddenLayers = Set(layers)
  }

  func lastTokenHiddenStates(layers: [Int]) -> [[Float]]? {
    let position = tokens.count - 1
    guard layers.allSatisfy({ session.hasHiddenState(layer: $0, position: position) }) else {
      return nil
    }
    return layers.map { session.hiddenState(layer: $0, position: position) }
  }

  func generate(_ options: DecodingOptions) throws -> GeneratedAnswer {
    let promptTokenCount = tokens.count
    let generation = try session.generate(options)
    tokens += generation.tokens
    // the engine may not keep the last sampled token in its cache
    if session.count != tokens.count {
      tokens = Array(tokens.prefix(session.count))
    }
    return GeneratedAnswer(
      text: generation.text, tokens: generation.tokens, logprobs: generation.logprobs,
      stopReason: "\(generation.stopReason)", promptTokenCount: promptTokenCount)
  }
}
