import Foundation
import Inference
import Store
import Testing

@testable import Corpus

struct SQuADImporterTests {
  @Test func everyParagraphIsAPassageAndEveryQuestionKeepsItsGoldParagraph() throws {
    let folder = try DataFolder()
    let path = try folder.write("dev.json", tinySQuAD)
    let store = try makeStore()
    let summary = try DatasetImporter.importDataset(format: .squad, path: path, into: store)
    #expect(summary.dataset.name == "dev")
    #expect(summary.dataset.passageCount == 3)
    #expect(summary.dataset.questionCount == 4)
    #expect(summary.dataset.checksum == SHA256.hex(of: Array(tinySQuAD.utf8)))
    let questions = try store.questions(dataset: "dev")
    #expect(questions.map(\.id) == ["s1", "s2", "s3", "o1"])
    #expect(questions[0].answers == ["Denver Broncos", "the Denver Broncos"])
    #expect(questions.map(\.goldPassageIDs) == [["0-0"], ["0-0"], ["0-1"], ["1-0"]])
    let passage = try store.passages(dataset: "dev", ids: ["1-0"])[0]
    #expect(passage.title == "Oxygen")
    #expect(passage.text.hasPrefix("Oxygen is a chemical element"))
  }

  @Test func aBadEntryIsNamedByItsKeyPathOrSkipped() throws {
    let folder = try DataFolder()
    let broken = tinySQuAD.replacingOccurrences(
      of: #""question": "Who lost?""#, with: #""question": 7"#)
    let path = try folder.write("bad.json", broken)
    let store = try makeStore()
    let error = #expect(throws: ImportError.self) {
      try DatasetImporter.importDataset(format: .squad, path: path, into: store)
    }
    #expect(error?.description.contains("bad.json") == true)
    #expect(error?.description.contains("data[0].paragraphs[0].qas[1]") == true)
    #expect(error?.description.contains("string field `question`") == true)
    #expect(try store.datasets().isEmpty)
    let summary = try DatasetImporter.importDataset(
      format: .squad, path: path, options: ImportOptions(skipBad: true), into: store)
    #expect(summary.dataset.skippedCount == 1)
    #expect(summary.dataset.questionCount == 3)
  }

  @Test func aFileThatIsNotSQuADSaysWhatWasExpected() throws {
    let folder = try DataFolder()
    let path = try folder.write("x.json", "[1, 2]")
    let error = #expect(throws: ImportError.self) {
      try DatasetImporter.importDataset(format: .squad, path: path, into: makeStore())
    }
    #expect(error?.description == "\(path): expected a SQuAD JSON object, found an array")
  }

  @Test func sha256MatchesKnownDigests() {
    #expect(
      SHA256.hex(of: Array("abc".utf8))
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      SHA256.hex(of: [UInt8](repeating: 0x61, count: 1000))
        == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
  }
}
