// swift-format-ignore-file: AlwaysUseLowerCamelCase
// (names mirror external formats: ggml type names, Hugging Face JSON keys)
import Foundation

extension WordPieceTokenizer {
  /// Loads a WordPiece tokenizer from a HuggingFace `tokenizer.json` (BertNormalizer + WordPiece model).
  /// - Throws: `EncoderError` naming the file and key when the file is missing or of another kind.
  public static func load(path: String) throws -> WordPieceTokenizer {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw EncoderError(file: path, message: "cannot read the file: \(error.localizedDescription)")
    }
    let file: TokenizerFile
    do {
      file = try JSONDecoder().decode(TokenizerFile.self, from: data)
    } catch {
      throw EncoderError(file: path, message: "not a HuggingFace tokenizer.json: \(error)")
    }
    guard file.model.type == "WordPiece" else {
      throw EncoderError(
        file: path, key: "model.type", message: "is \(file.model.type), expected WordPiece")
    }
    var normalizer = BertNormalizer()
    if let n = file.normalizer {
      guard n.type == "BertNormalizer" else {
        throw EncoderError(
          file: path, key: "normalizer.type", message: "is \(n.type), expected BertNormalizer")
      }
      let lowercase = n.lowercase ?? true
      normalizer = BertNormalizer(
        cleanText: n.clean_text ?? true, handleChineseCharacters: n.handle_chinese_chars ?? true,
        stripAccents: n.strip_accents ?? lowercase, lowercase: lowercase)
    }
    do {
      return try WordPieceTokenizer(
        vocabulary: file.model.vocab, normalizer: normalizer,
        unknown: file.model.unk_token ?? "[UNK]",
        continuationPrefix: file.model.continuing_subword_prefix ?? "##",
        maxCharactersPerWord: file.model.max_input_chars_per_word ?? 100)
    } catch let error as EncoderError {
      throw EncoderError(file: path, key: "model.vocab", message: error.message)
    }
  }
}

/// The parts of `tokenizer.json` a BERT WordPiece tokenizer needs.
private struct TokenizerFile: Decodable {
  struct Normalizer: Decodable {
    let type: String
    let clean_text: Bool?
    let handle_chinese_chars: Bool?
    let strip_accents: Bool?
    let lowercase: Bool?
  }
  struct Model: Decodable {
    let type: String
    let unk_token: String?
    let continuing_subword_prefix: String?
    let max_input_chars_per_word: Int?
    let vocab: [String: Int32]
  }
  let normalizer: Normalizer?
  let model: Model
}
