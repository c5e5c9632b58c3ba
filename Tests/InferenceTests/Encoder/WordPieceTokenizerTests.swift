import Testing

@testable import Inference

/// A tiny vocabulary exercising every WordPiece rule.
func tinyTokenizer() throws -> WordPieceTokenizer {
  let pieces = [
    "[PAD]", "[UNK]", "[CLS]", "[SEP]", "un", "##aff", "##able", "hello", "world", "!", ",", "cafe",
    "北", "京", "$", "100", "naive", "a", "##b", "'", "s", "-", "x",
  ]
  var vocabulary: [String: Int32] = [:]
  for (i, piece) in pieces.enumerated() { vocabulary[piece] = Int32(i) }
  return try WordPieceTokenizer(vocabulary: vocabulary)
}

@Test func wordPieceSplitsIntoLongestPiecesWithContinuationPrefix() throws {
  let t = try tinyTokenizer()
  #expect(t.encode("unaffable") == [2, 4, 5, 6, 3])
  #expect(t.encode("ab") == [2, 17, 18, 3])
}

@Test func wordPieceLowercasesStripsAccentsAndIsolatesPunctuation() throws {
  let t = try tinyTokenizer()
  #expect(t.encode("Hello, WORLD!") == [2, 7, 10, 8, 9, 3])
  #expect(t.encode("Café naïve") == [2, 11, 16, 3])
  // `$` is ASCII punctuation though Unicode calls it Sc
  #expect(t.encode("$100") == [2, 14, 15, 3])
  #expect(t.encode("a's x-a") == [2, 17, 19, 20, 22, 21, 17, 3])
}

@Test func wordPieceSpacesChineseCharactersAndCleansControls() throws {
  let t = try tinyTokenizer()
  #expect(t.encode("北京") == [2, 12, 13, 3])
  // BEL, ZWSP (Cf) dropped; tab splits
  #expect(t.encode("hello\u{0007}\tworld\u{200B}") == [2, 7, 8, 3])
}

@Test func wordPieceUnmatchableOrOverlongWordIsOneUnknown() throws {
  let t = try tinyTokenizer()
  #expect(t.encode("unzzz") == [2, 1, 3])
  #expect(t.encode(String(repeating: "a", count: 101)) == [2, 1, 3])
  #expect(
    t.encode(String(repeating: "a", count: 1) + String(repeating: "b", count: 99)).count == 102)
}

@Test func wordPieceTruncatesToMaxLengthKeepingClsAndSep() throws {
  let t = try tinyTokenizer()
  let ids = t.encode(Array(repeating: "hello", count: 50).joined(separator: " "), maxLength: 10)
  #expect(ids.count == 10)
  #expect(ids.first == 2 && ids.last == 3)
  #expect(t.encode("") == [2, 3])
}

@Test func wordPieceComparesVocabularyBytesNotCanonicalEquivalence() throws {
  // "한" (U+D55C) is canonically equal to its jamo sequence; NFD yields the jamo, which must not
  // match a vocabulary entry spelled with the precomposed syllable.
  let vocabulary: [String: Int32] = [
    "[UNK]": 0, "[CLS]": 1, "[SEP]": 2, "\u{D55C}": 3, "\u{1112}": 4,
  ]
  let t = try WordPieceTokenizer(vocabulary: vocabulary)
  #expect(t.encode("\u{D55C}") == [1, 0, 2])
}

@Test func wordPieceUsesTheTokenizersCrateCJKRanges() throws {
  let t = try tinyTokenizer()
  // U+2B920 is in the crate's ranges (spaced out); U+2B820 is not (stays inside the word).
  #expect(t.encode("a\u{2B920}a") == [2, 17, 1, 17, 3])
  #expect(t.encode("a\u{2B820}a") == [2, 1, 3])
}
