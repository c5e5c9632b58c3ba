import Experiments

/// The sentences that state what an experiment's numbers show, generated from those numbers.
///
/// A module declares which findings its notebook states (`ModuleReport.findings`, each a
/// `FindingSpec`); every kind is evaluated in its own `Findings+<Kind>.swift`, one sentence per
/// finding and group, numbers to 3 decimals with their 95 % intervals. A kind whose numbers are
/// missing states nothing. An experiment whose module declares none (or whose findings all state
/// nothing) gets the k-sweep sentences when its conditions form a k sweep, else its best and worst
/// condition.
public enum Findings {
  /// Differences smaller than this (one accuracy point) count as "level".
  public static let tolerance = 0.01

  /// The sentences for `summary`, in the order its module declares them.
  public static func sentences(for summary: ExperimentSummary) -> [String] {
    let declared = (summary.report?.findings ?? []).flatMap { sentences($0, summary) }
    if !declared.isEmpty { return declared }
    if let series = try? CurveSeries.group(summary) {
      return [shapes(series), comparison(series, summary: summary)]
    }
    return extremes(summary)
  }

  /// The sentences of one declared finding (none when its numbers are missing).
  static func sentences(_ finding: FindingSpec, _ summary: ExperimentSummary) -> [String] {
    switch finding {
    case .sweep(let xKey):
      guard let series = try? CurveSeries.group(summary, xKey: xKey) else { return [] }
      return [shapes(series), comparison(series, summary: summary)]
    case .positionExtremes(let spec): return positionExtremes(spec, summary)
    case .endsVsMiddle(let spec): return endsVsMiddle(spec, summary)
    case .nearBaseline(let spec, let value): return nearBaseline(spec, value: value, summary)
    case .baselines(let spec): return baselines(spec, summary)
    case .lowestSeries(let spec): return lowestSeries(spec, summary)
    case .rates(let spec): return rates(spec, summary)
    case .orderMeasures(let setKeys): return orderMeasures(setKeys: setKeys, summary)
    case .strategies(let spec): return strategySentences(spec, summary)
    }
  }

  /// For experiments without a k axis: the best and worst condition, and the metric spread.
  static func extremes(_ summary: ExperimentSummary) -> [String] {
    let scored = summary.conditions.compactMap { c in c.metrics["subem"].map { (c, $0) } }
      .sorted { $0.1.value > $1.1.value }
    guard let (best, bestScore) = scored.first, let (worst, worstScore) = scored.last else {
      return [
        "Experiment \(summary.name) has no accuracy (subem) results yet.",
        "Its \(summary.conditions.count) conditions hold \(summary.provenance.trialCount) trials.",
      ]
    }
    let first =
      scored.count == 1
      ? "The only condition, \(best.label), has accuracy \(NumberFormat.withInterval(bestScore)) over \(best.n) questions."
      : "The best condition is \(best.label) with accuracy \(NumberFormat.withInterval(bestScore)) "
        + "over \(best.n) questions; the worst is \(worst.label) with \(NumberFormat.fixed(worstScore.value))."
    let spread = (bestScore.value - worstScore.value) * 100
    let second =
      "Across the \(scored.count) condition\(scored.count == 1 ? "" : "s") accuracy spans "
      + "\(NumberFormat.fixed(spread, 1)) points, and EM averages \(mean(summary, "em")) "
      + "and F1 \(mean(summary, "f1"))."
    return [first, second]
  }

  /// How a metric is named in a sentence: `accuracy` for SubEM, `memory rate` for a 0/1 rate.
  static func metricName(_ metric: String) -> String {
    switch metric {
    case "subem": "accuracy"
    case "em": "EM"
    case "f1": "F1"
    default: "\(metric) rate"
    }
  }

  /// `1`, `1 and 5`, `1, 5 and 10`.
  static func list(_ items: [String]) -> String {
    guard items.count > 1, let last = items.last else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " and " + last
  }

  /// "(the 95 % intervals overlap)" or "(… do not overlap)".
  static func overlapNote(_ a: Estimate, _ b: Estimate) -> String {
    a.overlaps(b) ? "(the 95 % intervals overlap)" : "(the 95 % intervals do not overlap)"
  }

  /// The text with its first letter upper-cased.
  static func capitalised(_ text: String) -> String {
    text.prefix(1).uppercased() + text.dropFirst()
  }

  private static func mean(_ summary: ExperimentSummary, _ metric: String) -> String {
    let values = summary.conditions.compactMap { $0.metrics[metric]?.value }
    return values.isEmpty ? "n/a" : NumberFormat.fixed(values.reduce(0, +) / Double(values.count))
  }
}
