/// Hyperparameters of a decoder-only transformer, read from GGUF metadata (`llama.*` / `qwen2.*`).
public struct ModelConfig: Sendable, Equatable {
  /// `general.architecture`: "llama" or "qwen2".
  public var architecture: String
  /// Number of tokens in the vocabulary (rows of `token_embd.weight`).
  public var vocabularySize: Int
  /// Width of the residual stream.
  public var embeddingLength: Int
  /// Number of transformer blocks.
  public var layerCount: Int
  /// Number of query heads.
  public var headCount: Int
  /// Number of key/value heads (grouped-query attention when smaller than `headCount`).
  public var kvHeadCount: Int
  /// Size of one head.
  public var headDimension: Int
  /// Hidden width of the SwiGLU feed-forward block.
  public var feedForwardLength: Int
  /// Context length the model was trained for.
  public var contextLength: Int
  /// RoPE frequency base.
  public var ropeBase: Float
  /// RMSNorm epsilon.
  public var rmsEpsilon: Float

  /// Whether RoPE rotates (x[i], x[i+d/2]) pairs (qwen2, "NEOX") instead of adjacent pairs (llama).
  public var ropeNeox: Bool { architecture != "llama" }
  /// Width of the key/value projections.
  public var kvDimension: Int { kvHeadCount * headDimension }

  /// Creates a configuration from explicit values.
  public init(
    architecture: String, vocabularySize: Int, embeddingLength: Int, layerCount: Int,
    headCount: Int,
    kvHeadCount: Int, headDimension: Int, feedForwardLength: Int, contextLength: Int,
    ropeBase: Float,
    rmsEpsilon: Float
  ) {
    self.architecture = architecture
    self.vocabularySize = vocabularySize
    self.embeddingLength = embeddingLength
    self.layerCount = layerCount
    self.headCount = headCount
    self.kvHeadCount = kvHeadCount
    self.headDimension = headDimension
    self.feedForwardLength = feedForwardLength
    self.contextLength = contextLength
    self.ropeBase = ropeBase
    self.rmsEpsilon = rmsEpsilon
  }

  /// Reads the configuration from `file`'s metadata.
  /// - Throws: `GGUFError` for a missing key, an unsupported architecture or inconsistent sizes.
  public init(file: GGUFFile) throws {
    let arch = try file.string("general.architecture")
    guard arch == "llama" || arch == "qwen2" else {
      throw GGUFError(
        .corrupt, file: file.path,
        "metadata key `general.architecture` is \"\(arch)\", expected \"llama\" or \"qwen2\"")
    }
    let dim = try file.int("\(arch).embedding_length")
    let heads = try file.int("\(arch).attention.head_count")
    let kvHeads = (try? file.int("\(arch).attention.head_count_kv")) ?? heads
    guard heads > 0, kvHeads > 0, dim % heads == 0, heads % kvHeads == 0 else {
      throw GGUFError(
        .corrupt, file: file.path,
        "`\(arch).attention.head_count` = \(heads) and `head_count_kv` = \(kvHeads) do not divide `embedding_length` = \(dim)"
      )
    }
    guard let embd = file.tensor("token_embd.weight"), embd.shape.count == 2, embd.shape[0] == dim
    else {
      throw GGUFError(
        .missingTensor, file: file.path,
        "required tensor `token_embd.weight` (shape [\(dim), vocab]) is missing or misshapen")
    }
    self.init(
      architecture: arch, vocabularySize: embd.shape[1], embeddingLength: dim,
      layerCount: try file.int("\(arch).block_count"), headCount: heads, kvHeadCount: kvHeads,
      headDimension: dim / heads, feedForwardLength: try file.int("\(arch).feed_forward_length"),
      contextLength: try file.int("\(arch).context_length"),
      ropeBase: Float((try? file.double("\(arch).rope.freq_base")) ?? 10_000),
      rmsEpsilon: Float(try file.double("\(arch).attention.layer_norm_rms_epsilon")))
  }
}
