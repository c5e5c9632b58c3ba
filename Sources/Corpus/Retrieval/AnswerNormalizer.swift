/// The official SQuAD v1.1 answer normalisation (lower case, ASCII punctuation deleted, articles
/// `a an the` dropped, single spaces), used to look for an answer string inside a passage.
public enum AnswerNormalizer {
  /// Python's `string.punctuation`, which the official script deletes.
  static let punctuation = Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")

  /// The normalised tokens of `text`.
  public static func tokens(_ text: String) -> [Substring] {
    let cleaned = String(text.lowercased().filter { !punctuation.contains($0) })
    return cleaned.split(whereSeparator: \.isWhitespace).filter {
      $0 != "a" && $0 != "an" && $0 != "the"
    }
  }

  /// `text` normalised to single-space-separated tokens.
  public static func normalize(_ text: String) -> String {
    tokens(text).joined(separator: " ")
  }

  /// Whether the normalised `answer` occurs in the normalised `passage` as whole tokens.
  /// An answer that normalises to nothing never matches.
  public static func passage(_ passage: String, containsAnswer answer: String) -> Bool {
    let needle = normalize(answer)
    guard !needle.isEmpty else { return false }
    return (" " + normalize(passage) + " ").contains(" " + needle + " ")
  }
}
