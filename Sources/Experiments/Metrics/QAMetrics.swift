import Corpus

/// Scores of one answer against its gold answers, with the name of the matcher that produced `subem`.
public struct AnswerScores: Codable, Sendable, Equatable {
  /// Exact match after SQuAD normalisation, max over golds (0 or 1).
  public var em: Double
  /// Token F1 (multiset overlap), max over golds.
  public var f1: Double
  /// Substring match (Jin et al. "accuracy", LitM `best_subspan_em`), max over golds (0 or 1).
  public var subem: Double
  /// Which substring matcher ran (see `QAMetrics.subemMatcher`).
  public var matcher: String
}

/// SQuAD v1.1 metrics, checked against the official `evaluate-v1.1.py` on a fixture.
public enum QAMetrics {
  /// Name recorded with every `subem`: normalised gold is a substring of the normalised prediction
  /// cut at its first newline. Substrings ignore word boundaries ("1" ⊂ "1990"), so this name is
  /// stored to keep results comparable if a word-boundary matcher is added.
  public static let subemMatcher = "substring-normalized-firstline"

  /// Exact match of `prediction` with `gold` after normalisation.
  public static func exactMatch(_ prediction: String, _ gold: String) -> Bool {
    // Compare scalars, not Characters: Python does not treat canonically equivalent strings as equal.
    SquadNormalizer.normalize(prediction).unicodeScalars.elementsEqual(
      SquadNormalizer.normalize(gold).unicodeScalars)
  }

  /// Token F1 of normalised tokens, as in SQuAD v1.1 (0 when nothing overlaps).
  public static func f1(_ prediction: String, _ gold: String) -> Double {
    let p = SquadNormalizer.tokens(prediction).map { $0.unicodeScalars.map(\.value) }
    let g = SquadNormalizer.tokens(gold).map { $0.unicodeScalars.map(\.value) }
    var counts: [[UInt32]: Int] = [:]
    for token in g { counts[token, default: 0] += 1 }
    var same = 0
    for token in p where counts[token, default: 0] > 0 {
      counts[token]! -= 1
      same += 1
    }
    guard same > 0 else { return 0 }
    let precision = Double(same) / Double(p.count)
    let recall = Double(same) / Double(g.count)
    return 2 * precision * recall / (precision + recall)
  }

  /// Substring match as in "Lost in the Middle": the prediction is cut at its first newline, then
  /// the normalised gold must occur in the normalised prediction.
  public static func substringMatch(_ prediction: String, _ gold: String) -> Bool {
    let scalars = prediction.unicodeScalars  // scalars, so "\r\n" is cut at its "\n" as in Python
    let firstLine = String(scalars[..<(scalars.firstIndex(of: "\n") ?? scalars.endIndex)])
    let haystack = Array(SquadNormalizer.normalize(firstLine).unicodeScalars)
    let needle = Array(SquadNormalizer.normalize(gold).unicodeScalars)
    return ScalarSearch.contains(haystack, needle)
  }

  /// All three scores, each the max over `golds` (all 0 when `golds` is empty).
  public static func score(prediction: String, golds: [String]) -> AnswerScores {
    var scores = AnswerScores(em: 0, f1: 0, subem: 0, matcher: subemMatcher)
    for gold in golds {
      scores.em = max(scores.em, exactMatch(prediction, gold) ? 1 : 0)
      scores.f1 = max(scores.f1, f1(prediction, gold))
      scores.subem = max(scores.subem, substringMatch(prediction, gold) ? 1 : 0)
    }
    return scores
  }
}
