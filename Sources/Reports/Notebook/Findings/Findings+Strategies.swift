import Experiments

/// Strategies against a baseline strategy (the `reorder` module, issue 9).
extension Findings {
  /// Per group of the other keys (`k`, `retriever`): the best and worst strategy against the
  /// baseline strategy, with their 95 % intervals — descriptive only, no claim of significance.
  ///
  /// HOOK (issue 9): this is the one function to replace with the paired sentences — which
  /// strategies beat or lose to the baseline at the 5 % level after Holm's correction (exact
  /// McNemar on the discordant pairs, paired-bootstrap interval of the difference), and "no
  /// significant difference" when that is the result; e.g. the body
  /// `(try? summary.strategyComparison(spec)).map(ComparisonFindings.sentences) ?? []`. The
  /// per-question data are in `summary.outcomes`: a report whose findings hold `.strategies`
  /// loads them. A module opts in with `findings: [.strategies(StrategyFinding())]` (keys
  /// `strategy`, baseline `retrieval`, metric `subem`).
  static func strategySentences(_ spec: StrategyFinding, _ summary: ExperimentSummary) -> [String] {
    let name = metricName(spec.metric)
    let groups = summary.findingGroups(varying: spec.strategyKey, baselineKey: "baseline")
    return groups.compactMap { group in
      let scored = group.members.compactMap { member in
        member.condition.metrics[spec.metric].map { (strategy: member.value, estimate: $0) }
      }
      guard let baseline = scored.first(where: { $0.strategy == spec.baseline }) else {
        return nil
      }
      let others = scored.filter { $0.strategy != spec.baseline }
      guard let best = others.max(by: { $0.estimate.value < $1.estimate.value }),
        let worst = others.min(by: { $0.estimate.value < $1.estimate.value })
      else { return nil }
      var text =
        group.opening() + "\(spec.baseline) has \(name) "
        + "\(NumberFormat.withInterval(baseline.estimate)); the best other strategy is "
        + "\(best.strategy) with \(NumberFormat.withInterval(best.estimate))"
      if worst.strategy != best.strategy {
        text += " and the worst \(worst.strategy) with \(NumberFormat.withInterval(worst.estimate))"
      }
      return capitalised(text + ".")
    }
  }
}
