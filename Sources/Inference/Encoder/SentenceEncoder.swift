import Foundation

/// A sentence-transformers model (BERT + pooling + L2 normalisation) such as all-MiniLM-L6-v2.
public final class SentenceEncoder: @unchecked Sendable {
  /// Model name: the directory's last path component (e.g. `all-MiniLM-L6-v2`).
  public let name: String
  /// The model directory.
  public let directory: String
  /// Path of the weights file (`model.safetensors`).
  public let weightsPath: String
  public let config: BertConfig
  public let pooling: PoolingConfig
  public let tokenizer: WordPieceTokenizer
  /// Longest input in tokens, `[CLS]` and `[SEP]` included (256 for MiniLM, as sentence-transformers).
  public let maxSequenceLength: Int
  /// Length of every output vector.
  public var dimension: Int { config.hiddenSize }
  let encoder: BertEncoder
  /// Threads that encode batches side by side.
  let compute: ComputePool
  private let digestLock = NSLock()
  private var digest: String?

  /// The sequence length used when the directory has no `sentence_bert_config.json` (MiniLM's value).
  public static let defaultMaxSequenceLength = 256

  private init(
    directory: String, weightsPath: String, config: BertConfig, pooling: PoolingConfig,
    tokenizer: WordPieceTokenizer, weights: BertWeights, maxSequenceLength: Int, threads: Int
  ) {
    self.directory = directory
    self.name = URL(fileURLWithPath: directory).lastPathComponent
    self.weightsPath = weightsPath
    self.config = config
    self.pooling = pooling
    self.tokenizer = tokenizer
    self.encoder = BertEncoder(config: config, weights: weights)
    self.maxSequenceLength = maxSequenceLength
    self.compute = ComputePool(threads: threads)
  }

  /// Loads `config.json`, `tokenizer.json`, `model.safetensors` and `1_Pooling/config.json`
  /// (and `sentence_bert_config.json` when present) from `directory`; `threads` encode batches
  /// side by side.
  /// - Throws: `EncoderError` or `SafeTensorsError` naming the missing or malformed file;
  ///   a missing file also names `make quickstart` (which installs the model).
  public static func load(directory: String, threads: Int = 2) throws -> SentenceEncoder {
    func file(_ name: String) throws -> String {
      let path = (directory as NSString).appendingPathComponent(name)
      guard FileManager.default.fileExists(atPath: path) else {
        throw EncoderError(
          file: path,
          message:
            "missing; run `make quickstart` (or `bash scripts/setup.sh`) to install the model")
      }
      return path
    }
    let config = try BertConfig.load(path: try file("config.json"))
    let pooling = try PoolingConfig.load(path: try file("1_Pooling/config.json"))
    guard pooling.dimension == config.hiddenSize else {
      throw EncoderError(
        file: try file("1_Pooling/config.json"), key: "word_embedding_dimension",
        message: "is \(pooling.dimension), expected hidden_size \(config.hiddenSize)")
    }
    let tokenizer = try WordPieceTokenizer.load(path: try file("tokenizer.json"))
    let weightsPath = try file("model.safetensors")
    let weights = try BertWeights(file: SafeTensors(path: weightsPath), config: config)
    var maxLength = defaultMaxSequenceLength
    let sbert = (directory as NSString).appendingPathComponent("sentence_bert_config.json")
    if let data = FileManager.default.contents(atPath: sbert),
      let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let value = object["max_seq_length"] as? Int
    {
      maxLength = value
    }
    return SentenceEncoder(
      directory: directory, weightsPath: weightsPath, config: config, pooling: pooling,
      tokenizer: tokenizer, weights: weights,
      maxSequenceLength: min(maxLength, config.maxPositions), threads: threads)
  }

  /// SHA-256 of `model.safetensors` as lowercase hex (computed once, then cached).
  public func fileSHA256() throws -> String {
    digestLock.lock()
    defer { digestLock.unlock() }
    if let digest { return digest }
    let value = try SHA256.hex(ofFile: weightsPath)
    digest = value
    return value
  }

  /// Token ids the encoder sees for `text` (`[CLS]` … `[SEP]`, truncated to `maxSequenceLength`).
  public func tokenize(_ text: String) -> [Int32] {
    tokenizer.encode(text, maxLength: maxSequenceLength)
  }

  /// Unit-length sentence vectors for `texts`, in order.
  /// - Parameters:
  ///   - batchSize: sentences per forward pass (they are packed back to back, without padding).
  ///   - progress: called after each batch with (sentences done, total).
  public func encode(
    _ texts: [String], batchSize: Int = 32, progress: ((Int, Int) -> Void)? = nil
  ) -> [[Float]] {
    let matrix = encodeMatrix(texts, batchSize: batchSize, progress: progress)
    return (0..<texts.count).map { Array(matrix[($0 * dimension)..<(($0 + 1) * dimension)]) }
  }

  /// Like `encode` but returns one row-major `[texts.count, dimension]` matrix.
  public func encodeMatrix(
    _ texts: [String], batchSize: Int = 32, progress: ((Int, Int) -> Void)? = nil
  ) -> [Float] {
    let d = dimension
    var output = [Float](repeating: 0, count: texts.count * d)
    let tokenized = texts.map(tokenize)
    // Sort by length so each batch holds similar lengths (the scores buffer is sized to the longest).
    let order = tokenized.indices.sorted { tokenized[$0].count > tokenized[$1].count }
    let size = max(1, batchSize)
    let batches = stride(from: 0, to: order.count, by: size).map {
      Array(order[$0..<min(order.count, $0 + size)])
    }
    // Whole batches go to the threads in turn (each runs single-threaded BLAS); rows are disjoint.
    let progressLock = NSLock()
    var done = 0
    output.withUnsafeMutableBufferPointer { out in
      let out = UnsafeSendable(out.baseAddress!)
      compute.run { worker, workers in
        for batch in stride(from: worker, to: batches.count, by: workers) {
          let members = batches[batch]
          let sequences = members.map { tokenized[$0] }
          let hidden = encoder.forward(sequences)
          hidden.withUnsafeBufferPointer { h in
            var row = 0
            for (member, sequence) in zip(members, sequences) {
              poolTokens(
                h.baseAddress! + row * d, tokens: sequence.count, into: out.value + member * d)
              row += sequence.count
            }
          }
          progressLock.withLock {
            done += members.count
            progress?(done, texts.count)
          }
        }
      }
    }
    return output
  }

  /// Pools `tokens` rows of hidden states into one vector per `pooling`, then L2-normalises it.
  private func poolTokens(
    _ rows: UnsafePointer<Float>, tokens: Int, into out: UnsafeMutablePointer<Float>
  ) {
    let d = dimension
    switch pooling.mode {
    case .cls:
      out.update(from: rows, count: d)
    case .mean:
      out.update(repeating: 0, count: d)
      for t in 0..<tokens {
        for i in 0..<d { out[i] += rows[t * d + i] }  // sum over tokens
      }
      let inverse = 1 / Float(max(tokens, 1))
      for i in 0..<d { out[i] *= inverse }
    case .max:
      out.update(from: rows, count: d)
      for t in 1..<max(tokens, 1) {
        for i in 0..<d { out[i] = max(out[i], rows[t * d + i]) }
      }
    }
    var norm: Float = 0
    for i in 0..<d { norm += out[i] * out[i] }
    let inverse = 1 / max(norm.squareRoot(), 1e-12)  // as torch.nn.functional.normalize
    for i in 0..<d { out[i] *= inverse }
  }
}
