import Foundation
import Store
import Testing

@testable import Experiments

/// c0 is the counterfactual context (substituted answer Mason Plumlee, original Dilip Kumar);
/// c1 mentions the original and c2 the substituted answer; c3…c9 mention neither.
private let corpus: [Passage] =
  [
    Passage(id: "c0", title: "Mason Plumlee", text: "Mason Plumlee as Salim, Madhubala as Nadira."),
    Passage(id: "c1", title: "T1", text: "Dilip Kumar starred in many films."),
    Passage(id: "c2", title: "T2", text: "Mason Plumlee plays basketball."),
  ] + (3..<10).map { Passage(id: "c\($0)", title: "T\($0)", text: "Text of context \($0).") }

private let question = Question(
  id: "q1", text: "who played salim?", answers: ["Mason Plumlee"], goldPassageIDs: ["c0"],
  memoryAnswers: ["Dilip Kumar"])

private func context(_ q: Question = question, seed: UInt64 = 1) -> QuestionContext {
  QuestionContext(
    question: q, depth: 10, rankers: FixedCorpus(passages: corpus).rankers,
    corpus: FixedCorpus(passages: corpus), seed: seed)
}

private func spec(_ module: String, dataset: String = "{name: kc, format: conflict, path: none}")
  -> String
{
  """
  name: kc
  dataset: \(dataset)
  retrievers: [bm25]
  retrieval_depth: 10
  module: \(module)
  """
}

private func module(_ yaml: String) throws -> any ExperimentModule {
  try ModuleRegistry.module(for: try SpecLoader.parse(yaml: spec(yaml)).spec)
}

private func ids(_ passages: [Passage]) -> [String] { passages.map(\.id) }

private func classify(_ reply: String, _ context: [String], _ memory: [String]) -> ConflictAnswer {
  ConflictAnswer.classify(reply, contextAnswers: context, memoryAnswers: memory)
}

@Test func repliesAreClassifiedByWhichAnswerTheyContainWithBothCountedAsOther() {
  let sub = ["Griselda Blanco"]
  let orig = ["Jeremy Johnson"]
  #expect(classify("Griselda Blanco", sub, orig) == .context)
  // SQuAD normalisation: case, punctuation and articles do not matter; only the first line counts.
  #expect(classify("She likes GRISELDA BLANCO!", sub, orig) == .context)
  #expect(classify("jeremy johnson.\nGriselda Blanco", sub, orig) == .memory)
  #expect(classify("Phineas", sub, orig) == .other)
  #expect(classify("", sub, orig) == .other)
  #expect(classify("Griselda Blanco or Jeremy Johnson", sub, orig) == .other)
  // A match inside a longer matched answer of the other side does not count.
  #expect(classify("Paul Otlet", ["Paul Otlet"], ["Paul"]) == .context)
  #expect(classify("Paul", ["Paul Otlet"], ["Paul"]) == .memory)
  #expect(classify("Steve Young", ["Steve"], ["Steve Young"]) == .memory)
  #expect(
    ConflictAnswer.metrics("Jeremy Johnson", contextAnswers: sub, memoryAnswers: orig)
      == ["context": 0, "memory": 1, "other": 0])
}

@Test func theContextSitsAtEachPositionAmongDistractorsWithNeitherAnswer() throws {
  let m = try module("{name: conflict, total: [4], positions: all}")
  let conditions = try m.conditions()
  #expect(conditions.count == 5)
  #expect(conditions[0].keysJSON == #"{"context_position":1,"retriever":"bm25","total":4}"#)
  #expect(conditions[4].keysJSON == #"{"baseline":"closed_book"}"#)
  #expect(conditions[4].retriever == nil)
  let shown = try conditions.prefix(4).map { ids(try m.passages(for: $0, context: context())) }
  // c1 holds the original answer and c2 the substituted one: neither may be a distractor.
  #expect(
    shown == [
      ["c0", "c3", "c4", "c5"], ["c3", "c0", "c4", "c5"], ["c3", "c4", "c0", "c5"],
      ["c3", "c4", "c5", "c0"],
    ])
  #expect(try m.passages(for: conditions[4], context: context()).isEmpty)
}

@Test func randomDistractorsNeverContainEitherAnswer() throws {
  let m = try module(
    "{name: conflict, total: [8], positions: [1, 8], distractor_order: random, baselines: false}")
  for seed in UInt64(1)...20 {
    for condition in try m.conditions() {
      let shown = try m.passages(for: condition, context: context(seed: seed))
      #expect(shown.count == 8)
      #expect(shown.filter { $0.id != "c0" }.allSatisfy { !$0.text.contains("Plumlee") })
      #expect(shown.allSatisfy { !$0.text.contains("Dilip") })
    }
  }
}

@Test func questionsWithoutAnOriginalAnswerOrEnoughDistractorsAreSkipped() throws {
  let m = try module("{name: conflict, total: [9], positions: [1]}")
  let conditions = try m.conditions()
  let tooFew = try #require(throws: ModuleSkip.self) {
    try m.passages(for: conditions[0], context: context())
  }
  // Ten ranked minus the context and the two answer-bearing contexts leave 7; 8 are needed.
  #expect(tooFew.reason == "7 distractors without either answer in the top 10 of bm25, 8 needed")
  var plain = question
  plain.memoryAnswers = []
  for condition in conditions {
    let skip = try #require(throws: ModuleSkip.self) {
      try m.passages(for: condition, context: context(plain))
    }
    #expect(skip.reason.hasPrefix("the example has no original answer"))
  }
}

@Test func aConflictModuleOnADatasetWithoutConflictFieldsIsASpecError() throws {
  for (dataset, line, found) in [
    ("{name: squad-dev, format: squad, path: none}", 2, "dataset.format is squad,"),
    ("{name: squad-dev, path: none}", 2, "dataset.format is squad (the default)"),
  ] {
    let error = try #require(throws: SpecError.self) {
      try SpecLoader.parse(
        yaml: spec("{name: conflict, total: [5], positions: [1, 6]}", dataset: dataset))
    }
    let byPath = Dictionary(error.problems.map { ($0.keyPath, $0) }) { a, _ in a }
    let problem = try #require(byPath["dataset.format"])
    #expect(problem.line == line)
    #expect(problem.message.contains(found))
    #expect(problem.message.contains("set `format: conflict`"))
    #expect(byPath["module.positions[1]"]?.message.contains("beyond total 5") == true)
  }
  #expect(throws: Never.self) {
    try SpecLoader.parse(yaml: spec("{name: conflict, total: [5]}"))
  }
}

@Test func everyTrialStoresTheThreeAnswerClassesFreshOrFromTheCache() throws {
  let store = ResultsStore(database: try LabDatabase.inMemory())
  let inputs = ExperimentInputs(
    questions: [question], dataChecksum: "x", rankers: FixedCorpus(passages: corpus).rankers,
    corpus: FixedCorpus(passages: corpus))
  var firstRun: [String] = []
  for name in ["kc-fresh", "kc-cached"] {
    let loaded = try SpecLoader.parse(
      yaml: spec("{name: conflict, total: [3], positions: [1, 3]}").replacingOccurrences(
        of: "name: kc\n", with: "name: \(name)\n"))
    let summary = try ExperimentRunner(
      loaded: loaded, inputs: inputs, generator: FakeGenerator(), store: store
    ).run()
    #expect(summary.trialsFromCache == (name == "kc-cached" ? 3 : 0))
    let metrics = try store.trials(experimentId: summary.experimentId, questionId: "q1").map(
      \.metricsJSON)
    if firstRun.isEmpty { firstRun = metrics }
    #expect(metrics == firstRun)
  }
  // The fake answers the first passage's title: the context's title at position 1, a
  // distractor's at position 3, "unknown" closed-book.
  #expect(
    firstRun == [
      #"{"context":1,"em":1,"f1":1,"matcher":"substring-normalized-firstline","memory":0,"other":0,"subem":1}"#,
      #"{"context":0,"em":0,"f1":0,"matcher":"substring-normalized-firstline","memory":0,"other":1,"subem":0}"#,
      #"{"context":0,"em":0,"f1":0,"matcher":"substring-normalized-firstline","memory":0,"other":1,"subem":0}"#,
    ])
}
