/// All weights of a BERT encoder as flat Float32 arrays (linear weights are `[out, in]`, row-major).
struct BertWeights: Sendable {
  /// One transformer block.
  struct Layer: Sendable {
    /// Query, key and value projections stacked into one `[3·hidden, hidden]` matrix.
    var qkvWeight: [Float]
    var qkvBias: [Float]
    var attentionOutWeight: [Float]
    var attentionOutBias: [Float]
    var attentionNormWeight: [Float]
    var attentionNormBias: [Float]
    var intermediateWeight: [Float]
    var intermediateBias: [Float]
    var outputWeight: [Float]
    var outputBias: [Float]
    var outputNormWeight: [Float]
    var outputNormBias: [Float]
  }

  var wordEmbeddings: [Float]
  var positionEmbeddings: [Float]
  var tokenTypeEmbeddings: [Float]
  var embeddingNormWeight: [Float]
  var embeddingNormBias: [Float]
  var layers: [Layer]

  /// Reads every tensor of `config`'s shape from `file` (names as in HuggingFace `BertModel`,
  /// with or without a `bert.` prefix).
  /// - Throws: `SafeTensorsError` naming the missing or misshapen tensor.
  init(file: SafeTensors, config: BertConfig) throws {
    let prefix = file.tensors["bert.embeddings.word_embeddings.weight"] != nil ? "bert." : ""
    let h = config.hiddenSize
    let f = config.intermediateSize
    func t(_ name: String, _ shape: [Int]) throws -> [Float] {
      try file.floats(prefix + name, shape: shape)
    }
    wordEmbeddings = try t("embeddings.word_embeddings.weight", [config.vocabularySize, h])
    positionEmbeddings = try t("embeddings.position_embeddings.weight", [config.maxPositions, h])
    tokenTypeEmbeddings = try t(
      "embeddings.token_type_embeddings.weight", [config.typeVocabularySize, h])
    embeddingNormWeight = try t("embeddings.LayerNorm.weight", [h])
    embeddingNormBias = try t("embeddings.LayerNorm.bias", [h])
    layers = try (0..<config.layerCount).map { i in
      let p = "encoder.layer.\(i)."
      return Layer(
        qkvWeight: try t(p + "attention.self.query.weight", [h, h])
          + t(p + "attention.self.key.weight", [h, h])
          + t(p + "attention.self.value.weight", [h, h]),
        qkvBias: try t(p + "attention.self.query.bias", [h]) + t(p + "attention.self.key.bias", [h])
          + t(p + "attention.self.value.bias", [h]),
        attentionOutWeight: try t(p + "attention.output.dense.weight", [h, h]),
        attentionOutBias: try t(p + "attention.output.dense.bias", [h]),
        attentionNormWeight: try t(p + "attention.output.LayerNorm.weight", [h]),
        attentionNormBias: try t(p + "attention.output.LayerNorm.bias", [h]),
        intermediateWeight: try t(p + "intermediate.dense.weight", [f, h]),
        intermediateBias: try t(p + "intermediate.dense.bias", [f]),
        outputWeight: try t(p + "output.dense.weight", [h, f]),
        outputBias: try t(p + "output.dense.bias", [h]),
        outputNormWeight: try t(p + "output.LayerNorm.weight", [h]),
        outputNormBias: try t(p + "output.LayerNorm.bias", [h]))
    }
  }
}
