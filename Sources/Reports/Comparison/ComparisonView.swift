import Foundation

/// A strategy comparison as a terminal or markdown table, CSV or JSON (`raglab compare`).
public enum ComparisonView {
  /// Renders `comparison` in `format`; the terminal table is followed by `legend`.
  public static func render(_ comparison: StrategyComparison, as format: ResultsFormat) -> String {
    switch format {
    case .table: return display(comparison).aligned() + "\n" + legend(comparison) + "\n"
    case .csv: return flat(comparison).csv()
    case .json: return json(comparison)
    }
  }

  /// One row per strategy and group: the group's keys, strategy, n, metric with interval, and
  /// against the baseline the paired difference with interval, the questions paired, the two
  /// discordant counts, McNemar's p and Holm's p.
  public static func display(_ comparison: StrategyComparison) -> TextTable {
    let finding = comparison.finding
    let keys = groupKeys(comparison)
    let headers =
      keys + [
        finding.strategyKey, "n", "\(finding.metric) [95% CI]",
        "Δ vs \(finding.baseline) [95% CI]", "paired", "only \(finding.baseline) right",
        "only strategy right", "McNemar p", "Holm p",
      ]
    let rows = comparison.rows.map { row in
      let cells = keys.map { name in row.group.first { $0.name == name }?.value ?? "" }
      let own = [row.label, "\(row.n)", NumberFormat.withInterval(row.accuracy)]
      guard let paired = row.paired else {
        return cells + own + [row.isBaseline ? "(baseline)" : "no baseline", "", "", "", "", ""]
      }
      return cells + own + [
        NumberFormat.signedWithInterval(paired.difference), "\(paired.questions)",
        "\(paired.onlyBaseline)", "\(paired.onlyStrategy)", NumberFormat.pValue(paired.pValue),
        NumberFormat.pValue(paired.holmPValue),
      ]
    }
    return TextTable(
      headers: headers, rows: rows, numeric: Set((keys.count + 1)..<headers.count))
  }

  /// The display table as GitHub markdown, for notebooks.
  public static func markdown(_ comparison: StrategyComparison) -> String {
    display(comparison).markdown()
  }

  /// What the columns mean, in three sentences.
  public static func legend(_ comparison: StrategyComparison) -> String {
    let finding = comparison.finding
    let family = comparison.compared.count
    return "Δ is the mean of (strategy − \(finding.baseline)) in \(finding.metric) over the "
      + "questions both conditions answered (\"paired\"), with a paired-bootstrap 95 % interval; "
      + "accuracy intervals resample questions too (\(comparison.resamples) resamples, seed "
      + "\(comparison.seed)). McNemar's exact test reads the discordant questions, a trial "
      + "counting as right when its \(finding.metric) is ≥ \(NumberFormat.fixed(comparison.rightAt, 1)). "
      + "Holm's correction runs over the \(family) comparison\(family == 1 ? "" : "s") shown."
  }

  /// One row per strategy and group with separate value/low/high columns and p-values in full.
  public static func flat(_ comparison: StrategyComparison) -> TextTable {
    let keys = groupKeys(comparison)
    let headers =
      keys + [
        comparison.finding.strategyKey, "label", "baseline", "n", "value", "value_low",
        "value_high", "difference", "difference_low", "difference_high", "paired",
        "only_baseline_right", "only_strategy_right", "mcnemar_p", "holm_p",
      ]
    let rows = comparison.rows.map { row -> [String] in
      var cells = keys.map { name in row.group.first { $0.name == name }?.value ?? "" }
      cells += [row.strategy, row.label, row.isBaseline ? "true" : "false", "\(row.n)"]
      cells += bounds(row.accuracy)
      guard let paired = row.paired else { return cells + Array(repeating: "", count: 8) }
      return cells + bounds(paired.difference) + [
        "\(paired.questions)", "\(paired.onlyBaseline)", "\(paired.onlyStrategy)",
        "\(paired.pValue)", "\(paired.holmPValue)",
      ]
    }
    return TextTable(headers: headers, rows: rows, numeric: Set((keys.count + 3)..<headers.count))
  }

  /// The comparison as a JSON document (keys sorted; a non-finite number as a string).
  public static func json(_ comparison: StrategyComparison) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    // Strings, integers and doubles (non-finite ones as strings) always encode.
    let data = (try? encoder.encode(comparison)) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// The group key names in order of first appearance.
  private static func groupKeys(_ comparison: StrategyComparison) -> [String] {
    var names: [String] = []
    for row in comparison.rows {
      for key in row.group where !names.contains(key.name) { names.append(key.name) }
    }
    return names
  }

  /// Value, low and high with four decimals.
  private static func bounds(_ estimate: Estimate) -> [String] {
    [estimate.value, estimate.low, estimate.high].map { NumberFormat.fixed($0, 4) }
  }
}
