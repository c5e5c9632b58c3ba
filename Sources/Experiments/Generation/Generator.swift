import Foundation
import Inference

/// Decoding parameters of one generation: the engine's `GenerationOptions`, which the generation
/// cache keys by `hash`.
public typealias DecodingOptions = GenerationOptions

extension GenerationOptions {
  /// The decoding part of a generator spec.
  public init(_ spec: GeneratorSpec) {
    self.init(
      maxTokens: spec.maxTokens, temperature: Float(spec.temperature), topP: Float(spec.topP),
      seed: spec.seed, stop: spec.stop)
  }

  /// sha256 of the canonical JSON of these options (the generation-cache key part).
  public var hash: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return SHA256.hex(of: Array((try? encoder.encode(self)) ?? Data()))
  }
}

/// One generated answer.
public struct GeneratedAnswer: Sendable, Equatable {
  /// The answer text (stop string removed).
  public var text: String
  /// Generated token ids.
  public var tokens: [Int32]
  /// Log-probability of each chosen token.
  public var logprobs: [Float]
  /// Why generation stopped (`endOfGeneration`, `stopString`, `maxTokens`; an HTTP server's
  /// `finish_reason` as `server:stop` / `server:length`).
  public var stopReason: String
  /// Length in tokens of the prompt the answer was generated after.
  public var promptTokenCount: Int

  /// Creates an answer.
  public init(
    text: String, tokens: [Int32], logprobs: [Float], stopReason: String, promptTokenCount: Int
  ) {
    self.text = text
    self.tokens = tokens
    self.logprobs = logprobs
    self.stopReason = stopReason
    self.promptTokenCount = promptTokenCount
  }
}

/// An opaque position in a session's context to come back to.
public struct SessionCheckpoint: Sendable, Equatable {
  /// The session's own measure of its context at the checkpoint (tokens for a KV cache,
  /// segments for an HTTP session).
  public let position: Int

  /// Creates a checkpoint at `position`.
  public init(position: Int) {
    self.position = position
  }
}

/// A growing context designed for prefix sharing: append prompt segments, checkpoint, generate, rewind.
///
/// Each segment is tokenised on its own, so a prompt built segment by segment has the same tokens
/// whether its prefix was shared with another prompt or evaluated from scratch.
public protocol GenerationSession: AnyObject {
  /// Token ids in the context, when the session tokenises itself (empty for an HTTP session).
  var tokens: [Int32] { get }
  /// Prompt tokens evaluated (prefilled) so far by this session, over its whole life.
  var evaluatedPromptTokens: Int { get }
  /// The current position.
  func checkpoint() -> SessionCheckpoint
  /// Drops everything after `checkpoint` (O(1) for a KV cache).
  func rewind(to checkpoint: SessionCheckpoint)
  /// Tokenises `segment` alone and evaluates its tokens (an HTTP session only keeps the text).
  func append(segment: String) throws
  /// Generates after the current context; generated tokens are appended (rewind to drop them).
  func generate(_ options: DecodingOptions) throws -> GeneratedAnswer
  /// The attention mass the last context position puts on each appended segment, per layer and
  /// averaged over heads (`[layer][segment]`); nil when the session cannot see attention (an HTTP
  /// server, the default).
  func segmentAttention() -> [[Float]]?
  /// Records the hidden states of `layers` (see `HiddenLayerSelection`) for every token appended
  /// from now on; call it before appending the prompt (a session without hidden states ignores it).
  func captureHiddenStates(layers: [Int])
  /// The last context position's hidden state at each of `layers`, in that order; nil when the
  /// session cannot see hidden states (the default) or did not capture a layer.
  /// - Throws: a server session's request errors (`GeneratorRequestFailure` once its retries ran
  ///   out, `GeneratorServerError` for a failure a retry would repeat).
  func lastTokenHiddenStates(layers: [Int]) throws -> [[Float]]?
}

extension GenerationSession {
  /// No attention to report (sessions without access to the model's attention).
  public func segmentAttention() -> [[Float]]? { nil }
  /// Nothing to capture (sessions without access to the model's hidden states).
  public func captureHiddenStates(layers: [Int]) {}
  /// No hidden states to report (sessions without access to the model's hidden states).
  public func lastTokenHiddenStates(layers: [Int]) -> [[Float]]? { nil }
}

/// A language model that answers prompts: the in-process engine, an HTTP server, or a test fake.
public protocol Generator: AnyObject {
  /// sha256 of the model weights (provenance; the experiment's identity).
  var modelSHA256: String { get }
  /// Everything besides prompt and decoding that changes an answer (the generation-cache key).
  var identity: GeneratorIdentity { get }
  /// Renders chat turns; nil when the model has no chat template raglab recognises (then a spec
  /// with `prompt.chat: true` is refused; raw prompts need `chat: false`).
  var chatFormat: ChatFormat? { get }
  /// Starts an empty context.
  func makeSession() throws -> any GenerationSession
  /// Starts an empty context for the run's worker `worker` (0 ..< `concurrency`); a server
  /// generator may pin that worker's requests to one of its slots.
  func makeSession(worker: Int) throws -> any GenerationSession
  /// How many sessions may generate at the same time, each on its own thread: the run's workers.
  var concurrency: Int { get }
  /// Whether its sessions report `segmentAttention()` (what `diagnostics: [attention]` needs).
  var measuresAttention: Bool { get }
  /// The model's number of transformer blocks when its sessions report hidden states
  /// (`lastTokenHiddenStates`), which resolves a `HiddenLayerSelection`; nil when they cannot.
  var hiddenStateBlockCount: Int? { get }
  /// The layer numbers `selection` stands for on this generator's model, as its sessions report
  /// them; nil when its sessions report no hidden states.
  /// - Throws: `RunError` naming `module.layers` for a layer the generator cannot report.
  func hiddenLayers(for selection: HiddenLayerSelection) throws -> [Int]?
  /// The prefill matrix-product path its engine runs (provenance only); nil for a server.
  var prefillPath: String? { get }
}

extension Generator {
  /// Every worker gets a plain session unless the generator says otherwise.
  public func makeSession(worker: Int) throws -> any GenerationSession { try makeSession() }
  /// One session at a time unless the generator says otherwise.
  public var concurrency: Int { 1 }
  /// Generators measure no attention unless they say so.
  public var measuresAttention: Bool { false }
  /// Generators report no hidden states unless they say so.
  public var hiddenStateBlockCount: Int? { nil }
  /// No engine of raglab's own to name unless the generator says so.
  public var prefillPath: String? { nil }
  /// `selection` resolved against `hiddenStateBlockCount` (nil without it).
  public func hiddenLayers(for selection: HiddenLayerSelection) throws -> [Int]? {
    try hiddenStateBlockCount.map { try selection.resolve(blockCount: $0) }
  }
}
