import Experiments
import Foundation
import Testing

@testable import Reports

/// Hand-made comparisons for the sentence, table and forest-plot tests.
enum ComparisonFixtures {
  /// A strategy row of group bm25, k = 5 against `retrieval`; nil `difference` makes the baseline.
  static func row(
    _ strategy: String, label: String? = nil, accuracy: Double = 0.5,
    difference: (Double, Double, Double)? = nil, discordant: (Int, Int) = (0, 0),
    holm: Double = 1
  ) -> StrategyComparisonRow {
    StrategyComparisonRow(
      group: [ConditionKey("retriever", "bm25"), ConditionKey("k", "5")], strategy: strategy,
      label: label, isBaseline: difference == nil, n: 50,
      accuracy: Estimate(value: accuracy, low: accuracy - 0.1, high: accuracy + 0.1),
      paired: difference.map { d in
        PairedComparison(
          questions: 50, difference: Estimate(value: d.0, low: d.1, high: d.2),
          onlyBaseline: discordant.0, onlyStrategy: discordant.1, pValue: holm / 4,
          holmPValue: holm)
      })
  }

  /// Two strategies better than `retrieval` (one an oracle), one worse, one neither.
  static func mixed() -> StrategyComparison {
    StrategyComparison(
      experiment: "reorder", finding: StrategyFinding(),
      rows: [
        row("retrieval"),
        row("interleave", difference: (0.08, 0.02, 0.14), discordant: (4, 12), holm: 0.012),
        row("reverse", difference: (-0.1, -0.16, -0.04), discordant: (14, 4), holm: 0.003),
        row(
          "gold_first", label: "gold_first (oracle)", difference: (0.2, 0.14, 0.26),
          discordant: (1, 21), holm: 0.00002),
        row("random", difference: (0.01, -0.04, 0.06), discordant: (7, 8), holm: 1),
      ])
  }

  /// Two strategies, neither significantly different from `retrieval`.
  static func level() -> StrategyComparison {
    StrategyComparison(
      experiment: "reorder", finding: StrategyFinding(),
      rows: [
        row("retrieval"),
        row("interleave", difference: (0.04, -0.02, 0.1), discordant: (5, 7), holm: 0.62),
        row("reverse", difference: (-0.02, -0.08, 0.04), discordant: (6, 5), holm: 1),
      ])
  }
}

@Test func sentencesNameWhoBeatsAndWhoLosesWithEffectSizes() {
  #expect(
    ComparisonFindings.sentences(ComparisonFixtures.mixed()) == [
      "Better than retrieval at the 5 % level after Holm's correction over 4 comparisons: "
        + "gold_first (oracle) at bm25, k = 5 (+0.200 accuracy [0.140, 0.260], Holm p = 2.0e-05); "
        + "interleave at bm25, k = 5 (+0.080 accuracy [0.020, 0.140], Holm p = 0.012).",
      "Worse than retrieval: reverse at bm25, k = 5 (-0.100 accuracy [-0.160, -0.040], "
        + "Holm p = 0.003).",
      "The other comparison shows no significant difference.",
    ])
}

@Test func sentencesSayNoSignificantDifferenceWhenNoneSurvivesHolm() {
  #expect(
    ComparisonFindings.sentences(ComparisonFixtures.level()) == [
      "No significant difference from retrieval at the 5 % level after Holm's correction over 2 "
        + "comparisons; the largest difference is interleave at bm25, k = 5 (+0.040 accuracy "
        + "[-0.020, 0.100], Holm p = 0.620)."
    ])
}

@Test func sentencesSayWhenNothingCouldBeCompared() {
  let alone = StrategyComparison(
    experiment: "reorder", finding: StrategyFinding(), rows: [ComparisonFixtures.row("retrieval")])
  #expect(
    ComparisonFindings.sentences(alone) == [
      "No strategy could be compared with retrieval on the same questions (no other strategy "
        + "shares a group and questions with it)."
    ])
}

@Test func markdownTableShowsEachStrategyAgainstTheBaseline() {
  var comparison = ComparisonFixtures.level()
  comparison.rows.removeLast()
  #expect(
    ComparisonView.markdown(comparison) == """
      | retriever | k | strategy | n | subem [95% CI] | Δ vs retrieval [95% CI] | paired | only retrieval right | only strategy right | McNemar p | Holm p |
      |---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|
      | bm25 | 5 | retrieval | 50 | 0.500 [0.400, 0.600] | (baseline) |  |  |  |  |  |
      | bm25 | 5 | interleave | 50 | 0.500 [0.400, 0.600] | +0.040 [-0.020, 0.100] | 50 | 5 | 7 | 0.155 | 0.620 |

      """)
}

@Test func forestPlotDataHasOneRowPerComparisonTopDown() throws {
  let plot = try ForestPlot(
    comparison: ComparisonFixtures.mixed(), stem: "paired-differences", title: "Which order?")
  #expect(plot.xLabel == "difference in subem vs retrieval (paired, 95 % CI)")
  let rows = plot.dataText().split(separator: "\n").filter { !$0.hasPrefix("#") }
  #expect(
    rows == [
      "4 0.0800 0.0200 0.1400 0.012 1", "3 -0.1000 -0.1600 -0.0400 0.003 -1",
      "2 0.2000 0.1400 0.2600 2e-05 1", "1 0.0100 -0.0400 0.0600 1.0 0",
    ])
  #expect(plot.dataText().contains("# gold_first (oracle)\n2 "))
  #expect(plot.headings == [ForestHeading(label: "bm25, k = 5", y: 5)])
  let script = plot.scriptText()
  #expect(script.contains("set xlabel 'difference in subem vs retrieval (paired, 95 % CI)'"))
  #expect(script.contains("set arrow from 0, graph 0 to 0, graph 1 nohead"))
  #expect(
    script.contains(
      "set ytics ('interleave' 4, 'reverse' 3, 'gold_first (oracle)' 2, 'random' 1)"))
  #expect(script.contains("set label 'bm25, k = 5' at screen 0.015, first 5 left"))
  #expect(script.contains("title 'better than retrieval'"))
  #expect(script.contains("title 'worse than retrieval'"))
  #expect(script.contains("title 'no significant difference'"))
}

@Test func forestPlotPutsEachGroupUnderItsHeading() throws {
  var comparison = ComparisonFixtures.level()
  var other = ComparisonFixtures.row("reverse", difference: (0.1, 0, 0.2), holm: 0.5)
  other.group = [ConditionKey("retriever", "bm25"), ConditionKey("k", "10")]
  comparison.rows.append(other)
  let plot = try ForestPlot(comparison: comparison, stem: "forest", title: "t")
  #expect(plot.rows.map(\.y) == [4, 3, 1])
  #expect(
    plot.headings == [
      ForestHeading(label: "bm25, k = 5", y: 5), ForestHeading(label: "bm25, k = 10", y: 2),
    ])
  #expect(plot.scriptText().contains("set yrange [0.4000:5.6000]"))
}

@Test func forestPlotRefusesAComparisonWithoutPairs() {
  let alone = StrategyComparison(
    experiment: "reorder", finding: StrategyFinding(), rows: [ComparisonFixtures.row("retrieval")])
  #expect(throws: ReportsError.self) {
    try ForestPlot(comparison: alone, stem: "paired-differences", title: "t")
  }
}

@Test func forestFigureOfAModuleIsDrawnFromTheTrialsWithOracleLabels() throws {
  let summary = StrategySummaryFixture.summary(
    ModuleReport(
      figures: [
        .forest(ForestFigure(stem: "paired-differences", title: "Which order answers best?"))
      ], notes: []))
  let figures = try summary.figures()
  let forest = try #require(figures.first as? ForestPlot)
  #expect(forest.rows.map(\.label) == ["gold_first (oracle)", "reverse"])
  // gold_first: +2/4 (q1, q2 only it right); reverse: −1/4 (q0 only retrieval right).
  #expect(forest.rows.map(\.difference.value) == [0.5, -0.25])
  #expect(forest.rows.map(\.verdict) == [0, 0])
}

@Test func forestPlotRendersToPNG() throws {
  let root = try Fixtures.temporaryFolder()
  defer { try? FileManager.default.removeItem(atPath: root) }
  let plot = try ForestPlot(
    comparison: ComparisonFixtures.mixed(), stem: "paired-differences", title: "Which order?")
  let output = try PlotRenderer(root: root, runner: try GnuplotRunner()).render(plot)
  #expect(output.warnings.isEmpty, "\(output.warnings)")
  let png = try Data(contentsOf: URL(fileURLWithPath: output.png))
  #expect(Array(png.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
  let svg = try String(contentsOfFile: output.svg, encoding: .utf8)
  #expect(svg.contains("gold_first (oracle)"))
}
