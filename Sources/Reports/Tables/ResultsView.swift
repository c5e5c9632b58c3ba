import Foundation

/// The output formats of `raglab results`.
public enum ResultsFormat: String, CaseIterable, Sendable {
  /// Aligned columns for a terminal.
  case table
  /// Comma-separated values, one column per bound.
  case csv
  /// A JSON document with every estimate.
  case json
}

/// Per-condition results of an experiment as tables (terminal, markdown, CSV) or JSON.
public enum ResultsView {
  /// `subem`, `em`, `f1` first (those present), then any other metric alphabetically.
  public static func metricNames(_ summary: ExperimentSummary) -> [String] {
    let present = Set(summary.conditions.flatMap { $0.metrics.keys })
    let standard = ["subem", "em", "f1"].filter(present.contains)
    return standard + present.subtracting(standard).sorted()
  }

  /// Renders `summary` in `format`.
  public static func render(_ summary: ExperimentSummary, as format: ResultsFormat) -> String {
    switch format {
    case .table: return display(summary).aligned()
    case .csv: return flat(summary).csv()
    case .json: return json(summary)
    }
  }

  /// One row per condition; key values read through the module's `valueLabels` (`gold_first
  /// (oracle)`); metrics in `intervalsOn` show `value [low, high]`, others the value.
  public static func display(
    _ summary: ExperimentSummary, intervalsOn: Set<String> = ["subem", "em", "f1"]
  ) -> TextTable {
    let keys = summary.keyNames
    let metrics = metricNames(summary)
    let hasRecall = summary.conditions.contains { $0.recall != nil }
    var headers = keys + ["n"]
    headers += metrics.map { intervalsOn.contains($0) ? "\($0) [95% CI]" : $0 }
    if hasRecall { headers.append("recall@k") }
    let labels = summary.report?.valueLabels ?? [:]
    let rows = summary.conditions.map { condition in
      var row = keys.map { key in
        condition.value(of: key).map { labels[key]?[$0] ?? $0 } ?? ""
      }
      row.append("\(condition.n)")
      row += metrics.map { name in
        guard let estimate = condition.metrics[name] else { return "–" }
        return intervalsOn.contains(name)
          ? NumberFormat.withInterval(estimate) : NumberFormat.fixed(estimate.value)
      }
      if hasRecall { row.append(condition.recall.map { NumberFormat.fixed($0.value) } ?? "–") }
      return row
    }
    return TextTable(
      headers: headers, rows: rows, numeric: Set(keys.count..<headers.count))
  }

  /// One row per condition with separate value/low/high columns (for spreadsheets and scripts).
  public static func flat(_ summary: ExperimentSummary) -> TextTable {
    let keys = summary.keyNames
    let metrics = metricNames(summary)
    let columns = metrics + ["recall"]
    let headers = keys + ["n"] + columns.flatMap { [$0, "\($0)_low", "\($0)_high"] }
    let rows = summary.conditions.map { condition in
      keys.map { condition.value(of: $0) ?? "" } + ["\(condition.n)"]
        + columns.flatMap { name -> [String] in
          let estimate = name == "recall" ? condition.recall : condition.metrics[name]
          guard let estimate else { return ["", "", ""] }
          return [estimate.value, estimate.low, estimate.high].map { NumberFormat.fixed($0, 4) }
        }
    }
    return TextTable(headers: headers, rows: rows, numeric: Set(keys.count..<headers.count))
  }

  /// `{"experiment": …, "conditions": [{"keys": {…}, "n": …, "metrics": {…}, "recall": …}]}`.
  public static func json(_ summary: ExperimentSummary) -> String {
    struct Row: Encodable {
      var keys: [String: String]
      var n: Int
      var metrics: [String: Estimate]
      var recall: Estimate?
    }
    struct Document: Encodable {
      var experiment: String
      var keyOrder: [String]
      var conditions: [Row]
    }
    let document = Document(
      experiment: summary.name, keyOrder: summary.keyNames,
      conditions: summary.conditions.map { condition in
        Row(
          keys: Dictionary(
            condition.keys.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a }),
          n: condition.n, metrics: condition.metrics, recall: condition.recall)
      })
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
    // Strings, ints and (now) any double always encode, so this cannot fail.
    let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
