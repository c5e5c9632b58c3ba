import Corpus

/// Stable-RAG's answer labelling and its "gold in passages" test, as the published
/// `data_construction` scripts compute them (Python `str.lower()`, `strip()` and `in`, on scalars).
public enum LenientMatch {
  /// Whether `answer` is correct for any of `golds`: after lowercasing and trimming both, the answer
  /// occurs in the gold or the gold in the answer. Unlike the published code, an answer or a gold
  /// that is empty after trimming never matches (there, an empty answer is a substring of every
  /// gold and so counted correct).
  public static func isCorrect(_ answer: String, golds: [String]) -> Bool {
    let candidate = trimmedLower(answer)
    guard !candidate.isEmpty else { return false }
    return golds.lazy.map(trimmedLower).contains { gold in
      !gold.isEmpty
        && (ScalarSearch.contains(gold, candidate) || ScalarSearch.contains(candidate, gold))
    }
  }

  /// The first gold, in list order, whose lowercased text (not trimmed) occurs in the lowercased
  /// passages joined by newlines — `get_dpo_data.py`'s test — or nil. Golds that are empty after
  /// trimming are skipped (the published code would find the empty string in any passage).
  public static func firstGoldInPassages(golds: [String], passages: [String]) -> String? {
    let text = Array(SquadNormalizer.pythonLower(passages.joined(separator: "\n")).unicodeScalars)
    return golds.first { gold in
      !trimmedLower(gold).isEmpty
        && ScalarSearch.contains(text, Array(SquadNormalizer.pythonLower(gold).unicodeScalars))
    }
  }

  /// Python's `text.lower().strip()` as scalars.
  static func trimmedLower(_ text: String) -> [Unicode.Scalar] {
    let scalars = Array(SquadNormalizer.pythonLower(text).unicodeScalars)
    guard let first = scalars.firstIndex(where: { !SquadNormalizer.isPythonWhitespace($0) }),
      let last = scalars.lastIndex(where: { !SquadNormalizer.isPythonWhitespace($0) })
    else { return [] }
    return Array(scalars[first...last])
  }
}
