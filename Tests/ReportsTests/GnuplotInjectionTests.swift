import Foundation
import Store
import Testing

@testable import Reports

/// Experiment names that tried to add gnuplot commands to a generated script; each would run
/// `touch MARKER` if it got out of its comment or string.
func hostileNames(marker: String) -> [String] {
  [
    "x\nsystem(\"touch \(marker)\")",
    "x\nsystem(\"touch \(marker)\")\n#",
    "x\r\nsystem('touch \(marker)')",
    "it's \"quoted\"; system(\"touch \(marker)\") \\",
    "a`touch \(marker)`b",
    "x\\\nsystem(\"touch \(marker)\")",
    "x' . system(\"touch \(marker)\") . '",
    "x\u{2028}system(\"touch \(marker)\")",
  ]
}

@Test func singleQuotedGnuplotStringsDoubleQuotesAndReplaceControlCharacters() {
  #expect(GnuplotText.quoted("it's") == "'it''s'")
  #expect(
    GnuplotText.quoted("a\nb\rc\u{0}d\u{2028}e\\") == "'a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e\\'")
  #expect(GnuplotText.quoted("`x` @y \"z\"") == "'`x` @y \"z\"'")
}

@Test func commentLinesCannotEndEarlyOrContinueOntoTheNextLine() {
  #expect(GnuplotText.comment("index 0: a\nsystem(1)") == "# index 0: a\u{FFFD}system(1)")
  #expect(GnuplotText.comment("ends in \\") == "# ends in \\ ")
  #expect(GnuplotText.comment("café ✓") == "# café ✓")
}

@Test(arguments: hostileNames(marker: "/tmp/PWNED"))
func hostileNamesLeaveTheScriptAndDataLinesAsForAPlainName(name: String) throws {
  let plain = try AccuracyPlot(summary: Fixtures.sweep(name: "plain"))
  var hostile = try AccuracyPlot(summary: Fixtures.sweep(name: name))
  hostile.series[0].name = name
  for (text, reference) in [
    (hostile.scriptText(), plain.scriptText()), (hostile.dataText(), plain.dataText()),
  ] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let expected = reference.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == expected.count)
    for (line, plainLine) in zip(lines, expected) {
      #expect(line.hasPrefix("#") == plainLine.hasPrefix("#"), "\(line)")
      #expect(line.hasSuffix("\\") == plainLine.hasSuffix("\\"), "\(line)")
    }
  }
}

@Test func storedHostileNamesPlottedThroughGnuplotRunNothingAndStillRender() throws {
  let root = try Fixtures.temporaryFolder()
  defer { try? FileManager.default.removeItem(atPath: root) }
  let marker = "\(root)/PWNED"
  let database = try LabDatabase.inMemory()
  let store = ResultsStore(database: database)
  let names = hostileNames(marker: marker)
  for (index, name) in names.enumerated() {
    try storeExperiment(store, name: name, specHash: "h\(index)", retrievers: ["bm25", name])
  }
  let reader = StoredExperiments(database: database)
  let renderer = PlotRenderer(root: root, runner: try GnuplotRunner())
  for name in names {
    let summary = try reader.summary(named: name)
    #expect(summary.name == name)
    let output = try renderer.render(AccuracyPlot(summary: summary))
    #expect(!FileManager.default.fileExists(atPath: marker), "ran a command from \(name)")
    let png = try Data(contentsOf: URL(fileURLWithPath: output.png))
    #expect(Array(png.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
    let svg = try String(contentsOfFile: output.svg, encoding: .utf8)
    #expect(svg.contains("touch \(marker)"), "the name is drawn in the title and key")
  }
}

@Test func outputFolderWithAControlCharacterIsRefusedBeforeGnuplotRuns() throws {
  let root = try Fixtures.temporaryFolder()
  defer { try? FileManager.default.removeItem(atPath: root) }
  let renderer = PlotRenderer(root: "\(root)/a\nb", runner: try GnuplotRunner())
  let error = #expect(throws: ReportsError.self) {
    try renderer.render(AccuracyPlot(summary: Fixtures.sweep()))
  }
  #expect(error?.description.contains("control character") == true)
  #expect(try FileManager.default.contentsOfDirectory(atPath: root).isEmpty)
}
