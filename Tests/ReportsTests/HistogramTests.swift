import Foundation
import Testing

@testable import Reports

@Test func valuesFallInHalfOpenBinsAndTheLastBinIncludesItsUpperEdge() throws {
  let recipe = HistogramRecipe(
    stem: "h", title: "t", xLabel: "x", bins: .uniform(from: 0, to: 1, count: 4))
  let values = [0, 0.25, 0.3, 0.5, 0.74999, 0.75, 1.0, 1.0]
  let histogram = try Histogram(experiment: "e", values: values, recipe: recipe)
  #expect(histogram.bins.map(\.count) == [1, 2, 2, 3])
  #expect(histogram.bins.map(\.low) == [0, 0.25, 0.5, 0.75])
  #expect(histogram.total == 8)
  #expect(abs(histogram.mean - 4.54999 / 8) < 1e-12)
}

@Test func aValueARoundingErrorBelowAnEdgeCountsAsOnIt() throws {
  let value = 0.7 - 0.4  // 0.29999999999999993
  #expect(value < 0.3)
  let recipe = HistogramRecipe(stem: "h", title: "t", xLabel: "x", bins: .edges([0, 0.3, 1]))
  let histogram = try Histogram(experiment: "e", values: [value], recipe: recipe)
  #expect(histogram.bins.map(\.count) == [0, 1])
}

@Test func wholeNumberBinsCountEachValueAndWriteOneRowPerBin() throws {
  let recipe = HistogramRecipe(
    stem: "distinct-answers", title: "How many different answers do the orders give?",
    xLabel: "distinct normalised answers over the orders of one question", bins: .integers(1...5))
  let histogram = try Histogram(experiment: "e", values: [1, 1, 2, 3, 3, 3, 5], recipe: recipe)
  #expect(histogram.bins.map(\.count) == [2, 1, 3, 0, 1])
  let rows = histogram.dataText().split(separator: "\n").filter { !$0.hasPrefix("#") }
  // share = count / 7: 2/7 = 0.2857, 1/7 = 0.1429, 3/7 = 0.4286.
  #expect(
    rows == [
      "0.5000 1.5000 1 2 0.2857", "1.5000 2.5000 2 1 0.1429", "2.5000 3.5000 3 3 0.4286",
      "3.5000 4.5000 4 0 0", "4.5000 5.5000 5 1 0.1429",
    ])
  let script = histogram.scriptText()
  #expect(script.contains("datafile using 3:4:(0.8) with boxes"))
  #expect(script.contains("set xtics (1, 2, 3, 4, 5)"))
  #expect(script.contains("set yrange [0:4]"))
  #expect(script.contains("set ylabel 'questions'"))
  #expect(script.contains(".'experiment e: 7 questions, mean 2.571'"))
}

@Test func edgeBinsAreDrawnAsFullWidthBoxesWithTicksAtTheEdges() throws {
  let histogram = try Histogram(
    experiment: "e", values: [0.1, 0.9], recipe: PlotFixtures.accuracyOverOrders())
  let script = histogram.scriptText()
  #expect(script.contains("datafile using 3:4:($2-$1) with boxes"))
  #expect(script.contains("set xtics (0, 0.2000, 0.4000, 0.6000, 0.8000, 1)"))
  #expect(script.contains("set title 'How much does the order of the passages matter?'"))
}

@Test(arguments: [
  ([Double](), "no per-question values"),
  ([0.5, 1.2], "the value 1.2 is outside the bins [0, 1]"),
  ([0.5, .nan], "the value nan is outside"),
])
func valuesThatCannotBeBinnedAreAnErrorNamingTheHistogram(values: [Double], reason: String) {
  let error = #expect(throws: ReportsError.self) {
    try Histogram(experiment: "perm", values: values, recipe: PlotFixtures.accuracyOverOrders())
  }
  #expect(error?.description.contains("histogram accuracy-over-orders: \(reason)") == true)
}

@Test func aFractionInWholeNumberBinsIsAnError() {
  let recipe = HistogramRecipe(stem: "h", title: "t", xLabel: "x", bins: .integers(1...3))
  let error = #expect(throws: ReportsError.self) {
    try Histogram(experiment: "e", values: [2.5], recipe: recipe)
  }
  #expect(error?.description.contains("whole numbers 1…3") == true)
}

@Test func edgesThatDoNotRiseAreAnError() {
  for edges in [[0.5], [0, 0.5, 0.5, 1], [1, 0], [0, .infinity]] {
    let recipe = HistogramRecipe(stem: "h", title: "t", xLabel: "x", bins: .edges(edges))
    #expect(throws: ReportsError.self) {
      try Histogram(experiment: "e", values: [0.5], recipe: recipe)
    }
  }
}

@Test func histogramRendersToPNGAndSVG() throws {
  let root = try Fixtures.temporaryFolder()
  defer { try? FileManager.default.removeItem(atPath: root) }
  let histogram = try Histogram(
    experiment: "perm", values: [0, 0.1, 0.5, 0.55, 1, 1, 1],
    recipe: PlotFixtures.accuracyOverOrders())
  let output = try PlotRenderer(root: root, runner: try GnuplotRunner()).render(histogram)
  #expect(output.png == "\(root)/perm/accuracy-over-orders.png")
  let png = try Data(contentsOf: URL(fileURLWithPath: output.png))
  #expect(png.count > 1000)
  #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
  let svg = try String(contentsOfFile: output.svg, encoding: .utf8)
  #expect(svg.contains("How much does the order of the passages matter?"))
  #expect(FileManager.default.fileExists(atPath: output.data))
}
