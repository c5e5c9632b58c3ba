import Experiments
import Testing

@testable import Reports

/// Two k values of retrieval and gold_first for bm25, reported through the `reorder` module.
private func reorderSummary() -> ExperimentSummary {
  let conditions = [
    ("retrieval", "5", 0.4), ("gold_first", "5", 0.7), ("retrieval", "10", 0.5),
    ("gold_first", "10", 0.8),
  ].map { strategy, k, value in
    FindingsFixtures.condition(
      [("k", k), ("retriever", "bm25"), ("strategy", strategy)],
      ["subem": (value, value - 0.1, value + 0.1)])
  }
  return FindingsFixtures.summary(module: "reorder", conditions: conditions)
}

@Test func oracleStrategiesReadAsOracleInTheLegendAndTheResultsTable() throws {
  let summary = reorderSummary()
  guard case .line(let figure) = try #require(summary.report?.figures.first) else {
    Issue.record("reorder's first figure is not a line figure")
    return
  }
  let plot = try LinePlot(summary: summary, recipe: LinePlotRecipe(figure))
  #expect(plot.series.map(\.name) == ["bm25, retrieval", "bm25, gold_first (oracle)"])
  let table = ResultsView.display(summary)
  #expect(
    table.rows.map { $0[2] } == [
      "retrieval", "gold_first (oracle)", "retrieval", "gold_first (oracle)",
    ])
  // Machine-readable output keeps the stored value.
  #expect(ResultsView.flat(summary).rows.map { $0[2] }.contains("gold_first"))
}
