import Foundation
import Testing

@testable import Reports

@Test func seriesAreGroupedByRetrieverAndSortedByK() throws {
  var summary = Fixtures.sweep()
  summary.conditions.reverse()
  let series = try CurveSeries.group(summary)
  #expect(series.map(\.name) == ["dense", "bm25"])
  #expect(series[1].points.map(\.x) == [1, 2, 4, 8])
  #expect(series[0].peak?.x == 4)
}

@Test func summaryWithoutKCannotBePlotted() {
  let summary = ExperimentSummary(
    name: "order", specYAML: "", provenance: Fixtures.sweep().provenance,
    conditions: [
      ConditionSummary(
        keys: [ConditionKey("order", "reverse")], n: 3, metrics: ["subem": Estimate(value: 0.5)])
    ])
  #expect(throws: ReportsError.self) { try AccuracyPlot(summary: summary) }
}

@Test func dataFileHasOneIndexBlockPerSeriesWithIntervalsAndRecall() throws {
  let text = try AccuracyPlot(summary: Fixtures.sweep()).dataText()
  #expect(text.contains("# index 0: bm25"))
  #expect(text.contains("# index 1: dense"))
  #expect(text.contains("\n\n\n# index 1"))
  #expect(text.contains("4 0.3500 0.2500 0.4500 0.6500 0.6000 0.7000 40"))
}

@Test func unknownRecallIsWrittenAsMissingAndNotPlotted() throws {
  let plot = try AccuracyPlot(summary: Fixtures.sweep(recall: [:]))
  #expect(plot.dataText().contains("1 0.2000 0.1000 0.3000 ? ? ? 40"))
  #expect(!plot.scriptText().contains("using 1:5"))
  #expect(plot.title == "sweep: accuracy (SubEM) vs passages in context (k)")
}

@Test func scriptDrawsBandsAccuracyAndDashedRecallWithLabels() throws {
  let script = try AccuracyPlot(summary: Fixtures.sweep()).scriptText()
  #expect(script.contains("datafile index 0 using 1:3:4 with filledcurves"))
  #expect(script.contains("datafile index 1 using 1:3:4 with filledcurves"))
  #expect(script.contains("using 1:5 with linespoints lt 1 dt 2"))
  #expect(script.contains("title 'dense recall@k'"))
  #expect(script.contains("set xlabel 'passages in context (k)'"))
  #expect(script.contains("set ylabel 'accuracy (SubEM)'"))
  #expect(script.contains("set xtics (1, 2, 4, 8)"))
  #expect(script.contains("set output outbase.'.svg'"))
  #expect(
    script.contains("set title 'sweep: accuracy (SubEM) and recall@k vs passages in context (k)'"))
  let lastBand = script.range(of: "index 1 using 1:3:4")!.lowerBound
  #expect(script.range(of: "index 0 using 1:2 ")!.lowerBound > lastBand)
}

@Test func quotesInNamesAreEscapedForGnuplot() {
  #expect(GnuplotText.quoted("it's") == "'it''s'")
}
