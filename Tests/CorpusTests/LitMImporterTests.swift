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

  /// Fifty copies of the tiny file's lines, gzip-compressed with a flush after each line.
  private func gzipLines(_ folder: DataFolder) throws -> (path: String, ends: [Int]) {
    let lines = tinyLitM.split(separator: "\n").map(String.init)
    return try folder.writeGzipLines(
      "full.jsonl.gz", Array(repeating: lines, count: 50).flatMap { $0 })
  }

  /// Imports `path` and returns the `ImportError`, checking that nothing was stored.
  private func importError(_ path: String, skipBad: Bool = false) throws -> ImportError {
    let store = try makeStore()
    let error = try #require(throws: ImportError.self) {
      try DatasetImporter.importDataset(
        format: .litm, path: path, options: ImportOptions(skipBad: skipBad), into: store)
    }
    #expect(try store.datasets().isEmpty)
    return error
  }

  @Test func theWholeGzipWithItsTrailerImports() throws {
    let folder = try DataFolder()
    let full = try gzipLines(folder)
    let summary = try DatasetImporter.importDataset(
      format: .litm, path: full.path, into: makeStore())
    #expect(summary.dataset.questionCount == 150)
  }

  @Test func aGzipTruncatedAtALineBoundaryIsAnErrorNamingTheFile() throws {
    let folder = try DataFolder()
    let full = try gzipLines(folder)
    let cut = try folder.truncatedCopy(of: full.path, to: "cut.jsonl.gz", count: full.ends[74])
    let error = try importError(cut)
    #expect(error.file == cut && error.line == nil)
    #expect(error.message.hasPrefix("the gzip stream is truncated after line 75"))
    // Every line present, only the gzip trailer (CRC-32 and length, 8 bytes) missing.
    let size = try Data(contentsOf: URL(fileURLWithPath: full.path)).count
    let noTrailer = try folder.truncatedCopy(of: full.path, to: "end.jsonl.gz", count: size - 8)
    let late = try importError(noTrailer)
    #expect(late.file == noTrailer)
    #expect(late.message.hasPrefix("the gzip stream is truncated after line 150"))
  }

  @Test func aGzipTruncatedMidStreamIsAnErrorEvenWithSkipBad() throws {
    let folder = try DataFolder()
    let full = try gzipLines(folder)
    let middle = (full.ends[74] + full.ends[75]) / 2  // inside line 76
    let cut = try folder.truncatedCopy(of: full.path, to: "cut.jsonl.gz", count: middle)
    let error = try importError(cut, skipBad: true)
    #expect(error.file == cut)
    #expect(error.message.hasPrefix("the gzip stream is truncated after line 75"))
  }

  @Test func aPassageIDReusedForAnotherTextIsAnErrorNamingFileLineAndID() throws {
    let folder = try DataFolder()
    let lines = tinyLitM.split(separator: "\n").map(String.init)
    let other =
      #"{"question": "q", "answers": ["a"], "ctxs": [{"id": "42", "title": "Lyon", "text": "Lyon is a city."}, {"id": "wiki:7", "title": "Denmark", "text": "Denmark is a kingdom."}]}"#
    let path = try folder.write("nq.jsonl", ([other] + lines).joined(separator: "\n"))
    let error = try importError(path)
    #expect(
      error.description
        == "\(path) line 2: ctxs[1]: passage id `wiki:7` was first seen on line 1 with a different "
        + "text; one id must name one passage (fix the file, or drop the `id` fields to key "
        + "passages by title and text)")
    let titled = try folder.write("titled.jsonl", ([lines[2], other]).joined(separator: "\n"))
    #expect(
      try importError(titled).description.hasPrefix(
        "\(titled) line 2: ctxs[0]: passage id `42` was first seen on line 1 with a different "
          + "title and text;"))
  }

  @Test func skipBadSkipsALineReusingAnIDAndKeepsTheFirstPassage() throws {
    let folder = try DataFolder()
    let lines = tinyLitM.split(separator: "\n").map(String.init)
    let reused =
      #"{"question": "q", "answers": ["a"], "ctxs": [{"id": "x", "text": "new"}, {"id": "wiki:7", "title": "Denmark", "text": "Denmark is a kingdom."}]}"#
    let path = try folder.write("nq.jsonl", (lines + [reused]).joined(separator: "\n"))
    let store = try makeStore()
    let summary = try DatasetImporter.importDataset(
      format: .litm, path: path, options: ImportOptions(name: "nq", skipBad: true), into: store)
    #expect(summary.dataset.skippedCount == 1)
    #expect(
      summary.skippedExamples.first?.hasPrefix(
        "\(path) line 4: ctxs[1]: passage id `wiki:7` was first seen on line 1 with a different text"
      ) == true)
    #expect(summary.dataset.passageCount == 4)
    #expect(
      try store.passages(dataset: "nq", ids: ["wiki:7"])[0].text == "Denmark is a Nordic country.")
    #expect(throws: (any Error).self) { try store.passages(dataset: "nq", ids: ["x"]) }
  }

  /// The project's shared folder, `../shared` beside the repository (CI lays it there; a user's
  /// clone has none, and nothing may require it).
  static let sharedFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared").standardizedFileURL.path

  /// The NQ-open oracle file of the shared data.
  static let oracle = sharedFolder + "/data/nq-open-oracle.jsonl.gz"

  /// Skipped, with this reason shown, only where there is no shared folder at all; where the
  /// folder exists a missing file fails the test.
  @Test(
    .enabled(
      if: FileManager.default.fileExists(atPath: sharedFolder),
      "no ../shared folder beside this clone: the real LitM file check needs the project's shared data"
    ))
  func theRealLostInTheMiddleOracleFileImports() throws {
    try #require(
      FileManager.default.fileExists(atPath: Self.oracle),
      "the shared NQ-open oracle file is missing: looked for \(Self.oracle)"
    )
    let store = try makeStore()
    let summary = try DatasetImporter.importDataset(
      format: .litm, path: Self.oracle, into: store)
    #expect(summary.dataset.questionCount == 2655)
    #expect(summary.dataset.skippedCount == 0)
    let questions = try store.questions(dataset: "nq-open-oracle")
    #expect(questions.allSatisfy { $0.goldPassageIDs.count == 1 && !$0.answers.isEmpty })
  }
}
