import Experiments

/// Strategies against a baseline strategy (the `reorder` module, issue 9).
extension Findings {
  /// Which strategies beat or lose to the baseline strategy at the 5 % level after Holm's
  /// correction (exact McNemar on the discordant pairs, paired-bootstrap interval of the
  /// difference), with effect sizes, or "no significant difference" when that is the result.
  /// A module opts in with `findings: [.strategies(StrategyFinding())]`; the per-question data
  /// are in `summary.outcomes`, which a report whose findings hold `.strategies` loads.
  static func strategySentences(_ spec: StrategyFinding, _ summary: ExperimentSummary) -> [String] {
    (try? summary.strategyComparison(spec)).map(ComparisonFindings.sentences) ?? []
  }
}
