import Foundation
import Store
import Testing

@testable import Experiments

/// Two LitM records written out by hand. Line 1: gold `g1` second in the file, answer-free ctxs
/// d1 d2 d3 d4 in that order, `x` flagged hasanswer=false though it says Paris (the guard drops
/// it), `a` flagged hasanswer=true. Line 2: only e1 e2 are usable (`y` says Rome).
private let tinyFile = """
  {"question": "Where is the Eiffel Tower?", "answers": ["Paris"], "ctxs": [\
  {"id": "d1", "title": "D1", "text": "The tower of Pisa leans.", "hasanswer": false, "isgold": false}, \
  {"id": "g1", "title": "Eiffel Tower", "text": "The Eiffel Tower stands in Paris.", "hasanswer": true, "isgold": true}, \
  {"id": "d2", "title": "D2", "text": "Big Ben is a bell in London.", "hasanswer": false, "isgold": false}, \
  {"id": "x", "title": "X", "text": "Paris has many towers.", "hasanswer": false, "isgold": false}, \
  {"id": "d3", "title": "D3", "text": "The CN Tower is in Toronto.", "hasanswer": false, "isgold": false}, \
  {"id": "a", "title": "A", "text": "In Paris the tower opened in 1889.", "hasanswer": true, "isgold": false}, \
  {"id": "d4", "title": "D4", "text": "Tokyo Tower is red and white.", "hasanswer": false, "isgold": false}]}
  {"question": "Where is the Colosseum?", "answers": ["Rome"], "ctxs": [\
  {"id": "g2", "title": "Colosseum", "text": "The Colosseum is in Rome.", "hasanswer": true, "isgold": true}, \
  {"id": "e1", "title": "E1", "text": "The Acropolis is in Athens.", "hasanswer": false, "isgold": false}, \
  {"id": "y", "title": "Y", "text": "Rome has an arena.", "hasanswer": false, "isgold": false}, \
  {"id": "e2", "title": "E2", "text": "The Alhambra is in Granada.", "hasanswer": false, "isgold": false}]}
  """

/// A spec over `path` with the given module knobs.
private func fileSpec(path: String, format: String = "litm", module: String) -> String {
  """
  name: litm-file
  dataset: {name: tiny-litm, format: \(format), path: \(path)}
  retrievers: [bm25]
  retrieval_depth: 3
  module: \(module)
  """
}

/// The tiny file imported through the run's own path (`CorpusInputs`), with the module and a
/// context per question.
private struct Imported {
  let module: any ExperimentModule
  let conditions: [Condition]
  let contexts: [String: QuestionContext]

  init(module knobs: String) throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "litm-\(UUID().uuidString).jsonl"
    ).path
    try tinyFile.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let loaded = try SpecLoader.parse(yaml: fileSpec(path: path, module: knobs))
    let inputs = try CorpusInputs.load(spec: loaded.spec, database: try LabDatabase.inMemory())
    module = try ModuleRegistry.module(for: loaded.spec)
    conditions = try module.conditions()
    var contexts: [String: QuestionContext] = [:]
    for question in inputs.questions {
      contexts[question.id] = QuestionContext(
        question: question, depth: 3, rankers: inputs.rankers, corpus: inputs.corpus, seed: 7)
    }
    self.contexts = contexts
  }

  /// The ids shown for question `id` under condition `index`.
  func shown(_ id: String, _ index: Int) throws -> [String] {
    try module.passages(for: conditions[index], context: try #require(contexts[id])).map(\.id)
  }
}

@Test func fileDistractorsAreTheRecordsAnswerFreeCtxsInFileOrder() throws {
  let run = try Imported(
    module: "{name: gold_position, total: [5], positions: all, distractors: file}")
  #expect(run.conditions.count == 7)
  #expect(run.conditions[0].keysJSON == #"{"gold_position":1,"retriever":"file","total":5}"#)
  // No ranked list feeds these conditions (the run needs no `file` retriever).
  #expect(run.conditions.allSatisfy { $0.retriever == nil })
  #expect(try run.shown("q1", 0) == ["g1", "d1", "d2", "d3", "d4"])
  #expect(try run.shown("q1", 2) == ["d1", "d2", "g1", "d3", "d4"])
  #expect(try run.shown("q1", 4) == ["d1", "d2", "d3", "d4", "g1"])
  // Baselines: closed book shows nothing, oracle the gold alone.
  #expect(try run.shown("q1", 5).isEmpty)
  #expect(try run.shown("q1", 6) == ["g1"])
}

@Test func noFileDistractorContainsAGoldAnswerEvenWhenTheFileFlagsItAnswerFree() throws {
  let run = try Imported(
    module: "{name: gold_position, total: [5], positions: all, distractors: file}")
  let context = try #require(run.contexts["q1"])
  let file = try context.fileDistractors()
  #expect(file.passages.map(\.id) == ["d1", "d2", "d3", "d4"])
  #expect(file.flaggedFree == 5 && file.droppedAnswerBearing == 1)
  for index in 0..<5 {
    let passages = try run.module.passages(for: run.conditions[index], context: context)
    #expect(passages.filter { $0.text.contains("Paris") }.map(\.id) == ["g1"])
  }
}

@Test func randomDistractorOrderShufflesTheFilesDistractorsOnly() throws {
  let run = try Imported(
    module:
      "{name: gold_position, total: [5], positions: [1, 5], distractor_order: random, distractors: file}"
  )
  let first = try run.shown("q1", 0)
  let last = try run.shown("q1", 1)
  #expect(first[0] == "g1" && last[4] == "g1")
  #expect(Array(first.dropFirst()) == Array(last.dropLast()))
  #expect(Set(first.dropFirst()) == ["d1", "d2", "d3", "d4"])
  #expect(try run.shown("q1", 0) == first)
}

@Test func aRecordWithTooFewAnswerFreeCtxsIsSkippedWithTheCount() throws {
  let run = try Imported(
    module: "{name: gold_position, total: [5], positions: [1], distractors: file, baselines: false}"
  )
  let skip = try #require(throws: ModuleSkip.self) { try run.shown("q2", 0) }
  #expect(
    skip.reason
      == "2 answer-free ctxs in the question's file record, 4 needed (1 of the 3 flagged "
      + "hasanswer=false contain a gold answer and were not used)")
}

@Test func aQuestionWithoutAStoredCtxListStopsTheRunNamingTheReimport() throws {
  let corpus = FixedCorpus.paris(count: 6, mentioning: [])
  let question = Question(id: "q", text: "Where?", answers: ["Paris"], goldPassageIDs: ["p0"])
  let context = QuestionContext(question: question, depth: 5, rankers: [:], corpus: corpus)
  let error = try #require(throws: RunError.self) { try context.fileDistractors() }
  #expect(error.description.contains("raglab data import --format litm"))
  #expect(error.description.contains("--replace"))
}

@Test func fileDistractorsOnADatasetThatIsNotLitMIsASpecErrorWithItsLine() throws {
  let yaml = """
    name: x
    dataset: {name: squad-dev, format: squad, path: data.json}
    retrievers: [bm25]
    module:
      name: gold_position
      total: [5]
      distractors: file
    """
  let error = try #require(throws: SpecError.self) { try SpecLoader.parse(yaml: yaml) }
  #expect(error.problems.map(\.keyPath) == ["module.distractors"])
  #expect(error.problems.first?.line == 7)
  #expect(error.problems.first?.message.contains("set `dataset.format: litm`") == true)
  #expect(error.problems.first?.message.contains("distractors: retriever") == true)
}

@Test func aMisspeltDistractorSourceIsASpecErrorWithASuggestion() throws {
  let error = try #require(throws: SpecError.self) {
    try SpecLoader.parse(
      yaml: fileSpec(
        path: "x.jsonl", module: "{name: gold_position, total: [5], distractors: files}"))
  }
  #expect(error.problems.first?.keyPath == "module.distractors")
  #expect(error.problems.first?.message.contains("did you mean 'file'?") == true)
}

@Test func fileDistractorsIgnoreRetrievalDepthButRetrieverOnesStillNeedIt() throws {
  // retrieval_depth 3 cannot hold 19 retrieved distractors, but the file's ctxs are not retrieved.
  let file = fileSpec(
    path: "x.jsonl", module: "{name: gold_position, total: [20], distractors: file}")
  #expect(throws: Never.self) { try SpecLoader.parse(yaml: file) }
  let ranked = fileSpec(path: "x.jsonl", module: "{name: gold_position, total: [20]}")
  let error = try #require(throws: SpecError.self) { try SpecLoader.parse(yaml: ranked) }
  #expect(error.problems.map(\.keyPath) == ["module.total[0]"])
}

@Test func theDefaultDistractorSourceLeavesTheSpecHashOfEarlierSpecsUnchanged() throws {
  let module = "{name: gold_position, total: [3]}"
  let explicit = "{name: gold_position, total: [3], distractors: retriever}"
  let a = try SpecLoader.parse(yaml: fileSpec(path: "x.jsonl", module: module))
  let b = try SpecLoader.parse(yaml: fileSpec(path: "x.jsonl", module: explicit))
  #expect(a.hash == b.hash)
  let json = String(decoding: try SpecHash.canonicalJSON(a.spec), as: UTF8.self)
  #expect(!json.contains("distractors"))
  let file = try SpecLoader.parse(
    yaml: fileSpec(path: "x.jsonl", module: "{name: gold_position, total: [3], distractors: file}"))
  #expect(file.hash != a.hash)
}
