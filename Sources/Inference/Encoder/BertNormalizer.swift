import Foundation

/// HuggingFace's `BertNormalizer`: clean text, space out CJK ideographs, strip accents, lowercase.
public struct BertNormalizer: Sendable {
  /// Drop control characters, U+0000 and U+FFFD; turn every whitespace character into a space.
  public var cleanText = true
  /// Surround CJK ideographs with spaces so each becomes a word of its own.
  public var handleChineseCharacters = true
  /// Decompose (NFD) and drop non-spacing marks (category Mn).
  public var stripAccents = true
  /// Map every scalar to its full Unicode lowercase.
  public var lowercase = true

  public init(
    cleanText: Bool = true, handleChineseCharacters: Bool = true, stripAccents: Bool = true,
    lowercase: Bool = true
  ) {
    self.cleanText = cleanText
    self.handleChineseCharacters = handleChineseCharacters
    self.stripAccents = stripAccents
    self.lowercase = lowercase
  }

  /// Normalises `text` in the same order as the tokenizers crate: clean, CJK, accents, lowercase.
  public func normalize(_ text: String) -> [Unicode.Scalar] {
    var scalars: [Unicode.Scalar] = []
    scalars.reserveCapacity(text.unicodeScalars.count + 8)
    for scalar in text.unicodeScalars {
      if cleanText {
        if scalar.value == 0 || scalar.value == 0xFFFD || BertNormalizer.isControl(scalar) {
          continue
        }
        if BertNormalizer.isWhitespace(scalar) {
          scalars.append(" ")
          continue
        }
      }
      if handleChineseCharacters && BertNormalizer.isChineseCharacter(scalar) {
        scalars.append(" ")
        scalars.append(scalar)
        scalars.append(" ")
      } else {
        scalars.append(scalar)
      }
    }
    if stripAccents {
      let decomposed = String(String.UnicodeScalarView(scalars))
        .decomposedStringWithCanonicalMapping
      scalars = decomposed.unicodeScalars.filter {
        $0.properties.generalCategory != .nonspacingMark
      }
    }
    if lowercase {
      var lowered: [Unicode.Scalar] = []
      lowered.reserveCapacity(scalars.count)
      for scalar in scalars {
        if scalar.isASCII {
          let v = scalar.value  // ASCII fast path: A-Z → a-z
          lowered.append(v >= 65 && v <= 90 ? Unicode.Scalar(UInt8(v + 32)) : scalar)
        } else {
          lowered.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        }
      }
      scalars = lowered
    }
    return scalars
  }

  /// Whitespace as the tokenizers crate sees it: the White_Space property, plus tab, LF and CR.
  static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isWhitespace
  }

  /// Control as the tokenizers crate sees it: categories Cc, Cf, Cs, Co, Cn, except tab, LF and CR.
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A, 0x0D: return false
    default: break
    }
    switch scalar.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned: return true
    default: return false
    }
  }

  /// The CJK Unified Ideograph blocks BERT treats as single-character words.
  static func isChineseCharacter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0x2A700...0x2B73F,
      0x2B740...0x2B81F, 0x2B920...0x2CEAF, 0xF900...0xFAFF, 0x2F800...0x2FA1F:
      return true
    default:
      return false
    }
  }
}
