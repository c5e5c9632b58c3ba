import Foundation

/// Accuracy vs k per retriever with 95 % CI bands and recall@k dashed on the same axes.
///
/// The layout follows Figure 2 of Jin et al., "Long-Context LLMs Meet RAG" (arXiv 2410.05983):
/// one solid line per retriever for answer accuracy, one dashed line for its recall@k.
public struct AccuracyPlot: Sendable, Equatable {
  /// The experiment's name (used in the title).
  public var experiment: String
  /// The curves, one per retriever (or other non-x key combination).
  public var series: [CurveSeries]
  /// File name stem shared by the `.gp`, `.dat`, `.png` and `.svg` files.
  public var stem: String
  /// y-axis label.
  public var yLabel: String = "accuracy (SubEM)"
  /// x-axis label.
  public var xLabel: String = "passages in context (k)"

  /// Line colours, cycled over series (matplotlib's tab10, readable on white).
  static let colours = [
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf",
  ]

  /// Builds the plot of `summary`'s `subem` along `k`.
  /// - Throws: `ReportsError.noTrials` when the experiment has no trials yet (so the plots of an
  ///   earlier run are left alone), `ReportsError.nothingToPlot` when it has no numeric `k`.
  public init(summary: ExperimentSummary, stem: String = "accuracy-vs-k") throws {
    guard summary.provenance.trialCount > 0 else {
      throw ReportsError.noTrials(experiment: summary.name, kept: nil)
    }
    self.experiment = summary.name
    self.series = try CurveSeries.group(summary, xKey: "k", metric: "subem")
    self.stem = stem
  }

  /// The `.dat` file: one gnuplot index block per series, columns documented in its header.
  public func dataText() -> String {
    var lines = [
      GnuplotText.comment(
        "raglab plot data for experiment \(experiment); \"?\" marks an unknown value"),
      "# columns: k accuracy accuracy_low accuracy_high recall recall_low recall_high n",
    ]
    for (index, curve) in series.enumerated() {
      if index > 0 { lines += ["", ""] }  // two blank lines start a new gnuplot index
      lines.append(GnuplotText.comment("index \(index): \(curve.name)"))
      for point in curve.points {
        let recall = point.recall.map { [$0.value, $0.low, $0.high].map(Self.number) }
        let fields =
          [Self.number(point.x)]
          + [point.accuracy.value, point.accuracy.low, point.accuracy.high].map(Self.number)
          + (recall ?? ["?", "?", "?"]) + ["\(point.n)"]
        lines.append(fields.joined(separator: " "))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Distinct x values over all series, ascending.
  var xValues: [Double] {
    Array(Set(series.flatMap { $0.points.map(\.x) })).sorted()
  }

  /// A number as gnuplot reads it: integers plain, others with 4 decimals, NaN as `?`.
  static func number(_ value: Double) -> String {
    if !value.isFinite { return "?" }
    if value == value.rounded(), abs(value) < 1e9 { return String(Int(value)) }
    return String(format: "%.4f", value)
  }
}
