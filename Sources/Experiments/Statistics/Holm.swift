/// Holm's (1979) step-down correction of p-values for multiple comparisons.
public enum Holm {
  /// The Holm-adjusted p-values of `pValues`, in the input order.
  ///
  /// With the m p-values sorted ascending, p₍ᵢ₎ becomes max over j ≤ i of (m − j + 1)·p₍ⱼ₎, capped
  /// at 1: monotone in the sorted order, never below the unadjusted value. Ties keep their input
  /// order. A NaN stays NaN and takes no part in the ranking.
  public static func adjust(_ pValues: [Double]) -> [Double] {
    let ranked = pValues.indices.filter { !pValues[$0].isNaN }
      .sorted { (pValues[$0], $0) < (pValues[$1], $1) }
    var adjusted = [Double](repeating: .nan, count: pValues.count)
    var running = 0.0
    for (rank, index) in ranked.enumerated() {
      running = max(running, min(1, Double(ranked.count - rank) * pValues[index]))
      adjusted[index] = running
    }
    return adjusted
  }
}
