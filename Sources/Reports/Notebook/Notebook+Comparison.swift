import Experiments

extension Notebook {
  /// "Which strategies differ from the baseline?": the table `raglab compare` prints, with its
  /// legend, for a module whose findings compare strategies; nothing otherwise.
  func comparisonSection() -> [String] {
    let finding = (summary.report?.findings ?? []).lazy.compactMap { spec -> StrategyFinding? in
      if case .strategies(let finding) = spec { return finding }
      return nil
    }.first
    guard let finding, let comparison = try? summary.strategyComparison(finding) else { return [] }
    return [
      "## Paired comparison with \(finding.baseline)", "",
      "As `raglab compare \(summary.name)` prints it. " + ComparisonView.legend(comparison), "",
      ComparisonView.markdown(comparison), "",
    ]
  }
}
