/// The notebook's significance sentences for a strategy comparison: which strategies beat or lose
/// to the baseline at the 5 % level after Holm's correction, with their effect sizes, and "no
/// significant difference" when none does. Generated from the numbers alone.
public enum ComparisonFindings {
  /// The family-wise significance level.
  public static let level = 0.05

  /// The sentences for `comparison`, in order: better than the baseline, worse than it, the rest.
  ///
  /// A comparison is significant when its Holm-adjusted McNemar p-value is below `level`; its
  /// direction is McNemar's (more questions only the strategy answers right: better), its effect
  /// the mean paired difference with its 95 % interval.
  public static func sentences(_ comparison: StrategyComparison) -> [String] {
    let baseline = comparison.finding.baseline
    let family = comparison.compared
    guard !family.isEmpty else {
      return [
        "No strategy could be compared with \(baseline) on the same questions "
          + "(no other strategy shares a group and questions with it)."
      ]
    }
    let significant = family.filter { $0.paired.holmPValue < level }
    let better = significant.filter { $0.paired.onlyStrategy > $0.paired.onlyBaseline }
      .sorted { $0.paired.difference.value > $1.paired.difference.value }
    let worse = significant.filter { $0.paired.onlyStrategy < $0.paired.onlyBaseline }
      .sorted { $0.paired.difference.value < $1.paired.difference.value }
    let context =
      "at the 5 % level after Holm's correction over \(family.count) "
      + "comparison\(family.count == 1 ? "" : "s")"
    let metric = Findings.metricName(comparison.finding.metric)
    guard !better.isEmpty || !worse.isEmpty else {
      let largest = family.sorted {
        abs($0.paired.difference.value) > abs($1.paired.difference.value)
      }[0]
      return [
        "No significant difference from \(baseline) \(context); the largest difference is "
          + "\(clause(largest, metric: metric))."
      ]
    }
    var sentences: [String] = []
    for (rows, word) in [(better, "Better"), (worse, "Worse")] where !rows.isEmpty {
      let lead =
        sentences.isEmpty ? "\(word) than \(baseline) \(context)" : "\(word) than \(baseline)"
      sentences.append(
        "\(lead): " + rows.map { clause($0, metric: metric) }.joined(separator: "; ") + ".")
    }
    let rest = family.count - better.count - worse.count
    if rest > 0 {
      sentences.append(
        rest == 1
          ? "The other comparison shows no significant difference."
          : "The other \(rest) comparisons show no significant difference.")
    }
    return sentences
  }

  /// `interleave at bm25, k = 10 (+0.080 accuracy [0.020, 0.140], Holm p = 0.012)`.
  static func clause(
    _ item: (row: StrategyComparisonRow, paired: PairedComparison), metric: String
  ) -> String {
    let (row, paired) = item
    let difference = NumberFormat.signedWithInterval(paired.difference)
      .replacingOccurrences(of: " [", with: " \(metric) [")
    let place = row.groupLabel.isEmpty ? "" : " at \(row.groupLabel)"
    return
      "\(row.label)\(place) (\(difference), Holm p = \(NumberFormat.pValue(paired.holmPValue)))"
  }
}
