/// HuggingFace's `BertPreTokenizer`: split on whitespace, and make every punctuation mark its own word.
public enum BertPreTokenizer {
  /// Splits normalised scalars into words (whitespace removed, punctuation isolated).
  public static func split(_ scalars: [Unicode.Scalar]) -> [ArraySlice<Unicode.Scalar>] {
    var words: [ArraySlice<Unicode.Scalar>] = []
    var start = 0
    for (i, scalar) in scalars.enumerated() {
      if BertNormalizer.isWhitespace(scalar) {
        if start < i { words.append(scalars[start..<i]) }
        start = i + 1
      } else if isPunctuation(scalar) {
        if start < i { words.append(scalars[start..<i]) }
        words.append(scalars[i..<(i + 1)])
        start = i + 1
      }
    }
    if start < scalars.count { words.append(scalars[start...]) }
    return words
  }

  /// ASCII punctuation (every printable non-alphanumeric, e.g. `$`, `+`, `^`) or a Unicode P* category.
  static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if (33...47).contains(v) || (58...64).contains(v) || (91...96).contains(v)
      || (123...126).contains(v)
    {
      return true
    }
    switch scalar.properties.generalCategory {
    case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
      .initialPunctuation, .finalPunctuation, .otherPunctuation:
      return true
    default:
      return false
    }
  }
}
