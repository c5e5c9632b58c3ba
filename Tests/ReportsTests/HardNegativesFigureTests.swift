import Experiments
import Testing

@testable import Reports

@Test func hardNegativesSeriesReadAsTheirNegativeSourceAndTheOracleIsABaseline() throws {
  let report = HardNegativesModule(knobs: HardNegativesKnobs(k: [1, 2], sources: ["bm25"])).report
  guard case .line(let figure) = try #require(report.figures.first) else {
    Issue.record("the first figure is not a line figure")
    return
  }
  let recipe = LinePlotRecipe(figure)
  #expect(recipe.xKey == "k")
  #expect(recipe.label(of: [ConditionKey("source", "random")]) == "random negatives")
  #expect(recipe.baselines == [PlotBaseline(key: "baseline")])
}
