// swift-format-ignore-file: AlwaysUseLowerCamelCase
// (names mirror external formats: ggml type names, Hugging Face JSON keys)
import Foundation

/// Shape of a BERT encoder, read from HuggingFace's `config.json`.
public struct BertConfig: Sendable, Equatable {
  public var vocabularySize: Int
  public var hiddenSize: Int
  public var layerCount: Int
  public var headCount: Int
  public var intermediateSize: Int
  public var maxPositions: Int
  public var typeVocabularySize: Int
  public var layerNormEpsilon: Float

  /// Width of one attention head.
  public var headDimension: Int { hiddenSize / headCount }

  public init(
    vocabularySize: Int, hiddenSize: Int, layerCount: Int, headCount: Int, intermediateSize: Int,
    maxPositions: Int, typeVocabularySize: Int, layerNormEpsilon: Float
  ) {
    self.vocabularySize = vocabularySize
    self.hiddenSize = hiddenSize
    self.layerCount = layerCount
    self.headCount = headCount
    self.intermediateSize = intermediateSize
    self.maxPositions = maxPositions
    self.typeVocabularySize = typeVocabularySize
    self.layerNormEpsilon = layerNormEpsilon
  }

  /// Reads `config.json`; only `model_type: bert` with absolute positions and GELU is accepted.
  /// - Throws: `EncoderError` naming the file and the offending key.
  public static func load(path: String) throws -> BertConfig {
    let raw: RawConfig
    do {
      raw = try JSONDecoder().decode(
        RawConfig.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    } catch {
      throw EncoderError(file: path, message: "not a readable BERT config.json: \(error)")
    }
    if let type = raw.model_type, type != "bert" {
      throw EncoderError(file: path, key: "model_type", message: "is \(type), expected bert")
    }
    if let act = raw.hidden_act, act != "gelu" {
      throw EncoderError(file: path, key: "hidden_act", message: "is \(act), expected gelu")
    }
    if let pos = raw.position_embedding_type, pos != "absolute" {
      throw EncoderError(
        file: path, key: "position_embedding_type", message: "is \(pos), expected absolute")
    }
    guard raw.num_attention_heads > 0, raw.hidden_size % raw.num_attention_heads == 0 else {
      throw EncoderError(
        file: path, key: "num_attention_heads",
        message: "\(raw.num_attention_heads) does not divide hidden_size \(raw.hidden_size)")
    }
    return BertConfig(
      vocabularySize: raw.vocab_size, hiddenSize: raw.hidden_size,
      layerCount: raw.num_hidden_layers,
      headCount: raw.num_attention_heads, intermediateSize: raw.intermediate_size,
      maxPositions: raw.max_position_embeddings, typeVocabularySize: raw.type_vocab_size ?? 2,
      layerNormEpsilon: raw.layer_norm_eps ?? 1e-12)
  }
}

/// The keys of `config.json` this encoder reads.
private struct RawConfig: Decodable {
  let model_type: String?
  let hidden_act: String?
  let position_embedding_type: String?
  let vocab_size: Int
  let hidden_size: Int
  let num_hidden_layers: Int
  let num_attention_heads: Int
  let intermediate_size: Int
  let max_position_embeddings: Int
  let type_vocab_size: Int?
  let layer_norm_eps: Float?
}
