import Foundation
import Inference
import Store
import Testing

@testable import Corpus

/// Three BIG-bench knowledge-conflict examples; the last has only its target, scored 0 (as
/// `examples[9744]` of the real task does).
private let tinyTask = #"""
  {"name": "contextual_parametric_knowledge_conflicts", "examples": [
    {"input": "\nQuestion: who does candace like?\nContext: Candace has an obvious crush on Griselda Blanco .",
     "target": "Griselda Blanco", "target_scores": {"Griselda Blanco": 1, "Jeremy Johnson": 0}},
    {"input": "\nQuestion: who played salim?\nContext: Mason Plumlee as Salim   Madhubala as Nadira",
     "target": "Mason Plumlee", "target_scores": {"Dilip Kumar": 0, "Mason Plumlee": 1}},
    {"input": "\nQuestion: who is the voice for beef?\nContext: featured actor Robert Mitchum as its narrator",
     "target": "Robert Mitchum", "target_scores": {"Robert Mitchum": 0}}
  ]}
  """#

struct ConflictImporterTests {
  @Test func everyExampleIsAPassageAndAQuestionWithSubstitutedAndOriginalAnswers() throws {
    let folder = try DataFolder()
    let path = try folder.write("task.json", tinyTask)
    let store = try makeStore()
    let summary = try DatasetImporter.importDataset(
      format: .conflict, path: path, options: ImportOptions(name: "kc"), into: store)
    #expect(summary.dataset.kind == "conflict")
    #expect(summary.dataset.passageCount == 3 && summary.dataset.questionCount == 3)
    #expect(summary.dataset.checksum == SHA256.hex(of: Array(tinyTask.utf8)))
    let questions = try store.questions(dataset: "kc")
    #expect(questions.map(\.id) == ["q0", "q1", "q2"])
    #expect(
      questions.map(\.text) == [
        "who does candace like?", "who played salim?", "who is the voice for beef?",
      ])
    #expect(
      questions.map(\.answers) == [["Griselda Blanco"], ["Mason Plumlee"], ["Robert Mitchum"]])
    #expect(questions.map(\.memoryAnswers) == [["Jeremy Johnson"], ["Dilip Kumar"], []])
    #expect(questions.map(\.goldPassageIDs) == [["c0"], ["c1"], ["c2"]])
    let passage = try store.passages(dataset: "kc", ids: ["c1"])[0]
    #expect(passage.title == "")
    #expect(passage.text == "Mason Plumlee as Salim   Madhubala as Nadira")
  }

  @Test func badExamplesAreNamedByIndexOrSkippedAndCounted() throws {
    let cases: [(String, String, String)] = [
      (#""\nQuestion: who played salim?\nContext: "#, #""\nWho played salim? "#, "\"Question: …\""),
      (#""target": "Mason Plumlee""#, #""target": "Kumar""#, "not a key of `target_scores`"),
      (
        #"{"Dilip Kumar": 0, "Mason Plumlee": 1}"#, #""Dilip Kumar""#,
        "object field `target_scores`"
      ),
      (#"{"Dilip Kumar": 0, "Mason Plumlee": 1}"#, #"{"": 0, "Mason Plumlee": 1}"#, "empty answer"),
      (#""Dilip Kumar": 0"#, #""Dilip Kumar": "no""#, "to be a number, found a string"),
    ]
    for (old, new, expected) in cases {
      let broken = tinyTask.replacingOccurrences(of: old, with: new)
      #expect(broken != tinyTask)
      let folder = try DataFolder()
      let path = try folder.write("task.json", broken)
      let store = try makeStore()
      let error = #expect(throws: ImportError.self) {
        try DatasetImporter.importDataset(format: .conflict, path: path, into: store)
      }
      #expect(error?.description.hasPrefix("\(path): examples[1]: ") == true)
      #expect(error?.description.contains(expected) == true, "\(error?.description ?? "")")
      #expect(try store.datasets().isEmpty)
      let summary = try DatasetImporter.importDataset(
        format: .conflict, path: path, options: ImportOptions(skipBad: true), into: store)
      #expect(summary.dataset.skippedCount == 1 && summary.dataset.questionCount == 2)
      #expect(try store.questions(dataset: "task").map(\.id) == ["q0", "q2"])
    }
  }

  @Test func aFileWithoutExamplesSaysWhatWasExpected() throws {
    let folder = try DataFolder()
    let path = try folder.write("task.json", #"{"name": "x"}"#)
    let error = #expect(throws: ImportError.self) {
      try DatasetImporter.importDataset(format: .conflict, path: path, into: makeStore())
    }
    #expect(
      error?.description
        == "\(path): expected a BIG-bench task.json object with an array field `examples` "
        + "(it is missing)")
  }
}
