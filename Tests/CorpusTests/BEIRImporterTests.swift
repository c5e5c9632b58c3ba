import Foundation
import Store
import Testing

@testable import Corpus

struct BEIRImporterTests {
  fileprivate func writeTinyBEIR(_ folder: DataFolder, qrels: String? = nil) throws -> String {
    try folder.write(
      "scifact/corpus.jsonl",
      """
      {"_id": "d1", "title": "Vitamin D", "text": "Vitamin D deficiency is linked to bone loss."}
      {"_id": "d2", "title": "Coffee", "text": "Coffee contains caffeine."}
      {"_id": 3, "text": "Sleep improves memory consolidation."}
      """)
    try folder.write(
      "scifact/queries.jsonl",
      """
      {"_id": "1", "text": "Does vitamin D affect bones?"}
      {"_id": "2", "text": "Is sleep good for memory?"}
      {"_id": "9", "text": "An unjudged query"}
      """)
    try folder.write(
      "scifact/qrels/test.tsv",
      qrels ?? "query-id\tcorpus-id\tscore\n1\td1\t1\n2\t3\t1\n2\td2\t0\n")
    return folder.path + "/scifact"
  }

  @Test func judgedQueriesBecomeQuestionsWithTheirRelevantPassages() throws {
    let folder = try DataFolder()
    let path = try writeTinyBEIR(folder)
    let store = try makeStore()
    let summary = try DatasetImporter.importDataset(format: .beir, path: path, into: store)
    #expect(summary.dataset.name == "scifact")
    #expect(summary.dataset.passageCount == 3)
    #expect(summary.dataset.questionCount == 2)
    let questions = try store.questions(dataset: "scifact")
    #expect(questions.map(\.id) == ["1", "2"])
    #expect(questions.map(\.goldPassageIDs) == [["d1"], ["3"]])
    #expect(questions[0].answers.isEmpty)
    #expect(summary.dataset.checksum.count == 64)
  }

  @Test func aBadQrelsLineIsLocated() throws {
    let folder = try DataFolder()
    let path = try writeTinyBEIR(folder, qrels: "query-id\tcorpus-id\tscore\n1\td1\n")
    let error = #expect(throws: ImportError.self) {
      try DatasetImporter.importDataset(format: .beir, path: path, into: makeStore())
    }
    #expect(
      error?.description.contains("test.tsv line 2: expected three tab-separated fields") == true)
  }

  @Test func aMissingFileIsNamed() throws {
    let folder = try DataFolder()
    try folder.write("empty/qrels/test.tsv", "query-id\tcorpus-id\tscore\n")
    let error = #expect(throws: ImportError.self) {
      try DatasetImporter.importDataset(
        format: .beir, path: folder.path + "/empty", into: makeStore())
    }
    #expect(error?.description.contains("corpus.jsonl: missing") == true)
  }
}

extension BEIRImporterTests {
  @Test func qrelsNamingMissingPassagesOrQueriesAreAnErrorListingThem() throws {
    let folder = try DataFolder()
    let path = try writeTinyBEIR(
      folder, qrels: "query-id\tcorpus-id\tscore\n1\td1\t1\n7\td1\t1\n2\td9\t2\n2\td2\t0\n")
    let store = try makeStore()
    let error = try #require(throws: ImportError.self) {
      try DatasetImporter.importDataset(format: .beir, path: path, into: store)
    }
    #expect(error.file == path + "/qrels/test.tsv")
    #expect(
      error.message.hasPrefix(
        "names 1 corpus id missing from corpus.jsonl (d9) and 1 query id missing from "
          + "queries.jsonl (7); the qrels must belong to this corpus and these queries"))
    #expect(try store.datasets().isEmpty)
  }

  @Test func manyMissingPassagesAreCountedWithTheFirstFiveShown() throws {
    let folder = try DataFolder()
    let rows = (1...7).map { "1\tgone\($0)\t1\n" }.joined()
    let path = try writeTinyBEIR(folder, qrels: "query-id\tcorpus-id\tscore\n" + rows)
    let error = try #require(throws: ImportError.self) {
      try DatasetImporter.importDataset(format: .beir, path: path, into: makeStore())
    }
    #expect(
      error.message.hasPrefix(
        "names 7 corpus ids missing from corpus.jsonl (gone1, gone2, gone3, gone4, gone5, …); "))
  }
}
