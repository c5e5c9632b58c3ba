/// Levenshtein distance and "did you mean" suggestions for misspelt keys and names.
enum EditDistance {
  /// The number of single-character insertions, deletions and substitutions turning `a` into `b`.
  static func between(_ a: String, _ b: String) -> Int {
    let x = Array(a)
    let y = Array(b)
    if x.isEmpty { return y.count }
    var previous = Array(0...y.count)
    for i in 1...x.count {
      var current = [i] + Array(repeating: 0, count: y.count)
      for j in stride(from: 1, through: y.count, by: 1) {
        let cost = x[i - 1] == y[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      previous = current
    }
    return previous[y.count]
  }

  /// The candidate closest to `word`, if it is close enough to be a plausible typo.
  static func suggestion(for word: String, among candidates: [String]) -> String? {
    let scored = candidates.map { ($0, between(word.lowercased(), $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    return best.1 <= max(2, word.count / 2) ? best.0 : nil
  }
}
