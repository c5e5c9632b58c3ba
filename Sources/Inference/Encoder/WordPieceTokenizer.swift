import Foundation

/// BERT's WordPiece tokenizer (normaliser, pre-tokenizer, greedy longest-match vocabulary, [CLS] … [SEP]).
public struct WordPieceTokenizer: Sendable {
  /// The normaliser applied before splitting into words.
  public let normalizer: BertNormalizer
  /// Id of `[UNK]`, `[CLS]`, `[SEP]` and `[PAD]`.
  public let unknownToken: Int32
  public let classToken: Int32
  public let separatorToken: Int32
  public let paddingToken: Int32
  /// Prefix marking a piece that continues a word (`##`).
  public let continuationPrefix: String
  /// Words longer than this many scalars become `[UNK]`.
  public let maxCharactersPerWord: Int
  /// Vocabulary size (largest id + 1).
  public let vocabularySize: Int
  /// Token ids keyed by their exact UTF-8 bytes (Swift `String` equality would merge
  /// canonically-equivalent strings such as Hangul syllables and their decomposed jamo).
  private let vocabulary: [UTF8Key: Int32]
  private let prefixBytes: [UInt8]

  /// A vocabulary key compared byte for byte.
  struct UTF8Key: Hashable, Sendable {
    let bytes: [UInt8]
  }

  /// Builds a tokenizer from a vocabulary; `vocabulary` maps each piece to its id.
  public init(
    vocabulary: [String: Int32], normalizer: BertNormalizer = BertNormalizer(),
    unknown: String = "[UNK]", classToken: String = "[CLS]", separator: String = "[SEP]",
    padding: String = "[PAD]", continuationPrefix: String = "##", maxCharactersPerWord: Int = 100
  ) throws {
    var keyed: [UTF8Key: Int32] = [:]
    keyed.reserveCapacity(vocabulary.count)
    for (piece, id) in vocabulary { keyed[UTF8Key(bytes: Array(piece.utf8))] = id }
    func id(_ token: String) throws -> Int32 {
      guard let id = keyed[UTF8Key(bytes: Array(token.utf8))] else {
        throw EncoderError(
          file: "tokenizer.json", message: "special token \(token) is not in the vocabulary")
      }
      return id
    }
    self.vocabulary = keyed
    self.normalizer = normalizer
    self.unknownToken = try id(unknown)
    self.classToken = try id(classToken)
    self.separatorToken = try id(separator)
    self.paddingToken = (try? id(padding)) ?? 0
    self.continuationPrefix = continuationPrefix
    self.prefixBytes = Array(continuationPrefix.utf8)
    self.maxCharactersPerWord = maxCharactersPerWord
    self.vocabularySize = Int(vocabulary.values.max() ?? -1) + 1
  }

  /// Token ids for `text`: `[CLS]`, the word pieces (cut so the total is at most `maxLength`), `[SEP]`.
  public func encode(_ text: String, maxLength: Int = 256) -> [Int32] {
    var ids: [Int32] = [classToken]
    let budget = max(0, maxLength - 2)
    outer: for word in BertPreTokenizer.split(normalizer.normalize(text)) {
      for piece in wordPieces(word) {
        if ids.count - 1 >= budget { break outer }
        ids.append(piece)
      }
    }
    ids.append(separatorToken)
    return ids
  }

  /// The word-piece ids of one word: greedy longest match from the left, `##` after the first piece;
  /// a word with an unmatchable rest, or longer than `maxCharactersPerWord`, is a single `[UNK]`.
  func wordPieces(_ word: ArraySlice<Unicode.Scalar>) -> [Int32] {
    if word.count > maxCharactersPerWord { return [unknownToken] }
    let chars = Array(word)
    // UTF-8 byte offset of every scalar boundary, so candidate pieces are byte slices.
    var utf8: [UInt8] = []
    var boundaries: [Int] = [0]
    for scalar in chars {
      utf8.append(contentsOf: UTF8.encode(scalar)!)
      boundaries.append(utf8.count)
    }
    var pieces: [Int32] = []
    var start = 0
    var key: [UInt8] = []
    while start < chars.count {
      var end = chars.count
      var found: Int32? = nil
      while start < end {  // shrink the candidate from the right until it is in the vocabulary
        key.removeAll(keepingCapacity: true)
        if start > 0 { key.append(contentsOf: prefixBytes) }
        key.append(contentsOf: utf8[boundaries[start]..<boundaries[end]])
        if let id = vocabulary[UTF8Key(bytes: key)] {
          found = id
          break
        }
        end -= 1
      }
      guard let id = found else { return [unknownToken] }
      pieces.append(id)
      start = end
    }
    return pieces
  }
}
