import Foundation

/// A decoder-only language model (llama / qwen2) loaded from a GGUF file.
public final class LanguageModel: @unchecked Sendable {
  /// The GGUF file the model was loaded from.
  public let path: String
  /// Hyperparameters.
  public let config: ModelConfig
  /// The tokenizer described by the file's `tokenizer.ggml.*` metadata.
  public let tokenizer: BPETokenizer
  /// The chat template recognised from `tokenizer.chat_template`, if any.
  public let chatTemplate: ChatTemplate?
  /// The mapped file (weights point into it).
  public let file: GGUFFile
  /// Threads used for matrix products.
  public let threads: Int
  /// How prefill multiplies activations by the weights (`fast` falls back to `f32` per matrix
  /// where the CPU or the format has no int8 path; `prefillPath` says what ran).
  public let numerics: Numerics
  /// The compute threads every forward pass runs on.
  let pool: ComputePool
  let weights: ModelWeights
  private let shaLock = NSLock()
  private var sha: String?

  /// Maps, checks and dequantises the model at `path`.
  /// - Throws: `GGUFError` naming the file and the key or tensor at fault.
  public static func load(path: String, threads: Int = 2, numerics: Numerics = .fast) throws
    -> LanguageModel
  {
    try LanguageModel(path: path, threads: threads, numerics: numerics)
  }

  private init(path: String, threads: Int, numerics: Numerics) throws {
    self.path = path
    self.threads = max(1, threads)
    self.numerics = numerics
    pool = ComputePool(threads: self.threads)
    file = try GGUFFile(path: path)
    config = try ModelConfig(file: file)
    weights = try ModelWeights(file: file, config: config, numerics: numerics)
    tokenizer = try BPETokenizer(gguf: file)
    chatTemplate = file.chatTemplate
  }

  /// The prefill matrix-product paths the layer weights use and their formats, e.g.
  /// `int8 AVX512-VNNI (Q5_0, Q8_0, Q4_K, Q6_K)` or `f32 SGEMM (Q4_1)`.
  public var prefillPath: String { weights.prefillPath }

  /// A new session with an empty KV cache of `contextLength` positions stored as `kvCache`.
  public func makeSession(contextLength: Int = 4096, kvCache: KVCacheType = .f32) -> Session {
    Session(model: self, contextLength: contextLength, kvCache: kvCache)
  }

  /// SHA-256 of the file as lowercase hex (computed once, then cached).
  public func fileSHA256() throws -> String {
    shaLock.lock()
    defer { shaLock.unlock() }
    if let sha { return sha }
    let digest = try SHA256.hex(ofFile: path)
    sha = digest
    return digest
  }
}
