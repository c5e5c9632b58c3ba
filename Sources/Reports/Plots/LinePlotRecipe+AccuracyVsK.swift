extension LinePlotRecipe {
  /// `passage_count`'s figure: SubEM vs k per retriever with recall@k dashed (Jin et al. 2024,
  /// Fig. 2 layout), written as `accuracy-vs-k.*`.
  public static func accuracyVsK(stem: String = "accuracy-vs-k") -> LinePlotRecipe {
    LinePlotRecipe(
      stem: stem, xKey: "k", xLabel: "passages in context (k)", overlayRecall: true)
  }
}

/// The name `passage_count`'s plot had before line plots took recipes: a `LinePlot`.
public typealias AccuracyPlot = LinePlot

extension LinePlot {
  /// Builds `passage_count`'s plot of `summary`: SubEM along `k` with recall@k dashed.
  /// - Throws: `ReportsError.noTrials` when the experiment has no trials yet (so the plots of an
  ///   earlier run are left alone), `ReportsError.nothingToPlot` when it has no numeric `k`.
  public init(summary: ExperimentSummary, stem: String = "accuracy-vs-k") throws {
    try self.init(summary: summary, recipe: .accuracyVsK(stem: stem))
  }
}
