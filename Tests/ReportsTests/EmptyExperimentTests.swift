import Foundation
import Testing

@testable import Reports

/// `Fixtures.sweep()` as stored right after `raglab run --limit 0`: conditions, no trials.
private func emptySweep() -> ExperimentSummary {
  var summary = Fixtures.sweep()
  summary.provenance.trialCount = 0
  summary.provenance.finishedAt = nil
  summary.conditions = summary.conditions.map {
    ConditionSummary(keys: $0.keys, n: 0, metrics: [:], recall: nil)
  }
  return summary
}

@Test func reportOfAnExperimentWithoutTrialsKeepsTheExistingNotebook() throws {
  let root = try Fixtures.temporaryFolder()
  defer { try? FileManager.default.removeItem(atPath: root) }
  let path = "\(root)/sweep.md"
  try Notebook(summary: Fixtures.sweep(), path: path, images: [], database: "db").write(
    force: false)
  let good = try String(contentsOfFile: path, encoding: .utf8)

  let empty = Notebook(summary: emptySweep(), path: path, images: [], database: "db")
  let error = #expect(throws: ReportsError.self) { try empty.write(force: false) }
  #expect(error == .noTrials(experiment: "sweep", kept: path))
  let message = error?.description ?? ""
  #expect(message.contains("experiment sweep has no trials yet; \(path) is kept"))
  #expect(message.contains("--force"))
  #expect(message.contains("--experiment ID"))
  #expect(try String(contentsOfFile: path, encoding: .utf8) == good)

  try empty.write(force: true)
  #expect(try String(contentsOfFile: path, encoding: .utf8) == empty.markdown())
}

@Test func reportOfAnExperimentWithoutTrialsIsWrittenWhenNothingIsThere() throws {
  let root = try Fixtures.temporaryFolder()
  defer { try? FileManager.default.removeItem(atPath: root) }
  let notebook = Notebook(
    summary: emptySweep(), path: "\(root)/sweep.md", images: [], database: "db")
  try notebook.write(force: false)
  #expect(FileManager.default.fileExists(atPath: notebook.path))
}

@Test func plotOfAnExperimentWithoutTrialsIsRefusedNamingIt() {
  let error = #expect(throws: ReportsError.self) { try AccuracyPlot(summary: emptySweep()) }
  #expect(error == .noTrials(experiment: "sweep", kept: nil))
  #expect(error?.description.contains("--experiment ID") == true)
}
