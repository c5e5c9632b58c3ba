import Inference

/// A mean with its bootstrap confidence interval.
public struct ConfidenceInterval: Codable, Sendable, Equatable {
  /// The sample mean.
  public var mean: Double
  /// Lower bound (2.5th percentile for a 95 % interval).
  public var lower: Double
  /// Upper bound (97.5th percentile for a 95 % interval).
  public var upper: Double
  /// Number of questions the mean is over.
  public var n: Int
}

/// Percentile bootstrap over questions (resampled with replacement, seeded).
public enum Bootstrap {
  /// The percentile-bootstrap interval of the mean of `values`.
  /// - Parameters:
  ///   - values: one score per question.
  ///   - resamples: number of bootstrap resamples (1,000 by default).
  ///   - level: coverage, 0.95 by default.
  ///   - seed: fixes the resamples, so the same inputs give the same interval.
  public static func meanInterval(
    _ values: [Double], resamples: Int = 1000, level: Double = 0.95, seed: UInt64 = 0
  ) -> ConfidenceInterval {
    // The mean is the pooled ratio with one unit of weight per question: the same draws, sums
    // and interval.
    ratioInterval(
      values.map { (numerator: $0, denominator: 1) }, resamples: resamples, level: level, seed: seed
    )
  }

  /// The paired-bootstrap interval of mean(b − a) for per-question scores of two conditions on the
  /// same questions (same order), resampling questions jointly.
  /// - Returns: the interval and the share of resamples where the difference is ≤ 0 (a one-sided p-value
  ///   for "b beats a").
  public static func pairedDifference(
    _ a: [Double], _ b: [Double], resamples: Int = 1000, level: Double = 0.95, seed: UInt64 = 0
  ) -> (interval: ConfidenceInterval, pValue: Double) {
    precondition(a.count == b.count, "paired bootstrap needs scores for the same questions")
    let differences = zip(a, b).map { $1 - $0 }
    let n = differences.count
    guard n > 0 else {
      return (ConfidenceInterval(mean: .nan, lower: .nan, upper: .nan, n: 0), .nan)
    }
    var rng = SplitMix64(seed: seed)
    var means = [Double](repeating: 0, count: resamples)
    for r in 0..<resamples {
      var sum = 0.0
      for _ in 0..<n { sum += differences[rng.below(n)] }
      means[r] = sum / Double(n)
    }
    let mean = differences.reduce(0, +) / Double(n)
    let (lower, upper) = percentiles(means, level: level)
    let atMostZero = Double(means.filter { $0 <= 0 }.count) / Double(resamples)
    return (
      ConfidenceInterval(mean: mean, lower: min(lower, mean), upper: max(upper, mean), n: n),
      atMostZero
    )
  }

  /// The (1 − level)/2 and (1 + level)/2 percentiles of `samples` (nearest rank).
  static func percentiles(_ samples: [Double], level: Double) -> (Double, Double) {
    let sorted = samples.sorted()
    let alpha = (1 - level) / 2
    let lowIndex = Int((alpha * Double(sorted.count)).rounded(.down))
    let highIndex = Int(((1 - alpha) * Double(sorted.count)).rounded(.up)) - 1
    return (sorted[max(0, lowIndex)], sorted[min(sorted.count - 1, max(0, highIndex))])
  }
}
