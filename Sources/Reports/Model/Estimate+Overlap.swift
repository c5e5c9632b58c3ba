extension Estimate {
  /// Whether the two 95 % intervals share a point (touching bounds count): two estimates whose
  /// intervals overlap are not told apart by this rule.
  func overlaps(_ other: Estimate) -> Bool {
    low <= other.high && other.low <= high
  }
}
