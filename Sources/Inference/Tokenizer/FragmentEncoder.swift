/// Tokenizes raw text between special tokens: pre-tokenize, byte-level BPE, then map to token ids.
struct FragmentEncoder {
  private let vocabulary: Vocabulary
  private var merger: BytePairMerger
  /// Token ids per pre-token bytes, reused within one `encode` call.
  private var cache: [[UInt8]: [Int32]] = [:]
  private var word: [UInt8] = []

  init(vocabulary: Vocabulary) {
    self.vocabulary = vocabulary
    self.merger = BytePairMerger(vocabulary: vocabulary)
  }

  /// Appends the token ids of one raw-text fragment (valid UTF-8 between special tokens).
  mutating func encode(_ bytes: ArraySlice<UInt8>, into output: inout [Int32]) {
    let scalars = String(decoding: bytes, as: UTF8.self).unicodeScalars.map(\.value)
    for piece in vocabulary.preTokenizer.split(scalars) {
      word.removeAll(keepingCapacity: true)
      for i in piece { appendUTF8(scalars[i], to: &word) }
      if let known = cache[word] {
        output.append(contentsOf: known)
        continue
      }
      let ids = tokens(ofWord: word)
      output.append(contentsOf: ids)
      if cache.count < 4096 { cache[word] = ids }
    }
  }

  private mutating func tokens(ofWord word: [UInt8]) -> [Int32] {
    if vocabulary.preTokenizer.ignoresMerges,
      let whole = vocabulary.idForText[ByteLevel.encode(word)]
    {
      return [whole]
    }
    var ids: [Int32] = []
    for symbol in merger.merge(word) {
      if Int(symbol) < vocabulary.tokenCount {
        ids.append(symbol)
        continue
      }
      // A merged string outside the vocabulary: llama.cpp looks up each of its bytes alone.
      for byte in vocabulary.symbolText(symbol).utf8 where byte < 0x80 {
        if let id = vocabulary.idForText[String(UnicodeScalar(byte))] { ids.append(id) }
      }
    }
    return ids
  }

  private func appendUTF8(_ value: UInt32, to out: inout [UInt8]) {
    switch value {
    case 0..<0x80:
      out.append(UInt8(value))
    case 0x80..<0x800:
      out.append(UInt8(0xC0 | (value >> 6)))
      out.append(UInt8(0x80 | (value & 0x3F)))
    case 0x800..<0x10000:
      out.append(UInt8(0xE0 | (value >> 12)))
      out.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
      out.append(UInt8(0x80 | (value & 0x3F)))
    default:
      out.append(UInt8(0xF0 | (value >> 18)))
      out.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
      out.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
      out.append(UInt8(0x80 | (value & 0x3F)))
    }
  }
}
