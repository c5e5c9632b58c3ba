import Experiments

/// Sentences about a metric along a position key: the best and worst position, and the positions
/// a baseline cannot be told apart from.
extension Findings {
  /// Per group: "With 20 passages, accuracy is highest with the gold passage at position 20
  /// (0.200 [0.067, 0.367]) and lowest at position 5 (0.033 [0.000, 0.100])." Every position tied
  /// with the best (or worst) within `tolerance` is named; all within it read as level.
  static func positionExtremes(_ spec: PositionFinding, _ summary: ExperimentSummary) -> [String] {
    let name = metricName(spec.metric)
    return positionGroups(spec, summary).compactMap { group, scored in
      guard let best = scored.max(by: { $0.1.value < $1.1.value }),
        let worst = scored.min(by: { $0.1.value < $1.1.value })
      else { return nil }
      let opening = group.opening()
      if scored.count == 1 {
        return capitalised(
          opening + "\(name) with \(spec.subject) at position \(best.0.value) is "
            + "\(NumberFormat.withInterval(best.1)).")
      }
      if best.1.value - worst.1.value < tolerance {
        return capitalised(
          opening + "\(name) is level at about \(NumberFormat.fixed(best.1.value)) with "
            + "\(spec.subject) at positions \(list(scored.map(\.0.value))).")
      }
      let top = scored.filter { best.1.value - $0.1.value < tolerance }
      let bottom = scored.filter { $0.1.value - worst.1.value < tolerance }
      return capitalised(
        opening + "\(name) is highest with \(spec.subject) at \(positions(top)) and lowest at "
          + "\(positions(bottom)).")
    }
  }

  /// "position 20 (0.200 [0.067, 0.367])", or for positions tied within `tolerance` "positions 1
  /// (0.200 [0.040, 0.360]) and 20 (0.200 [0.080, 0.400])".
  private static func positions(_ members: [(FindingMember, Estimate)]) -> String {
    let each = members.map { "\($0.0.value) (\(NumberFormat.withInterval($0.1)))" }
    return (members.count == 1 ? "position " : "positions ") + list(each)
  }

  /// Per group whose positions include some whose interval overlaps the baseline `value`'s: "With
  /// 20 passages, the gold passage at positions 1 and 5 is not distinguishable from closed book
  /// (0.000 [0.000, 0.000]; the 95 % intervals overlap)." Nothing for the other groups.
  static func nearBaseline(_ spec: PositionFinding, value: String, _ summary: ExperimentSummary)
    -> [String]
  {
    guard
      let baseline = summary.conditions.first(where: { $0.value(of: spec.baselineKey) == value })?
        .metrics[spec.metric]
    else { return [] }
    return positionGroups(spec, summary).compactMap { group, scored in
      let near = scored.filter { $0.1.overlaps(baseline) }.map(\.0.value)
      guard !near.isEmpty else { return nil }
      let positions = near.count == 1 ? "position \(near[0])" : "positions \(list(near))"
      return capitalised(
        group.opening() + "\(spec.subject) at \(positions) is not distinguishable from "
          + "\(baselineName(value)) (\(NumberFormat.withInterval(baseline)); the 95 % intervals "
          + "overlap).")
    }
  }

  /// "Baseline accuracy: closed book 0.000 [0.000, 0.000], oracle 0.267 [0.133, 0.433]." — every
  /// condition carrying the baseline key, in condition order.
  static func baselines(_ spec: BaselineFinding, _ summary: ExperimentSummary) -> [String] {
    let parts = summary.conditions.compactMap { condition -> String? in
      guard let value = condition.value(of: spec.key), let estimate = condition.metrics[spec.metric]
      else { return nil }
      return "\(baselineName(value)) \(NumberFormat.withInterval(estimate))"
    }
    guard !parts.isEmpty else { return [] }
    return ["Baseline \(metricName(spec.metric)): \(parts.joined(separator: ", "))."]
  }

  /// A baseline's value as prose: `closed_book` → `closed book`.
  static func baselineName(_ value: String) -> String {
    value.replacingOccurrences(of: "_", with: " ")
  }

  /// The groups along the position key, each with its members' metric (members without the metric
  /// or a numeric position left out; groups left with none dropped).
  static func positionGroups(_ spec: PositionFinding, _ summary: ExperimentSummary)
    -> [(FindingGroup, [(FindingMember, Estimate)])]
  {
    summary.findingGroups(varying: spec.positionKey, baselineKey: spec.baselineKey).compactMap {
      group in
      let scored = group.members.compactMap { member in
        member.x == nil ? nil : member.condition.metrics[spec.metric].map { (member, $0) }
      }
      return scored.isEmpty ? nil : (group, scored)
    }
  }
}
