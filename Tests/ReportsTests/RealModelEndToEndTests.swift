import Experiments
import Foundation
import Testing

/// The `raglab` executable built beside this test bundle (`swift test` builds both).
private func raglabBinary() throws -> URL {
  let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
  for folder in [beside, beside.deletingLastPathComponent()] {
    let candidate = folder.appendingPathComponent("raglab")
    if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
  }
  throw RunError("no raglab executable next to \(beside.path): run `make test`, which builds it")
}

/// Runs `raglab arguments…` in `folder`; returns (exit status, stdout, stderr).
private func raglab(_ arguments: [String], in folder: URL) throws -> (Int32, String, String) {
  let process = Process()
  process.executableURL = try raglabBinary()
  process.arguments = arguments
  process.currentDirectoryURL = folder
  let out = Pipe()
  let err = Pipe()
  process.standardOutput = out
  process.standardError = err
  try process.run()
  let stdout = out.fileHandleForReading.readDataToEndOfFile()
  let stderr = err.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return (
    process.terminationStatus, String(decoding: stdout, as: UTF8.self),
    String(decoding: stderr, as: UTF8.self)
  )
}

/// Three SQuAD-dev questions, BM25, k = 1 and 2, the real default model, greedy.
private let endToEndSpec = """
  name: e2e
  dataset: {name: squad-dev, format: squad, path: data/squad/squaddev_v1.1.json, limit: 3, seed: 1}
  retrievers: [bm25]
  retrieval_depth: 2
  generator: {backend: inprocess, model: models/SmolLM2-135M-Instruct.Q4_1.gguf, max_tokens: 12, temperature: 0, stop: ["\\n"]}
  prompt: {template: question_last, chat: true}
  module: {name: passage_count, k: [1, 2]}
  metrics: [subem, em, f1]
  """

@Test func runResultsPlotAndReportWorkEndToEndOnTheRealModelAndSQuAD() throws {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
    "raglab-e2e-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: folder) }
  try endToEndSpec.write(
    to: folder.appendingPathComponent("e2e.yaml"), atomically: true, encoding: .utf8)
  let db = ["--db", "lab.sqlite"]

  let run = try raglab(["run", "e2e.yaml", "--threads", "2"] + db, in: folder)
  #expect(run.0 == 0, "raglab run failed: \(run.1) \(run.2)")
  #expect(run.1.contains("6/6 complete"))

  let csv = try raglab(["results", "e2e", "--format", "csv"] + db, in: folder)
  #expect(csv.0 == 0, "raglab results failed: \(csv.2)")
  let rows = csv.1.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
  let header = try #require(rows.first)
  let k = try #require(header.firstIndex(of: "k"))
  let n = try #require(header.firstIndex(of: "n"))
  let retriever = try #require(header.firstIndex(of: "retriever"))
  #expect(
    rows.dropFirst().map { [$0[retriever], $0[k], $0[n]] } == [
      ["bm25", "1", "3"], ["bm25", "2", "3"],
    ])

  let plot = try raglab(["plot", "e2e"] + db, in: folder)
  #expect(plot.0 == 0, "raglab plot failed: \(plot.2)")
  let png = folder.appendingPathComponent("plots/e2e/accuracy-vs-k.png")
  #expect(FileManager.default.fileExists(atPath: png.path))
  #expect(
    FileManager.default.fileExists(
      atPath: folder.appendingPathComponent("plots/e2e/accuracy-vs-k.svg").path))

  let report = try raglab(["report", "e2e"] + db, in: folder)
  #expect(report.0 == 0, "raglab report failed: \(report.2)")
  let notebook = try String(
    contentsOf: folder.appendingPathComponent("notebooks-md/e2e.md"), encoding: .utf8)
  #expect(notebook.contains("](../plots/e2e/accuracy-vs-k.png)"))
  #expect(notebook.contains("SmolLM2-135M-Instruct.Q4_1.gguf"))
  #expect(notebook.contains("| threads | 2 |"))
}
