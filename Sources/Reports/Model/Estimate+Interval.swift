import Experiments

extension Estimate {
  /// The mean and bounds of a bootstrap interval.
  public init(_ interval: ConfidenceInterval) {
    self.init(value: interval.mean, low: interval.lower, high: interval.upper)
  }
}
