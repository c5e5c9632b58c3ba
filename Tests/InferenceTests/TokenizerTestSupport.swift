@testable import Inference

/// Builds small tokenizers by hand: every byte is a token, plus the given merges and specials.
enum TinyVocab {
  /// Byte-level spelling of plain text (`" a"` becomes `"Ġa"`).
  static func spell(_ text: String) -> String { ByteLevel.encode(Array(text.utf8)) }

  /// A tokenizer whose tokens are: `specials` (control), `userDefined`, the 256 byte characters,
  /// then `extra` words; merges are given in plain text (`"h e"`), best first.
  static func make(
    merges: [String] = [], extra: [String] = [], specials: [String] = [],
    userDefined: [String] = [], pre: String = "gpt-2",
    spelledMerges: [String] = [], spelledExtra: [String] = []
  ) throws -> BPETokenizer {
    var tokens = specials + userDefined
    var types =
      [Int32](repeating: 3, count: specials.count) + [Int32](repeating: 4, count: userDefined.count)
    tokens += ByteLevel.scalarForByte.map { String($0) }
    tokens += extra.map(spell) + spelledExtra
    types += [Int32](repeating: 1, count: tokens.count - types.count)
    let allMerges =
      spelledMerges
      + merges.map { line -> String in
        // Split at the first space after the first character, so " a" pairs " " with "a".
        let cut = line.dropFirst().firstIndex(of: " ")!
        return spell(String(line[..<cut])) + " " + spell(String(line[line.index(after: cut)...]))
      }
    return try BPETokenizer(
      tokens: tokens, merges: allMerges, tokenTypes: types, preTokenizer: pre, eos: nil)
  }

  /// The plain-text pieces `tokens` stand for.
  static func texts(_ tokenizer: BPETokenizer, _ tokens: [Int32]) -> [String] {
    tokens.map { tokenizer.decode([$0], renderSpecial: true) }
  }
}

/// The pre-tokens a named pre-tokenizer cuts `text` into.
func preTokens(_ name: String, _ text: String) throws -> [String] {
  let scalars = text.unicodeScalars.map(\.value)
  return try PreTokenizer(named: name).split(scalars).map { range in
    var view = String.UnicodeScalarView()
    for i in range { view.append(Unicode.Scalar(scalars[i])!) }
    return String(view)
  }
}
