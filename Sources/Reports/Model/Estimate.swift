/// A point estimate with its 95 % confidence interval (e.g. a bootstrap over questions).
public struct Estimate: Sendable, Equatable, Codable {
  /// The aggregate itself (a mean over questions, in 0…1 for accuracies).
  public var value: Double
  /// Lower bound of the 95 % interval.
  public var low: Double
  /// Upper bound of the 95 % interval.
  public var high: Double

  /// Creates an estimate; `low`/`high` default to `value` (no interval known).
  public init(value: Double, low: Double? = nil, high: Double? = nil) {
    self.value = value
    self.low = low ?? value
    self.high = high ?? value
  }
}
