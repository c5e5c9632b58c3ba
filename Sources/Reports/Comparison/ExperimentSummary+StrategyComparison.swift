import Experiments

extension ExperimentSummary {
  /// Each strategy's accuracy and its paired comparison with the baseline strategy of the same
  /// group (the conditions sharing every other key, e.g. retriever and k), read from the trial
  /// outcomes (the summary must carry them): mean difference with a paired-bootstrap 95 % interval over the questions both
  /// conditions answered, McNemar's exact p-value from the discordant pairs (right = metric ≥
  /// `rightAt`), and Holm's correction over all comparisons. Intervals are seeded with `seed`.
  /// - Throws: `ComparisonError` when no condition has the strategy key or the baseline strategy,
  ///   or no trial stores the metric; `ReportsError.noTrials` when the experiment has no trials.
  public func strategyComparison(
    _ finding: StrategyFinding = StrategyFinding(), rightAt: Double = 0.5, seed: UInt64 = 0
  ) throws -> StrategyComparison {
    let key = finding.strategyKey
    let strategies = Self.unique(conditions.compactMap { $0.value(of: key) })
    guard !strategies.isEmpty else {
      throw ComparisonError.noStrategyKey(
        experiment: name, module: provenance.module, key: key, keys: keyNames)
    }
    guard strategies.contains(finding.baseline) else {
      throw ComparisonError.noBaseline(
        experiment: name, baseline: finding.baseline, strategies: strategies)
    }
    guard provenance.trialCount > 0 else {
      throw ReportsError.noTrials(experiment: name, kept: nil)
    }
    let stored = ResultsView.metricNames(self)
    guard stored.contains(finding.metric) else {
      throw ComparisonError.unknownMetric(
        experiment: name, metric: finding.metric, stored: stored)
    }
    var scores = [[String: Double]](repeating: [:], count: conditions.count)
    for outcome in outcomes where conditions.indices.contains(outcome.condition) {
      if let value = outcome.metrics[finding.metric] {
        scores[outcome.condition][outcome.questionID] = value
      }
    }
    func group(_ condition: ConditionSummary) -> [ConditionKey] {
      condition.keys.filter { $0.name != key }
    }
    var baselines: [[ConditionKey]: Int] = [:]
    for (index, condition) in conditions.enumerated()
    where condition.value(of: key) == finding.baseline {
      baselines[group(condition)] = baselines[group(condition)] ?? index
    }
    let labels = report?.valueLabels[key] ?? [:]
    var rows: [StrategyComparisonRow] = []
    for (index, condition) in conditions.enumerated() {
      guard let strategy = condition.value(of: key) else { continue }
      let own = scores[index]
      let accuracy = Bootstrap.meanInterval(own.sorted { $0.key < $1.key }.map(\.value), seed: seed)
      var row = StrategyComparisonRow(
        group: group(condition), strategy: strategy, label: labels[strategy],
        isBaseline: strategy == finding.baseline, n: own.count, accuracy: Estimate(accuracy))
      if !row.isBaseline, let baseline = baselines[row.group] {
        row.paired = Self.paired(
          baseline: scores[baseline], strategy: own, rightAt: rightAt, seed: seed)
      }
      rows.append(row)
    }
    let family = rows.indices.filter { rows[$0].paired != nil }
    let adjusted = Holm.adjust(family.map { rows[$0].paired?.pValue ?? .nan })
    for (index, holm) in zip(family, adjusted) { rows[index].paired?.holmPValue = holm }
    return StrategyComparison(
      experiment: name, finding: finding, rightAt: rightAt, seed: seed, rows: rows)
  }

  /// The paired comparison on the questions both conditions scored (nil when there are none);
  /// its Holm p-value is the raw one until the whole family is adjusted.
  private static func paired(
    baseline: [String: Double], strategy: [String: Double], rightAt: Double, seed: UInt64
  ) -> PairedComparison? {
    let shared = baseline.keys.filter { strategy[$0] != nil }.sorted()
    guard !shared.isEmpty else { return nil }
    let a = shared.compactMap { baseline[$0] }
    let b = shared.compactMap { strategy[$0] }
    let (difference, _) = Bootstrap.pairedDifference(a, b, seed: seed)
    let (onlyBaseline, onlyStrategy) = McNemar.discordant(
      a.map { $0 >= rightAt }, b.map { $0 >= rightAt })
    let p = McNemar.exactPValue(onlyBaseline, onlyStrategy)
    return PairedComparison(
      questions: shared.count, difference: Estimate(difference), onlyBaseline: onlyBaseline,
      onlyStrategy: onlyStrategy, pValue: p, holmPValue: p)
  }

  /// `values` without repeats, in order of first appearance.
  private static func unique(_ values: [String]) -> [String] {
    var seen = Set<String>()
    return values.filter { seen.insert($0).inserted }
  }
}
