import Foundation
import Testing

@testable import Reports

@Test func rendersPNGAndSVGWithTheRealGnuplot() throws {
  let root = try Fixtures.temporaryFolder()
  defer { try? FileManager.default.removeItem(atPath: root) }
  let renderer = PlotRenderer(root: root, runner: try GnuplotRunner())
  let output = try renderer.render(AccuracyPlot(summary: Fixtures.sweep()))

  #expect(output.png == "\(root)/sweep/accuracy-vs-k.png")
  let png = try Data(contentsOf: URL(fileURLWithPath: output.png))
  #expect(png.count > 1000)
  #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
  let svg = try String(contentsOfFile: output.svg, encoding: .utf8)
  #expect(svg.contains("<svg"))
  #expect(svg.contains("passages in context (k)"))
  #expect(FileManager.default.fileExists(atPath: output.script))
  #expect(FileManager.default.fileExists(atPath: output.data))
  let leftovers = try FileManager.default.contentsOfDirectory(atPath: "\(root)/sweep")
    .filter { $0.hasPrefix(".") }
  #expect(leftovers.isEmpty)
}

@Test func keptScriptReRunsFromAnotherFolder() throws {
  let root = try Fixtures.temporaryFolder()
  defer { try? FileManager.default.removeItem(atPath: root) }
  let runner = try GnuplotRunner()
  let output = try PlotRenderer(root: root, runner: runner).render(
    AccuracyPlot(summary: Fixtures.sweep()))
  try FileManager.default.removeItem(atPath: output.png)
  try runner.run(script: output.script)
  #expect(FileManager.default.fileExists(atPath: output.png))
}

@Test func gnuplotFailureNamesTheScriptAndQuotesGnuplot() throws {
  let root = try Fixtures.temporaryFolder()
  defer { try? FileManager.default.removeItem(atPath: root) }
  let script = "\(root)/broken.gp"
  try "set terminal dumb\nplot no_such_function(x)\n".write(
    toFile: script, atomically: true, encoding: .utf8)
  let error = #expect(throws: ReportsError.self) { try GnuplotRunner().run(script: script) }
  let message = error?.description ?? ""
  #expect(message.contains("gnuplot failed on \(script)"))
  #expect(message.contains("no_such_function"))
}

@Test func missingGnuplotNamesTheSetupCommand() {
  let error = #expect(throws: ReportsError.self) {
    try GnuplotRunner.locate(environment: ["PATH": "/nonexistent"], fallbacks: ["/nope/gnuplot"])
  }
  #expect(error?.description.contains("make quickstart") == true)
  #expect(error?.description.contains("/nonexistent/gnuplot") == true)
}
