import Experiments
import Testing

@testable import Reports

/// A conflict experiment: the three answer rates at positions 1 and 5 of 5 passages, and closed book.
private func conflictSummary() -> ExperimentSummary {
  func rates(_ context: Double, _ memory: Double, _ other: Double) -> [String: Estimate] {
    [
      "context": Estimate(value: context), "memory": Estimate(value: memory),
      "other": Estimate(value: other), "subem": Estimate(value: context),
    ]
  }
  let positions = [(1, 0.7, 0.1, 0.2), (5, 0.5, 0.2, 0.3)].map { position, context, memory, other in
    ConditionSummary(
      keys: [
        ConditionKey("context_position", "\(position)"), ConditionKey("retriever", "bm25"),
        ConditionKey("total", "5"),
      ], n: 10, metrics: rates(context, memory, other))
  }
  let closedBook = ConditionSummary(
    keys: [ConditionKey("baseline", "closed_book")], n: 10, metrics: rates(0, 0.3, 0.7))
  return ExperimentSummary(
    name: "conflict", specYAML: "",
    provenance: Provenance(specHash: "1", modelSHA256: "2", dataChecksum: "3", trialCount: 30),
    conditions: positions + [closedBook])
}

@Test func theConflictFigureDrawsTheThreeRatesAgainstPositionWithClosedBookLines() throws {
  let report = ConflictModule(retrievers: ["bm25"], knobs: ConflictKnobs(total: [5])).report
  guard case .line(let figure) = try #require(report.figures.first) else {
    Issue.record("the conflict figure is not a line figure")
    return
  }
  let recipe = LinePlotRecipe(figure)
  #expect(recipe.metrics.map(\.key) == ["context", "memory", "other"])
  let plot = try LinePlot(summary: conflictSummary(), recipe: recipe)
  #expect(plot.series.map(\.name) == ["bm25, 5 passages", "bm25, 5 passages", "bm25, 5 passages"])
  #expect(
    plot.series.map { $0.points.map(\.accuracy.value) } == [[0.7, 0.5], [0.1, 0.2], [0.2, 0.3]])
  #expect(
    plot.baselines.map(\.name) == [
      "closed book context", "closed book memory", "closed book other",
    ])
  #expect(plot.baselines.map(\.estimate.value) == [0, 0.3, 0.7])
  #expect(plot.scriptText().contains("title 'bm25, 5 passages memory'"))
}

@Test func aLineFigureOfOneMetricStillPlotsThatMetric() {
  let figure = LineFigure(stem: "s", title: nil, xKey: "k", xLabel: "k", yLabel: "F1", metric: "f1")
  #expect(figure.metrics == ["f1"])
  #expect(LinePlotRecipe(figure).metrics == [PlotMetric("f1")])
  let accuracy = LineFigure(stem: "s", title: nil, xKey: "k", xLabel: "k", yLabel: "accuracy")
  #expect(LinePlotRecipe(accuracy).metrics == [.subem])
}
