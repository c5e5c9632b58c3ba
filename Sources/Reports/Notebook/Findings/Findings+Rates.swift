import Experiments

/// Several rates per position, e.g. how often the reply follows the context, memory or neither.
extension Findings {
  /// Per group and position: "With the counterfactual context at position 1, the answer rates
  /// are context 0.040 [0.010, 0.080], memory 0.000 [0.000, 0.000] and other 0.960 [0.920,
  /// 0.990]." Positions without every rate state nothing.
  static func rates(_ spec: RatesFinding, _ summary: ExperimentSummary) -> [String] {
    let position = spec.position
    let groups = summary.findingGroups(
      varying: position.positionKey, baselineKey: position.baselineKey)
    return groups.flatMap { group in
      group.members.compactMap { member -> String? in
        let rates = spec.metrics.compactMap { metric in
          member.condition.metrics[metric].map { "\(metric) \(NumberFormat.withInterval($0))" }
        }
        guard !rates.isEmpty, rates.count == spec.metrics.count else { return nil }
        let label = group.label()
        let opening = "With " + (label.isEmpty ? "" : "\(label) and ")
        return opening + "\(position.subject) at position \(member.value), the answer rates are "
          + "\(list(rates))."
      }
    }
  }
}
