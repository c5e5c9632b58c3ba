import Experiments

extension ExperimentSummary {
  /// Every figure of this experiment, in its module's order: line plots of condition means,
  /// gold-position lines, histograms and forest plots of paired differences from the trials; for
  /// a module this build does not know, accuracy vs k when the conditions have a k.
  /// - Throws: `ReportsError` when the experiment has no trials or a figure has nothing to draw.
  public func figures() throws -> [any GnuplotFigure] {
    guard let report else { return [try LinePlot(summary: self)] }
    return try report.figures.map { figure -> any GnuplotFigure in
      switch figure {
      case .line(let line): try LinePlot(summary: self, recipe: LinePlotRecipe(line))
      case .goldPosition(let gold): try LinePlot(summary: self, figure: gold)
      case .histogram(let histogram): try Histogram(summary: self, figure: histogram)
      case .forest(let forest):
        try ForestPlot(
          comparison: strategyComparison(forest.comparison), stem: forest.stem,
          title: forest.title)
      }
    }
  }
}
