/// The Unicode classes llama.cpp's pre-tokenizer regexes test: `\p{L}`, `\p{N}`, `\p{P}`, `\p{S}`, `\s`.
struct ScalarClass: OptionSet, Sendable {
  let rawValue: UInt8

  static let letter = ScalarClass(rawValue: 1)
  static let number = ScalarClass(rawValue: 2)
  static let whitespace = ScalarClass(rawValue: 4)
  static let punctuation = ScalarClass(rawValue: 8)
  static let symbol = ScalarClass(rawValue: 16)

  /// The classes of one scalar; whitespace is Unicode's White_Space set, as in llama.cpp's table.
  static func of(_ scalar: UInt32) -> ScalarClass {
    if scalar < 128 { return ascii[Int(scalar)] }
    guard let value = Unicode.Scalar(scalar) else { return [] }
    var result: ScalarClass = value.properties.isWhitespace ? .whitespace : []
    switch value.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
      result.insert(.letter)
    case .decimalNumber, .letterNumber, .otherNumber:
      result.insert(.number)
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
      .initialPunctuation, .finalPunctuation, .otherPunctuation:
      result.insert(.punctuation)
    case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
      result.insert(.symbol)
    default:
      break
    }
    return result
  }

  private static let ascii: [ScalarClass] = (0..<128).map { code in
    let c = UInt8(code)
    switch c {
    case 0x09...0x0D, 0x20: return .whitespace
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
    case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"): return .letter
    case 0x24, 0x2B, 0x3C...0x3E, 0x5E, 0x60, 0x7C, 0x7E: return .symbol
    case 0x21...0x7E: return .punctuation
    default: return []
    }
  }
}
