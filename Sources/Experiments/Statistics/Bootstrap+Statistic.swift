import Inference

extension Bootstrap {
  /// The percentile-bootstrap interval of any statistic of `count` questions, resampling question
  /// indices with replacement with the same seeded draws as `meanInterval`.
  /// - Parameters:
  ///   - count: number of questions.
  ///   - statistic: the statistic of the questions at the given indices (repeats allowed), or nil
  ///     when undefined there; undefined resamples are left out of the percentiles.
  /// - Returns: the statistic of all questions as `mean`, the interval, `n` = `count`; nil when the
  ///   statistic is undefined on all questions or on every resample.
  public static func statisticInterval(
    count: Int, resamples: Int = 1000, level: Double = 0.95, seed: UInt64 = 0,
    statistic: ([Int]) -> Double?
  ) -> ConfidenceInterval? {
    guard count > 0, let point = statistic(Array(0..<count)) else { return nil }
    var rng = SplitMix64(seed: seed)
    var values: [Double] = []
    values.reserveCapacity(resamples)
    var indices = [Int](repeating: 0, count: count)
    for _ in 0..<resamples {  // one resample: count questions drawn with replacement
      for i in 0..<count { indices[i] = rng.below(count) }
      if let value = statistic(indices) { values.append(value) }
    }
    guard !values.isEmpty else { return nil }
    let (lower, upper) = percentiles(values, level: level)
    return ConfidenceInterval(
      mean: point, lower: min(lower, point), upper: max(upper, point), n: count)
  }
}
