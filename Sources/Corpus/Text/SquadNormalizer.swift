/// SQuAD v1.1 answer normalisation, for EM/F1/SubEM and answer-in-passage recall: lowercase, drop
/// ASCII punctuation, remove the articles `a`/`an`/`the` as whole words, collapse whitespace (the
/// official `evaluate-v1.1.py` order).
///
/// Works on Unicode scalars so it matches Python's `str` semantics: `\b` boundaries use Python's
/// word characters (letters, numbers, `_`), and whitespace is what `str.split()` splits on.
public enum SquadNormalizer {
  /// Python's `string.punctuation`: ASCII only.
  static let punctuation = Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars)

  /// The normalised form of `text`.
  public static func normalize(_ text: String) -> String {
    tokens(text).joined(separator: " ")
  }

  /// The normalised form as Unicode scalar values: the key answers are grouped by ("the same
  /// answer"), compared scalar by scalar as Python compares `str`, without canonical equivalence.
  public static func answerKey(_ text: String) -> [UInt32] {
    normalize(text).unicodeScalars.map(\.value)
  }

  /// The whitespace-separated tokens of the normalised form (what token F1 counts).
  public static func tokens(_ text: String) -> [String] {
    let lowered = Array(pythonLower(text).unicodeScalars.filter { !punctuation.contains($0) })
    var kept: [Unicode.Scalar] = []
    kept.reserveCapacity(lowered.count)
    var i = 0
    while i < lowered.count {
      if let length = articleLength(in: lowered, at: i) {
        kept.append(" ")
        i += length
      } else {
        kept.append(lowered[i])
        i += 1
      }
    }
    var words: [String] = []
    var current = String.UnicodeScalarView()
    for scalar in kept {
      if isPythonWhitespace(scalar) {
        if !current.isEmpty { words.append(String(current)) }
        current = String.UnicodeScalarView()
      } else {
        current.append(scalar)
      }
    }
    if !current.isEmpty { words.append(String(current)) }
    return words
  }

  /// Python's `str.lower()`: full lowercase mapping per scalar, with the Final_Sigma rule (a capital
  /// sigma after a cased letter and not before one becomes `ς`), which `String.lowercased()` skips.
  public static func pythonLower(_ text: String) -> String {
    let scalars = Array(text.unicodeScalars)
    var out = ""
    for (i, scalar) in scalars.enumerated() {
      if scalar.value == 0x03A3 {
        out.unicodeScalars.append(isFinalSigma(scalars, at: i) ? "\u{03C2}" : "\u{03C3}")
      } else {
        out += scalar.properties.lowercaseMapping
      }
    }
    return out
  }

  /// Unicode's Final_Sigma condition, as CPython checks it.
  private static func isFinalSigma(_ s: [Unicode.Scalar], at i: Int) -> Bool {
    var j = i - 1
    while j >= 0 && s[j].properties.isCaseIgnorable { j -= 1 }
    guard j >= 0 && s[j].properties.isCased else { return false }
    var k = i + 1
    while k < s.count && s[k].properties.isCaseIgnorable { k += 1 }
    return k == s.count || !s[k].properties.isCased
  }

  /// Length of an article starting at `i` with word boundaries on both sides (`\b(a|an|the)\b`), else nil.
  static func articleLength(in s: [Unicode.Scalar], at i: Int) -> Int? {
    if i > 0 && isWordCharacter(s[i - 1]) { return nil }
    // alternation order does not matter once both ends are boundaries
    for article in ["the", "an", "a"] {
      let a = Array(article.unicodeScalars)
      guard i + a.count <= s.count, Array(s[i..<(i + a.count)]) == a else { continue }
      if i + a.count == s.count || !isWordCharacter(s[i + a.count]) { return a.count }
    }
    return nil
  }

  /// Python's `\w` for `str` patterns: alphanumeric (letters L*, numbers N*) or underscore.
  static func isWordCharacter(_ c: Unicode.Scalar) -> Bool {
    if c == "_" { return true }
    switch c.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .decimalNumber, .letterNumber, .otherNumber:
      return true
    default:
      return false
    }
  }

  /// Python's `str.isspace()` separators used by `str.split()`.
  public static func isPythonWhitespace(_ c: Unicode.Scalar) -> Bool {
    c.properties.isWhitespace || (0x1C...0x1F).contains(c.value)
  }
}
