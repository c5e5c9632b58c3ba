import Inference

extension Bootstrap {
  /// The percentile-bootstrap interval of a pooled ratio Σ numerators / Σ denominators (e.g. correct
  /// trials / trials), resampling whole questions with replacement so that one question's trials
  /// stay together.
  /// - Parameters:
  ///   - parts: one (numerator, denominator) per question; denominators must be positive.
  ///   - resamples: number of bootstrap resamples (1,000 by default).
  ///   - level: coverage, 0.95 by default.
  ///   - seed: fixes the resamples, so the same inputs give the same interval.
  /// - Returns: the pooled ratio as `mean`, the interval, and `n` = number of questions.
  public static func ratioInterval(
    _ parts: [(numerator: Double, denominator: Double)], resamples: Int = 1000,
    level: Double = 0.95, seed: UInt64 = 0
  ) -> ConfidenceInterval {
    let n = parts.count
    let total = parts.reduce(0) { $0 + $1.denominator }
    guard n > 0, total > 0 else {
      return ConfidenceInterval(mean: .nan, lower: .nan, upper: .nan, n: n)
    }
    let ratio = parts.reduce(0) { $0 + $1.numerator } / total
    var rng = SplitMix64(seed: seed)
    var ratios = [Double](repeating: 0, count: resamples)
    for r in 0..<resamples {  // one resample: n questions drawn with replacement
      var numerator = 0.0
      var denominator = 0.0
      for _ in 0..<n {
        let part = parts[rng.below(n)]
        numerator += part.numerator
        denominator += part.denominator
      }
      ratios[r] = denominator > 0 ? numerator / denominator : ratio
    }
    let (lower, upper) = percentiles(ratios, level: level)
    return ConfidenceInterval(mean: ratio, lower: min(lower, ratio), upper: max(upper, ratio), n: n)
  }
}
