/// A metric against a numeric condition key, one line per series with 95 % CI bands, optional
/// recall@k dashed beside each line, and baselines as horizontal lines with their intervals.
///
/// `passage_count`'s accuracy-vs-k figure (Jin et al., arXiv 2410.05983, Fig. 2 layout) is the
/// recipe `LinePlotRecipe.accuracyVsK`; other modules bring their own recipes.
public struct LinePlot: GnuplotFigure, Equatable {
  /// The experiment's name (names the plot folder; in the default title).
  public var experiment: String
  /// What the plot shows.
  public var recipe: LinePlotRecipe
  /// The curves, per metric one per combination of series keys.
  public var series: [CurveSeries]
  /// The baselines the summary has, drawn across the x range.
  public var baselines: [BaselineLine]

  /// Builds the plot of `summary` as `recipe` describes, key values in the legend read through
  /// the module's `valueLabels` (`gold_first (oracle)`) unless the recipe gives its own.
  /// - Throws: `ReportsError.noTrials` when the experiment has no trials yet (so the plots of an
  ///   earlier run are left alone), `ReportsError.nothingToPlot` when no condition has a numeric
  ///   x key and the metric, or two conditions of one series share an x value.
  public init(summary: ExperimentSummary, recipe: LinePlotRecipe) throws {
    guard summary.provenance.trialCount > 0 else {
      throw ReportsError.noTrials(experiment: summary.name, kept: nil)
    }
    var recipe = recipe
    recipe.valueLabels.merge(summary.report?.valueLabels ?? [:]) { given, _ in given }
    self.experiment = summary.name
    self.recipe = recipe
    self.series = try CurveSeries.group(summary, recipe: recipe)
    self.baselines = BaselineLine.select(summary, recipe: recipe)
  }

  /// File name stem shared by the `.gp`, `.dat`, `.png` and `.svg` files.
  public var stem: String { recipe.stem }

  /// The `.dat` file: one gnuplot index block per series, then one per baseline (two rows at
  /// the ends of the x range), columns documented in its header.
  public func dataText() -> String {
    let value = recipe.metrics.count == 1 ? recipe.metrics[0].label : "value"
    let y = GnuplotText.printable(value).replacingOccurrences(of: " ", with: "_")
    let x = GnuplotText.printable(recipe.xKey).replacingOccurrences(of: " ", with: "_")
    var lines = [
      GnuplotText.comment(
        "raglab plot data for experiment \(experiment); \"?\" marks an unknown value"),
      GnuplotText.comment("columns: \(x) \(y) \(y)_low \(y)_high recall recall_low recall_high n"),
    ]
    var blocks: [[String]] = series.enumerated().map { index, curve in
      [GnuplotText.comment("index \(index): \(blockName(curve))")]
        + curve.points.map { point in
          let recall = point.recall.map { [$0.value, $0.low, $0.high].map(Self.number) }
          return
            ([Self.number(point.x)] + Self.fields(point.accuracy) + (recall ?? ["?", "?", "?"])
            + ["\(point.n)"]).joined(separator: " ")
        }
    }
    let range = xRange
    for (offset, baseline) in baselines.enumerated() {
      let keys = baseline.keys.map { "\($0.name)=\($0.value)" }.joined(separator: ", ")
      blocks.append(
        [GnuplotText.comment("index \(series.count + offset): baseline \(baseline.name) (\(keys))")]
          + [range.lowerBound, range.upperBound].map { x in
            ([Self.number(x)] + Self.fields(baseline.estimate) + ["?", "?", "?", "\(baseline.n)"])
              .joined(separator: " ")
          })
    }
    for (index, block) in blocks.enumerated() {
      if index > 0 { lines += ["", ""] }  // two blank lines start a new gnuplot index
      lines += block
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Distinct x values over all series, ascending.
  var xValues: [Double] {
    Array(Set(series.flatMap { $0.points.map(\.x) })).sorted()
  }

  /// The x axis: the series' x values with 3 % of their span (at least 0.3) free on each side.
  var xRange: ClosedRange<Double> {
    let low = xValues.first ?? 0
    let high = xValues.last ?? 1
    let pad = max(0.3, (high - low) * 0.03)
    return (low - pad)...(high + pad)
  }

  /// The series' name in the data file: with its metric when the plot has several.
  private func blockName(_ curve: CurveSeries) -> String {
    recipe.metrics.count > 1 ? "\(curve.name) \(curve.metric.label)" : curve.name
  }

  /// `value low high` of an estimate.
  private static func fields(_ estimate: Estimate) -> [String] {
    [estimate.value, estimate.low, estimate.high].map(number)
  }
}
