extension AUROC {
  /// The AUROC with its percentile-bootstrap interval over questions (one score and label each),
  /// resampled by `Bootstrap.statisticInterval`; resamples with one class empty are left out. nil
  /// when the full sample has one class empty.
  /// - Throws: `MeasureInputError` when the lengths differ or a score is not finite.
  public static func interval(
    scores: [Double], labels: [Bool], resamples: Int = 1000, level: Double = 0.95,
    seed: UInt64 = 0
  ) throws -> ConfidenceInterval? {
    guard try value(scores: scores, labels: labels) != nil else { return nil }
    return Bootstrap.statisticInterval(
      count: scores.count, resamples: resamples, level: level, seed: seed
    ) { ranked(scores: scores, labels: labels, indices: $0) }
  }
}
