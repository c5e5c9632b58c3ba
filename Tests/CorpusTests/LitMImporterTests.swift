import Foundation
import Store
import Testing

@testable import Corpus

struct LitMImporterTests {
  private func checkTinyImport(_ path: String) throws {
    let store = try makeStore()
    let summary = try DatasetImporter.importDataset(
      format: .litm, path: path, options: ImportOptions(name: "nq"), into: store)
    #expect(summary.dataset.passageCount == 4)
    #expect(summary.dataset.questionCount == 3)
    #expect(summary.duplicatePassages == 1)
    let questions = try store.questions(dataset: "nq")
    #expect(questions.map(\.id) == ["q1", "q2", "q3"])
    #expect(questions[0].answers == ["Shakespeare", "William Shakespeare"])
    let hamletID = LitMImporter.contentID(
      title: "Hamlet", text: "Hamlet is a tragedy written by William Shakespeare.")
    #expect(questions[0].goldPassageIDs == [hamletID])
    #expect(questions[1].goldPassageIDs == ["wiki:7"])
    #expect(questions[2].goldPassageIDs == ["42"])
    #expect(try store.passages(dataset: "nq", ids: ["42"])[0].title == "France")
  }

  @Test func plainJSONLImportsTheUnionOfCtxsWithGoldFlags() throws {
    let folder = try DataFolder()
    try checkTinyImport(try folder.write("nq.jsonl", tinyLitM))
  }

  @Test func gzipJSONLImportsTheSame() throws {
    let folder = try DataFolder()
    let path = try folder.writeGzip("nq.jsonl.gz", tinyLitM)
    try checkTinyImport(path)
    #expect(DatasetImporter.defaultName(format: .litm, path: path) == "nq")
  }

  @Test func aMalformedLineIsReportedWithFileAndLineAndNothingIsStored() throws {
    let folder = try DataFolder()
    let lines = tinyLitM.split(separator: "\n").map(String.init)
    let path = try folder.write(
      "nq.jsonl",
      [lines[0], lines[1], #"{"answers": ["x"], "ctxs": []}"#, lines[2]].joined(separator: "\n"))
    let store = try makeStore()
    let error = #expect(throws: ImportError.self) {
      try DatasetImporter.importDataset(format: .litm, path: path, into: store)
    }
    #expect(
      error?.description
        == "\(path) line 3: expected a JSON object with a string field `question` (it is missing)")
    #expect(try store.datasets().isEmpty)
  }

  @Test func skipBadSkipsAndCountsBrokenLines() throws {
    let folder = try DataFolder()
    let lines = tinyLitM.split(separator: "\n").map(String.init)
    let text = [
      lines[0], "{not json", lines[1], #"{"question": "q", "answers": "x", "ctxs": []}"#,
      #"{"question": "q", "answers": [], "ctxs": [{"title": "no text"}]}"#, "", lines[2],
    ].joined(separator: "\n")
    let path = try folder.write("nq.jsonl", text)
    let store = try makeStore()
    let summary = try DatasetImporter.importDataset(
      format: .litm, path: path, options: ImportOptions(skipBad: true), into: store)
    #expect(summary.dataset.skippedCount == 3)
    #expect(summary.dataset.questionCount == 3)
    #expect(summary.dataset.passageCount == 4)
    #expect(summary.skippedExamples.count == 3)
    #expect(summary.skippedExamples[0].hasSuffix("line 2: invalid JSON; expected a JSON object"))
    #expect(
      summary.skippedExamples[1].contains(
        "line 4: expected a JSON object with an array field `answers` (found a string)"))
    #expect(
      summary.skippedExamples[2].contains(
        "line 5: ctxs[0]: expected a ctx object with a string field `text`"))
    #expect(try store.questions(dataset: "nq").map(\.id) == ["q1", "q3", "q7"])
  }

  @Test func aTruncatedGzipIsAnError() throws {
    let folder = try DataFolder()
    let full = try folder.writeGzip("full.jsonl.gz", String(repeating: tinyLitM, count: 50))
    let bytes = try Data(contentsOf: URL(fileURLWithPath: full))
    let cut = folder.path + "/cut.jsonl.gz"
    try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: cut))
    #expect(throws: ImportError.self) {
      try DatasetImporter.importDataset(format: .litm, path: cut, into: makeStore())
    }
  }

  static let oracle = "/work/shared/data/nq-open-oracle.jsonl.gz"

  @Test(.enabled(if: FileManager.default.fileExists(atPath: oracle), "needs the NQ oracle file"))
  func theRealLostInTheMiddleOracleFileImports() throws {
    let store = try makeStore()
    let summary = try DatasetImporter.importDataset(
      format: .litm, path: Self.oracle, into: store)
    #expect(summary.dataset.questionCount == 2655)
    #expect(summary.dataset.skippedCount == 0)
    let questions = try store.questions(dataset: "nq-open-oracle")
    #expect(questions.allSatisfy { $0.goldPassageIDs.count == 1 && !$0.answers.isEmpty })
  }
}
