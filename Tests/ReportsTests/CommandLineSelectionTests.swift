import Foundation
import Store
import Testing

/// A database file holding `quickstart` twice, the newer run without trials, in a fresh folder.
private func databaseWithAnEmptyNewestRun() throws -> (folder: String, db: String) {
  let folder = try Fixtures.temporaryFolder()
  let db = "\(folder)/lab.sqlite"
  let store = ResultsStore(database: try LabDatabase.open(path: db))
  try storeExperiment(store, name: "quickstart", specHash: "aaaabbbbccccdddd", questions: 4)
  try storeExperiment(
    store, name: "quickstart", specHash: "eeeeffff00001111", questions: 0,
    startedAt: Date(timeIntervalSince1970: 1_700_086_400), finished: false)
  return (folder, db)
}

@Test func resultsListsTheRunsOfANameAndReadsTheOneChosen() throws {
  let (folder, db) = try databaseWithAnEmptyNewestRun()
  defer { try? FileManager.default.removeItem(atPath: folder) }

  let list = try RaglabProcess.run(["results", "quickstart", "--list", "--db", db])
  #expect(list.status == 0, "\(list.errors)")
  #expect(
    list.output
      == "#2 (spec eeeeffff0000, started 2023-11-15 22:13:20 UTC, 0 trials, not finished)\n"
      + "#1 (spec aaaabbbbcccc, started 2023-11-14 22:13:20 UTC, 8 trials, finished)\n")

  let newest = try RaglabProcess.run(["results", "quickstart", "--format", "csv", "--db", db])
  #expect(newest.errors.contains("reading experiment quickstart #2 (spec eeeeffff0000"))
  #expect(newest.errors.contains("1 other of this name: #1 (choose with --experiment ID"))

  let older = try RaglabProcess.run([
    "results", "quickstart", "--experiment", "1", "--format", "csv", "--db", db,
  ])
  #expect(older.status == 0, "\(older.errors)")
  #expect(older.errors.contains("reading experiment quickstart #1 (spec aaaabbbbcccc"))
  #expect(older.output.contains("bm25,1,4,0.5"), "\(older.output)")

  let wrong = try RaglabProcess.run(["results", "quickstart", "--experiment", "9", "--db", db])
  #expect(wrong.status == 1)
  #expect(wrong.errors.contains("no experiment #9 is named quickstart"))
}

@Test func reportAndPlotOfARunWithoutTrialsKeepTheEarlierOutputs() throws {
  let (folder, db) = try databaseWithAnEmptyNewestRun()
  defer { try? FileManager.default.removeItem(atPath: folder) }
  let common = ["--db", db]
  let notebooks = ["--out", "\(folder)/notebooks-md"]
  let plots = ["--out", "\(folder)/plots"]

  let good = try RaglabProcess.run(
    ["report", "quickstart", "--experiment", "1"] + common + notebooks)
  #expect(good.status == 0, "\(good.errors)")
  let path = "\(folder)/notebooks-md/quickstart.md"
  let text = try String(contentsOfFile: path, encoding: .utf8)
  let plotted = try RaglabProcess.run(["plot", "quickstart", "--experiment", "1"] + common + plots)
  #expect(plotted.status == 0, "\(plotted.errors)")
  let png = "\(folder)/plots/quickstart/accuracy-vs-k.png"
  let image = try Data(contentsOf: URL(fileURLWithPath: png))

  let report = try RaglabProcess.run(["report", "quickstart"] + common + notebooks)
  #expect(report.status == 1)
  #expect(report.errors.contains("experiment quickstart has no trials yet; \(path) is kept"))
  #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
  let plot = try RaglabProcess.run(["plot", "quickstart"] + common + plots)
  #expect(plot.status == 1)
  #expect(plot.errors.contains("experiment quickstart has no trials yet"))
  #expect(try Data(contentsOf: URL(fileURLWithPath: png)) == image)

  let forced = try RaglabProcess.run(["report", "quickstart", "--force"] + common + notebooks)
  #expect(forced.status == 0, "\(forced.errors)")
  #expect(try String(contentsOfFile: path, encoding: .utf8) != text)
}
