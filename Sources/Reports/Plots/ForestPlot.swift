import Experiments

/// One row of a forest plot: a strategy's paired difference to the baseline in one group.
public struct ForestRow: Sendable, Equatable {
  /// The row's label on the y axis: the strategy (`gold_first (oracle)`).
  public var label: String
  /// The mean paired difference with its 95 % interval.
  public var difference: Estimate
  /// The Holm-adjusted McNemar p-value.
  public var holmPValue: Double
  /// +1 significantly better than the baseline, −1 significantly worse, 0 neither.
  public var verdict: Int
  /// Height on the y axis: the top row highest, each group below its heading.
  public var y: Double
}

/// A group's heading above its rows (`bm25, k = 5`), at the left edge of the figure.
public struct ForestHeading: Sendable, Equatable {
  /// The group's keys as text.
  public var label: String
  /// Height on the y axis, one row above the group's first row.
  public var y: Double
}

/// The paired differences of a strategy comparison as a forest plot: one row per group and
/// strategy (top to bottom in table order), the mean difference as a point with its 95 % interval
/// as whiskers, a vertical line at zero, colour by the Holm-corrected McNemar verdict.
public struct ForestPlot: GnuplotFigure, Equatable {
  /// The experiment's name (names the plot folder; in the subtitle).
  public var experiment: String
  /// File name stem shared by the `.gp`, `.dat`, `.png` and `.svg` files.
  public var stem: String
  /// The question the figure answers.
  public var title: String
  /// The x-axis label: `difference in subem vs retrieval (paired, 95 % CI)`.
  public var xLabel: String
  /// The baseline strategy (in the legend).
  public var baseline: String
  /// The rows, top first.
  public var rows: [ForestRow]
  /// The group headings (none when the rows share an empty group).
  public var headings: [ForestHeading]

  /// The rows of `comparison` that have a paired comparison, each group under its heading.
  /// - Throws: `ReportsError.nothingToPlot` when no strategy was compared with the baseline.
  public init(comparison: StrategyComparison, stem: String, title: String) throws {
    let compared = comparison.compared
    guard !compared.isEmpty else {
      throw ReportsError.nothingToPlot(
        experiment: comparison.experiment,
        reason: "forest plot \(stem): no strategy shares a group and questions with the "
          + "baseline \(comparison.finding.baseline)")
    }
    experiment = comparison.experiment
    self.stem = stem
    self.title = title
    xLabel =
      "difference in \(comparison.finding.metric) vs \(comparison.finding.baseline) "
      + "(paired, 95 % CI)"
    baseline = comparison.finding.baseline
    var rows: [ForestRow] = []
    var headings: [ForestHeading] = []
    var y = 0.0
    for (index, (row, paired)) in compared.enumerated().reversed() {
      // Bottom up: a heading goes above the first row of each group.
      let significant = paired.holmPValue < ComparisonFindings.level
      let direction = (paired.onlyStrategy - paired.onlyBaseline).signum()
      y += 1
      rows.insert(
        ForestRow(
          label: row.label, difference: paired.difference, holmPValue: paired.holmPValue,
          verdict: significant ? direction : 0, y: y),
        at: 0)
      if !row.group.isEmpty, index == 0 || compared[index - 1].row.group != row.group {
        y += 1
        headings.insert(ForestHeading(label: row.groupLabel, y: y), at: 0)
      }
    }
    self.rows = rows
    self.headings = headings
  }

  /// The `.dat` file: one line per row, `y difference low high holm_p verdict`, the label in a
  /// comment above it.
  public func dataText() -> String {
    var lines = [
      GnuplotText.comment("raglab forest plot data for experiment \(experiment): \(title)"),
      GnuplotText.comment(
        "y counts down from the top row, a group's heading one above its rows; verdict +1 / -1 = better / worse than \(baseline) "
          + "(Holm-adjusted McNemar p < 0.05), 0 = no significant difference"),
      "# columns: y difference low high holm_p verdict",
    ]
    for row in rows {
      lines.append(GnuplotText.comment(row.label))
      let d = row.difference
      lines.append(
        ([row.y, d.value, d.low, d.high].map(Self.number)
          + [row.holmPValue.isFinite ? "\(row.holmPValue)" : "?", "\(row.verdict)"])
          .joined(separator: " "))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The x range: every interval and zero, with 8 % of the span free on each side.
  var xRange: ClosedRange<Double> {
    let low = min(0, rows.map(\.difference.low).filter(\.isFinite).min() ?? 0)
    let high = max(0, rows.map(\.difference.high).filter(\.isFinite).max() ?? 0)
    let pad = max(0.01, (high - low) * 0.08)
    return (low - pad)...(high + pad)
  }
}
