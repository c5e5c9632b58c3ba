import Experiments

extension LinePlotRecipe {
  /// The recipe of a module's line figure: its x key, labels and title; baselines selected by the
  /// figure's baseline key; recall@k dashed when asked.
  public init(_ figure: LineFigure) {
    self.init(
      stem: figure.stem, title: figure.title, xKey: figure.xKey, xLabel: figure.xLabel,
      yLabel: figure.yLabel,
      metrics: figure.metrics.map { $0 == "subem" ? .subem : PlotMetric($0) },
      keyLabels: ["retriever": "{}", "total": "{} passages", "source": "{} negatives"],
      overlayRecall: figure.recall,
      baselines: figure.baselineKey.map { [PlotBaseline(key: $0)] } ?? [])
  }
}

extension ExperimentSummary {
  /// The line plots of this experiment: its module's figures, or for a module this build does
  /// not know, accuracy vs k when the conditions have a k.
  public func linePlots() throws -> [LinePlot] {
    guard let report else { return [try LinePlot(summary: self)] }
    return try report.figures.map { figure in
      switch figure {
      case .line(let line): try LinePlot(summary: self, recipe: LinePlotRecipe(line))
      }
    }
  }
}
