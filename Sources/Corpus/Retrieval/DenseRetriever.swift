import Inference
import Store

/// Exact cosine search over a dataset's stored sentence embeddings (e.g. MiniLM-L6-v2): the
/// question is encoded, and every passage vector is scored by one matrix-vector product.
public struct DenseRetriever: Retriever {
  /// The dataset searched.
  public let dataset: String
  /// The encoder for questions (the same one that embedded the passages).
  public let encoder: SentenceEncoder
  /// Passage id of each matrix row.
  public let passageIDs: [String]
  /// All passage vectors, loaded once.
  public let matrix: EmbeddingMatrix
  /// Retriever name used in specs.
  public let name: String
  /// sha256 of the encoder's weight file (part of the ranking-cache key).
  public let encoderSHA256: String

  /// Opens the dense index of `dataset`, embedding the passages first if they are not all stored
  /// (resuming an interrupted build).
  /// - Parameters:
  ///   - name: the retriever's name in specs and caches.
  ///   - progress: called during embedding with (passages done, passages to embed).
  /// - Throws: `StoreError` for an unknown dataset or database problem; `EncoderError` when the
  ///   model file cannot be hashed.
  public static func open(
    store: CorpusStore, dataset: String, encoder: SentenceEncoder, name: String = "dense",
    batchSize: Int = 32, progress: ((Int, Int) -> Void)? = nil
  ) throws -> DenseRetriever {
    let index = try DenseIndexBuilder.build(
      store: store, dataset: dataset, encoder: encoder, batchSize: batchSize, progress: progress)
    let loaded = try DenseStore(store).loadVectors(indexID: index.id, dimension: encoder.dimension)
    return DenseRetriever(
      dataset: dataset, encoder: encoder, passageIDs: loaded.passageIDs,
      matrix: EmbeddingMatrix(values: loaded.matrix, dimension: encoder.dimension),
      encoderSHA256: try encoder.fileSHA256(), name: name)
  }

  /// Wraps an already loaded matrix (row `i` is passage `passageIDs[i]`) of the encoder whose
  /// weights hash to `encoderSHA256`.
  public init(
    dataset: String, encoder: SentenceEncoder, passageIDs: [String], matrix: EmbeddingMatrix,
    encoderSHA256: String, name: String = "dense"
  ) {
    precondition(passageIDs.count == matrix.rows, "one passage id per matrix row")
    self.dataset = dataset
    self.encoder = encoder
    self.passageIDs = passageIDs
    self.matrix = matrix
    self.name = name
    self.encoderSHA256 = encoderSHA256
  }

  /// The name, the encoder and its weights' sha256: another weight file is another ranking.
  public var cacheKey: String { "\(name)(\(encoder.name))@\(encoderSHA256)" }

  /// The `depth` passages whose vectors have the highest cosine with the question's, best first.
  public func retrieve(question: QuestionRecord, depth: Int) throws -> [ScoredPassage] {
    guard depth > 0 else { return [] }
    let query = encoder.encode([question.text], batchSize: 1)[0]
    return matrix.nearest(query, k: depth).map {
      ScoredPassage(passageID: passageIDs[$0.row], score: Double($0.score))
    }
  }
}
