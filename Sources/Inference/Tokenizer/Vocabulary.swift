/// The immutable tables behind a `BPETokenizer`, shared by its copies and streaming decoders.
///
/// Merge ids: every string a merge can produce gets an id. Strings that are not vocabulary entries
/// get "virtual" ids from `tokenCount` upwards, so merging works on integers yet follows
/// llama.cpp's string-based merging exactly, including its byte fallback for such strings.
final class Vocabulary: Sendable {
  /// One merge rule: the rank of the pair and the id of the merged string.
  struct Merge: Sendable {
    let rank: Int32
    let merged: Int32
  }

  /// A token split out of raw text before pre-tokenization.
  struct Special: Sendable {
    let id: Int32
    let bytes: [UInt8]
    let type: TokenType
  }

  let tokenCount: Int
  let texts: [String]
  let types: [TokenType]
  let idForText: [String: Int32]
  /// Texts of virtual ids (`id - tokenCount` indexes this).
  let virtualTexts: [String]
  /// Symbol id of each raw byte's byte-level character.
  let byteSymbols: [Int32]
  /// Merge rules keyed by `left << 32 | right` symbol ids.
  let merges: [UInt64: Merge]
  /// Specials, longest text first (ties by id), as llama.cpp's `cache_special_tokens`.
  let specials: [Special]
  /// Raw bytes each token decodes to; control and unknown tokens hold their text here.
  let pieces: [[UInt8]]
  let endOfGeneration: Set<Int32>
  let preTokenizer: PreTokenizer

  /// Token texts llama.cpp treats as end-of-generation and forces to control type.
  static let endOfGenerationTexts: Set<String> = [
    "<|eot_id|>", "<|im_end|>", "<|end|>", "<end_of_turn>", "<|endoftext|>", "<|eom_id|>", "<EOT>",
    "_<EOT>", "<|end_of_text|>", "<end_of_utterance>",
  ]

  init(
    tokens: [String], merges mergeLines: [String], tokenTypes: [Int32], preTokenizer: PreTokenizer,
    eos: Int32?, eot: Int32?, extraEndOfGeneration: Set<Int32>
  ) throws {
    guard !tokens.isEmpty else { throw TokenizerError("tokenizer.ggml.tokens is empty") }
    guard tokenTypes.isEmpty || tokenTypes.count == tokens.count else {
      throw TokenizerError(
        "tokenizer.ggml.token_type has \(tokenTypes.count) entries; expected \(tokens.count), one per token")
    }
    tokenCount = tokens.count
    let texts = tokens.enumerated().map { $1.isEmpty ? "[EMPTY_\($0)]" : $1 }
    var idForText: [String: Int32] = [:]
    idForText.reserveCapacity(texts.count)
    for (id, text) in texts.enumerated() { idForText[text] = Int32(id) }  // last duplicate wins
    var types = tokenTypes.isEmpty
      ? [TokenType](repeating: .normal, count: texts.count)
      : tokenTypes.map { TokenType(rawValue: $0) ?? .undefined }
    var eog = extraEndOfGeneration
    for (id, text) in texts.enumerated() where Self.endOfGenerationTexts.contains(text) {
      eog.insert(Int32(id))
      types[id] = .control
    }
    for id in [eos, eot].compactMap({ $0 }) where id >= 0 && Int(id) < texts.count { eog.insert(id) }

    var virtualTexts: [String] = []
    var virtualIds: [String: Int32] = [:]
    func symbolId(_ text: String) -> Int32 {
      if let id = idForText[text] ?? virtualIds[text] { return id }
      let id = Int32(texts.count + virtualTexts.count)
      virtualTexts.append(text)
      virtualIds[text] = id
      return id
    }
    byteSymbols = ByteLevel.scalarForByte.map { symbolId(String($0)) }
    var merges: [UInt64: Merge] = [:]
    merges.reserveCapacity(mergeLines.count)
    for (rank, line) in mergeLines.enumerated() {
      // llama.cpp splits at the first space after the first byte; a line without one pairs "" with "".
      let bytes = Array(line.utf8)
      guard let space = bytes.dropFirst().firstIndex(of: 0x20) else { continue }
      let left = String(decoding: bytes[..<space], as: UTF8.self)
      let right = String(decoding: bytes[(space + 1)...], as: UTF8.self)
      guard !left.isEmpty, !right.isEmpty else { continue }
      let key = UInt64(UInt32(symbolId(left))) << 32 | UInt64(UInt32(symbolId(right)))
      if merges[key] == nil {  // like std::unordered_map::emplace, the first rank wins
        merges[key] = Merge(rank: Int32(rank), merged: symbolId(left + right))
      }
    }
    self.merges = merges
    self.virtualTexts = virtualTexts
    self.texts = texts
    self.types = types
    self.idForText = idForText
    self.endOfGeneration = eog
    self.preTokenizer = preTokenizer
    specials = texts.indices.filter { types[$0].isSpecial }
      .map { Special(id: Int32($0), bytes: Array(texts[$0].utf8), type: types[$0]) }
      .sorted { $0.bytes.count != $1.bytes.count ? $0.bytes.count > $1.bytes.count : $0.id < $1.id }
    pieces = zip(texts, types).map { text, type in
      switch type {
      case .normal: return ByteLevel.decode(text)
      case .control, .unknown, .userDefined: return Array(text.utf8)
      case .byte:
        let hex = text.utf8.count == 6 ? String(text.dropFirst(3).prefix(2)) : ""
        return UInt8(hex, radix: 16).map { [$0] } ?? []
      case .unused, .undefined: return []
      }
    }
  }

  /// The text a symbol id stands for, vocabulary or virtual.
  func symbolText(_ id: Int32) -> String {
    Int(id) < tokenCount ? texts[Int(id)] : virtualTexts[Int(id) - tokenCount]
  }
}
