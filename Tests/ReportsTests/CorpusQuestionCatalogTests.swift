import Store
import Testing

@testable import Reports

/// A database with one SQuAD-like question (gold passage `p1`) and one question without gold ids.
func catalogDatabase() throws -> LabDatabase {
  let database = try LabDatabase.inMemory()
  _ = try CorpusStore(database).importDataset(
    DatasetSource(name: "mini", kind: "squad", sourcePath: "mini.json", checksum: "c")
  ) { writer in
    try writer.addPassage(id: "p1", title: "Denver", text: "The Denver Broncos won Super Bowl 50.")
    try writer.addPassage(id: "p2", title: "Carolina", text: "The Panthers lost.")
    try writer.addQuestion(
      id: "q1", text: "Who won Super Bowl 50?", answers: ["Denver Broncos"], goldPassageIDs: ["p1"])
    try writer.addQuestion(
      id: "q2", text: "Who lost?", answers: ["Panthers"], goldPassageIDs: [])
  }
  return database
}

@Test func catalogReadsQuestionsAndJudgesRecallByGoldIdOrAnswerText() throws {
  let catalog = CorpusQuestionCatalog(database: try catalogDatabase())
  let q1 = try #require(try catalog.question(dataset: "mini", id: "q1"))
  #expect(q1.text == "Who won Super Bowl 50?")
  #expect(q1.goldPassageIDs == ["p1"])
  #expect(try catalog.isRecallHit(dataset: "mini", question: q1, passageIDs: ["p2", "p1"]))
  #expect(try !catalog.isRecallHit(dataset: "mini", question: q1, passageIDs: ["p2"]))
  let q2 = try #require(try catalog.question(dataset: "mini", id: "q2"))
  #expect(try catalog.isRecallHit(dataset: "mini", question: q2, passageIDs: ["p2"]))
  #expect(try !catalog.isRecallHit(dataset: "mini", question: q2, passageIDs: ["p1"]))
}

@Test func catalogWithoutTheDatasetKnowsNoQuestions() throws {
  let catalog = CorpusQuestionCatalog(database: try catalogDatabase())
  #expect(try catalog.question(dataset: "absent", id: "q1") == nil)
}
