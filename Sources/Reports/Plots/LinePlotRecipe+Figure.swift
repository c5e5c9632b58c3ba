import Experiments

extension LinePlotRecipe {
  /// The recipe of a module's line figure: its x key, labels and title; baselines selected by the
  /// figure's baseline key; recall@k dashed when asked.
  public init(_ figure: LineFigure) {
    self.init(
      stem: figure.stem, title: figure.title, xKey: figure.xKey, xLabel: figure.xLabel,
      yLabel: figure.yLabel,
      metrics: figure.metrics.map { $0 == "subem" ? .subem : PlotMetric($0) },
      keyLabels: KeyLabels.standard,
      overlayRecall: figure.recall,
      baselines: figure.baselineKey.map { [PlotBaseline(key: $0)] } ?? [])
  }
}
