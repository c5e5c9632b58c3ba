import Foundation
import Testing

@testable import Reports

@Test func seriesFollowTheRecipesKeysAndLeaveBaselinesOut() throws {
  let plot = try LinePlot(
    summary: PlotFixtures.goldPosition(), recipe: PlotFixtures.goldPositionRecipe())
  #expect(plot.series.map(\.name) == ["5 passages", "10 passages"])
  #expect(plot.series[0].points.map(\.x) == [1, 3, 5])
  #expect(plot.series[1].points.map(\.x) == [1, 5, 10])
  #expect(plot.series.allSatisfy { $0.points.allSatisfy { $0.recall == nil } })
  #expect(
    plot.baselines.map(\.name) == ["closed book (no passages)", "oracle (gold passage only)"])
  #expect(plot.baselines.map(\.estimate.value) == [0.3, 0.7])
}

@Test func dataFileHoldsTheSeriesThenEachBaselineAcrossTheXRange() throws {
  let text = try LinePlot(
    summary: PlotFixtures.goldPosition(), recipe: PlotFixtures.goldPositionRecipe()
  )
  .dataText()
  let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  // x values 1…10: 3 % of the span is 0.27, so the 0.3 minimum pads each side.
  let expected = [
    "# columns: position accuracy accuracy_low accuracy_high recall recall_low recall_high n",
    "# index 0: 5 passages",
    "1 0.6000 0.5000 0.7000 ? ? ? 50",
    "3 0.5000 0.4000 0.6000 ? ? ? 50",
    "5 0.5500 0.4500 0.6500 ? ? ? 50",
    "", "",
    "# index 1: 10 passages",
    "1 0.5500 0.4500 0.6500 ? ? ? 50",
    "5 0.4000 0.3000 0.5000 ? ? ? 50",
    "10 0.5000 0.4000 0.6000 ? ? ? 50",
    "", "",
    "# index 2: baseline closed book (no passages) (baseline=closed_book)",
    "0.7000 0.3000 0.2000 0.4000 ? ? ? 50",
    "10.3000 0.3000 0.2000 0.4000 ? ? ? 50",
    "", "",
    "# index 3: baseline oracle (gold passage only) (baseline=oracle)",
    "0.7000 0.7000 0.6500 0.7500 ? ? ? 50",
    "10.3000 0.7000 0.6500 0.7500 ? ? ? 50",
    "",
  ]
  #expect(Array(lines.dropFirst()) == expected)
}

@Test func scriptDrawsBaselinesAsLabelledHorizontalLinesWithLightBands() throws {
  let script = try LinePlot(
    summary: PlotFixtures.goldPosition(), recipe: PlotFixtures.goldPositionRecipe()
  ).scriptText()
  #expect(
    script.contains(
      "datafile index 2 using 1:2 with lines lt 3 dt 4 title 'closed book (no passages)'"))
  #expect(
    script.contains(
      "datafile index 3 using 1:2 with lines lt 4 dt 4 title 'oracle (gold passage only)'"))
  #expect(
    script.contains(
      "datafile index 2 using 1:3:4 with filledcurves lt 3 fs transparent solid 0.10 noborder"))
  #expect(script.contains("set linetype 3 lc rgb '#7f7f7f' lw 2"))
  #expect(script.contains("set xrange [0.7000:10.3000]"))
  #expect(script.contains("set xtics (1, 3, 5, 10)"))
  #expect(
    script.contains(
      "set title 'Does accuracy depend on where the gold passage sits?'.\"\\n\".'experiment gold'"))
  #expect(script.contains("set xlabel 'position of the gold passage (1 = first in the prompt)'"))
  #expect(script.contains("title '5 passages', \\"))
  #expect(!script.contains("using 1:5"), "recall is not overlaid unless the recipe asks")
  // Baseline bands lie beneath the series' bands, and baseline lines come last in the key.
  let baselineBand = script.range(of: "index 3 using 1:3:4")!.lowerBound
  #expect(script.range(of: "index 0 using 1:3:4")!.lowerBound > baselineBand)
  let lastSeriesLine = script.range(of: "index 1 using 1:2 ")!.lowerBound
  #expect(script.range(of: "index 2 using 1:2 ")!.lowerBound > lastSeriesLine)
}

@Test func twoConditionsOnOneLineAtTheSameXAreAnErrorNamingThem() {
  var recipe = PlotFixtures.goldPositionRecipe()
  recipe.seriesKeys = []
  let error = #expect(throws: ReportsError.self) {
    try LinePlot(summary: PlotFixtures.goldPosition(), recipe: recipe)
  }
  let message = error?.description ?? ""
  #expect(message.contains("'total=5, position=1' and 'total=10, position=1'"))
  #expect(message.contains("series keys"))
}

@Test func baselineWithoutAValueSelectsEveryConditionCarryingTheKey() throws {
  var recipe = PlotFixtures.goldPositionRecipe()
  recipe.baselines = [PlotBaseline(key: "baseline")]
  let plot = try LinePlot(summary: PlotFixtures.goldPosition(), recipe: recipe)
  #expect(plot.baselines.map(\.name) == ["closed book", "oracle"])
  #expect(plot.series.count == 2)
}

@Test func unselectedBaselineConditionsAreNeitherSeriesNorLines() throws {
  var recipe = PlotFixtures.goldPositionRecipe()
  recipe.baselines = []
  let plot = try LinePlot(summary: PlotFixtures.goldPosition(), recipe: recipe)
  #expect(plot.baselines.isEmpty)
  #expect(plot.series.flatMap(\.points).count == 6)
  #expect(!plot.scriptText().contains("dt 4"))
}

@Test func severalMetricsGiveOneSeriesAndOneBaselineLinePerMetric() throws {
  let conditions =
    [1, 2].map { position in
      ConditionSummary(
        keys: [ConditionKey("position", "\(position)")], n: 20,
        metrics: ["context": Estimate(value: 0.6), "memory": Estimate(value: 0.25)])
    } + [
      ConditionSummary(
        keys: [ConditionKey("baseline", "closed_book")], n: 20,
        metrics: ["context": Estimate(value: 0.05), "memory": Estimate(value: 0.5)])
    ]
  let summary = ExperimentSummary(
    name: "conflict", specYAML: "", provenance: PlotFixtures.goldPosition().provenance,
    conditions: conditions)
  let recipe = LinePlotRecipe(
    stem: "rates", title: "Does the model follow the context or its memory?", xKey: "position",
    xLabel: "position of the counterfactual passage", yLabel: "share of answers",
    metrics: [
      PlotMetric("context", label: "context answer"), PlotMetric("memory", label: "memory answer"),
    ],
    baselines: [PlotBaseline(value: "closed_book", label: "closed book")])
  let plot = try LinePlot(summary: summary, recipe: recipe)
  #expect(plot.series.map(\.metric.key) == ["context", "memory"])
  #expect(
    plot.baselines.map(\.name) == ["closed book context answer", "closed book memory answer"])
  #expect(plot.baselines.map(\.estimate.value) == [0.05, 0.5])
  let script = plot.scriptText()
  #expect(script.contains("title 'context answer'"))
  #expect(script.contains("title 'memory answer'"))
  #expect(plot.dataText().contains("# columns: position value value_low value_high"))
}

@Test func recipeTextEntersTheScriptOnlyAsQuotedStringsAndComments() throws {
  let hostile = "x'\nsystem(\"touch /tmp/PWNED\")\\"
  let plain = PlotFixtures.goldPositionRecipe()
  var bad = plain
  bad.title = hostile
  bad.xLabel = hostile
  bad.yLabel = hostile
  bad.keyLabels = ["total": hostile + "{}"]
  bad.baselines = bad.baselines.map { PlotBaseline(value: $0.value, label: hostile) }
  bad.metrics = [PlotMetric("subem", label: hostile)]
  let reference = try LinePlot(summary: PlotFixtures.goldPosition(), recipe: plain)
  let tainted = try LinePlot(summary: PlotFixtures.goldPosition(name: hostile), recipe: bad)
  for (text, expected) in [
    (tainted.scriptText(), reference.scriptText()), (tainted.dataText(), reference.dataText()),
  ] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let plainLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == plainLines.count)
    for (line, plainLine) in zip(lines, plainLines) {
      #expect(line.hasPrefix("#") == plainLine.hasPrefix("#"), "\(line)")
      #expect(line.hasSuffix("\\") == plainLine.hasSuffix("\\"), "\(line)")
    }
  }
  #expect(tainted.scriptText().contains("set xlabel 'x''\u{FFFD}system(\"touch /tmp/PWNED\")\\'"))
}

@Test func stemThatIsNotAPlainFileNameIsRefusedBeforeAnythingIsWritten() throws {
  let root = try Fixtures.temporaryFolder()
  defer { try? FileManager.default.removeItem(atPath: root) }
  let renderer = PlotRenderer(root: root, runner: try GnuplotRunner())
  for stem in ["../escape", "a/b", "", ".hidden"] {
    var recipe = PlotFixtures.goldPositionRecipe()
    recipe.stem = stem
    let error = #expect(throws: ReportsError.self) {
      try renderer.render(LinePlot(summary: PlotFixtures.goldPosition(), recipe: recipe))
    }
    #expect(error?.description.contains("plain file name") == true, "\(stem)")
  }
  #expect(try FileManager.default.contentsOfDirectory(atPath: root).isEmpty)
}

@Test func linePlotWithBaselinesRendersToPNGAndSVG() throws {
  let root = try Fixtures.temporaryFolder()
  defer { try? FileManager.default.removeItem(atPath: root) }
  let output = try PlotRenderer(root: root, runner: try GnuplotRunner()).render(
    LinePlot(summary: PlotFixtures.goldPosition(), recipe: PlotFixtures.goldPositionRecipe()))
  #expect(output.png == "\(root)/gold/accuracy-vs-gold-position.png")
  let png = try Data(contentsOf: URL(fileURLWithPath: output.png))
  #expect(png.count > 1000)
  #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
  let svg = try String(contentsOfFile: output.svg, encoding: .utf8)
  #expect(svg.contains("closed book (no passages)"))
  #expect(svg.contains("Does accuracy depend on where the gold passage sits?"))
  #expect(FileManager.default.fileExists(atPath: output.data))
  #expect(FileManager.default.fileExists(atPath: output.script))
}
