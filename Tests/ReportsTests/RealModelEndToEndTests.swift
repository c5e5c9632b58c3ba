import Experiments
import Foundation
import Testing

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

  let run = try RaglabProcess.run(["run", "e2e.yaml", "--threads", "2"] + db, in: folder)
  #expect(run.status == 0, "raglab run failed: \(run.output) \(run.errors)")
  #expect(run.output.contains("6/6 complete"))

  let csv = try RaglabProcess.run(["results", "e2e", "--format", "csv"] + db, in: folder)
  #expect(csv.status == 0, "raglab results failed: \(csv.errors)")
  let rows = csv.output.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
  let header = try #require(rows.first)
  let k = try #require(header.firstIndex(of: "k"))
  let n = try #require(header.firstIndex(of: "n"))
  let retriever = try #require(header.firstIndex(of: "retriever"))
  #expect(
    rows.dropFirst().map { [$0[retriever], $0[k], $0[n]] } == [
      ["bm25", "1", "3"], ["bm25", "2", "3"],
    ])

  let plot = try RaglabProcess.run(["plot", "e2e"] + db, in: folder)
  #expect(plot.status == 0, "raglab plot failed: \(plot.errors)")
  let png = folder.appendingPathComponent("plots/e2e/accuracy-vs-k.png")
  #expect(FileManager.default.fileExists(atPath: png.path))
  #expect(
    FileManager.default.fileExists(
      atPath: folder.appendingPathComponent("plots/e2e/accuracy-vs-k.svg").path))

  let report = try RaglabProcess.run(["report", "e2e"] + db, in: folder)
  #expect(report.status == 0, "raglab report failed: \(report.errors)")
  let notebook = try String(
    contentsOf: folder.appendingPathComponent("notebooks-md/e2e.md"), encoding: .utf8)
  #expect(notebook.contains("](../plots/e2e/accuracy-vs-k.png)"))
  #expect(notebook.contains("SmolLM2-135M-Instruct.Q4_1.gguf"))
  #expect(notebook.contains("| threads | 2 |"))
  #expect(
    notebook.contains("| reader (generator.model) | `models/SmolLM2-135M-Instruct.Q4_1.gguf` |"))
}
