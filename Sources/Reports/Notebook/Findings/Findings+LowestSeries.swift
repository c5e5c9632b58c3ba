import Experiments

/// Which series is lowest at each x, against a reference series (e.g. negative sources against
/// random negatives).
extension Findings {
  /// Per x value (and any other keys): "At K = 8, bm25 negatives give the lowest accuracy, 0.225
  /// [0.100, 0.375], against 0.275 [0.150, 0.425] with random negatives (not separated: the 95 %
  /// intervals overlap)." On a tie the non-reference series is named; when the reference itself is
  /// lowest the sentence says no other series is below it. Groups with one series state nothing.
  static func lowestSeries(_ spec: SeriesFinding, _ summary: ExperimentSummary) -> [String] {
    let name = metricName(spec.metric)
    let groups = summary.findingGroups(varying: spec.seriesKey, baselineKey: spec.baselineKey)
    return groups.compactMap { group in
      guard let x = group.value(of: spec.xKey) else { return nil }
      let scored = group.members.compactMap { member in
        member.condition.metrics[spec.metric].map { (series: member.value, estimate: $0) }
      }
      guard scored.count > 1,
        let lowest = scored.min(by: { a, b in
          a.estimate.value < b.estimate.value
            || (a.estimate.value == b.estimate.value && b.series == spec.reference)
        })
      else { return nil }
      let others = group.label(excluding: [spec.xKey])
      let opening = "At \(spec.xName) = \(x)" + (others.isEmpty ? "" : " (\(others))") + ", "
      let text =
        opening + "\(series(lowest.series, spec)) give the lowest \(name), "
        + NumberFormat.withInterval(lowest.estimate)
      guard lowest.series != spec.reference else {
        return text + "; no other \(spec.seriesKey) is below them."
      }
      guard let reference = scored.first(where: { $0.series == spec.reference }) else {
        return text + "."
      }
      let separation =
        lowest.estimate.overlaps(reference.estimate)
        ? "not separated: the 95 % intervals overlap"
        : "separated: the 95 % intervals do not overlap"
      return text + ", against \(NumberFormat.withInterval(reference.estimate)) with "
        + "\(series(spec.reference, spec)) (\(separation))."
    }
  }

  /// A series value as the legend reads it (`bm25 negatives`).
  private static func series(_ value: String, _ spec: SeriesFinding) -> String {
    KeyLabels.text(
      [ConditionKey(spec.seriesKey, value)], templates: KeyLabels.standard, separator: " = ")
  }
}
