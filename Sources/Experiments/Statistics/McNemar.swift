/// McNemar's exact test for paired right/wrong outcomes (two conditions answering the same
/// questions), decided by the discordant pairs only.
public enum McNemar {
  /// The discordant counts of two paired outcome columns: questions only `a` answers right, and
  /// questions only `b` answers right.
  /// - Parameters:
  ///   - a: per question, whether the first condition is right.
  ///   - b: per question, whether the second condition is right (same questions, same order).
  public static func discordant(_ a: [Bool], _ b: [Bool]) -> (onlyA: Int, onlyB: Int) {
    var onlyA = 0
    var onlyB = 0
    for (x, y) in zip(a, b) where x != y {
      if x { onlyA += 1 } else { onlyB += 1 }
    }
    return (onlyA, onlyB)
  }

  /// The exact two-sided p-value min(1, 2·P(X ≤ min(b, c))) with X ~ Binomial(b + c, 1/2).
  ///
  /// No discordant pair (b = c = 0) gives 1. Accurate to a few units in the last place for
  /// b + c up to millions: the tail is summed relative to its largest term, whose binary
  /// exponent is tracked apart, so nothing overflows and tiny p-values keep their precision.
  /// - Returns: the p-value, or NaN when a count is negative.
  public static func exactPValue(_ b: Int, _ c: Int) -> Double {
    guard b >= 0, c >= 0 else { return .nan }
    let n = b + c
    let m = min(b, c)
    let (significand, exponent) = halfBinomialMass(n: n, at: m)
    // Σ_{i≤m} P(X = i) / P(X = m), from i = m down; P(i−1)/P(i) = i / (n − i + 1).
    var term = 1.0
    var tail = 1.0
    var i = m
    while i > 0 {
      term *= Double(i) / Double(n - i + 1)
      tail += term
      if term < tail * 0x1p-64 { break }  // later terms are smaller still and vanish in the sum
      i -= 1
    }
    let p = Double(sign: .plus, exponent: exponent + 1, significand: significand * tail)
    return min(1, p)
  }

  /// P(X = m) for X ~ Binomial(n, 1/2) as significand · 2^exponent: the product of the m ratios
  /// (n − m + j) / j times 2^−n, renormalised after every step.
  static func halfBinomialMass(n: Int, at m: Int) -> (significand: Double, exponent: Int) {
    var significand = 1.0
    var exponent = -n
    if m > 0 {
      for j in 1...m {
        significand *= Double(n - m + j) / Double(j)
        exponent += Int(significand.exponent)
        significand = Double(sign: .plus, exponent: 0, significand: significand.significand)
      }
    }
    return (significand, exponent)
  }
}
