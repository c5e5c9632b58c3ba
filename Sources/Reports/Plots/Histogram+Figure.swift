import Experiments

extension Histogram {
  /// The histogram a module's figure asks for: its measure once per (question, passage set), in
  /// bins of width 0.1 over [0, 1] for accuracy over orders, one bar per whole number for distinct
  /// answers.
  /// - Throws: `ReportsError.noTrials` when the experiment has no trials yet (so the plots of an
  ///   earlier run are left alone), `ReportsError.nothingToPlot` when no trial has the set keys.
  public init(summary: ExperimentSummary, figure: HistogramFigure) throws {
    guard summary.provenance.trialCount > 0 else {
      throw ReportsError.noTrials(experiment: summary.name, kept: nil)
    }
    let sets = summary.passageSets(setKeys: figure.setKeys)
    let measures = sets.flatMap(\.questionMeasures)
    let values: [Double]
    let bins: HistogramBins
    switch figure.measure {
    case .accuracyOverOrders:
      values = measures.map(\.accuracy)
      bins = .uniform(from: 0, to: 1, count: 10)
    case .distinctAnswers:
      values = measures.map { Double($0.distinctAnswers) }
      bins = .integers(1...max(1, measures.map(\.distinctAnswers).max() ?? 1))
    }
    let unit =
      sets.count > 1
      ? "(question, \(figure.setKeys.joined(separator: ", "))) pairs" : "questions"
    try self.init(
      experiment: summary.name, values: values,
      recipe: HistogramRecipe(
        stem: figure.stem, title: figure.title, xLabel: figure.xLabel,
        yLabel: "\(unit) (count)", unit: unit, bins: bins))
  }
}
