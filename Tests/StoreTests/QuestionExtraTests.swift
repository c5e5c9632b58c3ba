import GRDB
import Testing

@testable import Store

struct QuestionExtraTests {
  @Test func memoryAnswersRoundTripAndOtherQuestionsStoreNull() throws {
    let store = CorpusStore(try LabDatabase.inMemory())
    let source = DatasetSource(name: "kc", kind: "conflict", sourcePath: "x", checksum: "00")
    try store.importDataset(source) { writer in
      try writer.addPassage(id: "c0", title: "", text: "Griselda Blanco")
      try writer.addQuestion(
        id: "q0", text: "who?", answers: ["Griselda Blanco"], goldPassageIDs: ["c0"],
        memoryAnswers: ["Jeremy Johnson"])
      try writer.addQuestion(id: "q1", text: "what?", answers: ["x"], goldPassageIDs: [])
    }
    let questions = try store.questions(dataset: "kc")
    #expect(questions.map(\.memoryAnswers) == [["Jeremy Johnson"], []])
    let extras = try store.database.writer.read { db in
      try String?.fetchAll(db, sql: "SELECT extra FROM question ORDER BY id")
    }
    #expect(extras == [#"{"memory_answers":["Jeremy Johnson"]}"#, nil])
  }

  @Test func aRecordsCtxListRoundTripsInFileOrderWithItsFlags() throws {
    let store = CorpusStore(try LabDatabase.inMemory())
    let source = DatasetSource(name: "nq", kind: "litm", sourcePath: "x", checksum: "00")
    let contexts = [
      FileContext(id: "d1", hasAnswer: false, isGold: false),
      FileContext(id: "g", hasAnswer: true, isGold: true),
      FileContext(id: "d0"),
    ]
    try store.importDataset(source) { writer in
      for id in ["d1", "g", "d0"] { try writer.addPassage(id: id, title: "", text: id) }
      try writer.addQuestion(
        id: "q1", text: "who?", answers: ["a"], goldPassageIDs: ["g"], fileContexts: contexts)
      try writer.addQuestion(
        id: "q2", text: "none?", answers: ["a"], goldPassageIDs: [], fileContexts: [])
    }
    let questions = try store.questions(dataset: "nq")
    #expect(questions.map(\.fileContexts) == [contexts, []])
    let extras = try store.database.writer.read { db in
      try String?.fetchAll(db, sql: "SELECT extra FROM question ORDER BY id")
    }
    #expect(
      extras == [
        #"{"ctxs":[{"hasanswer":false,"id":"d1","isgold":false},{"hasanswer":true,"id":"g","isgold":true},{"id":"d0"}]}"#,
        #"{"ctxs":[]}"#,
      ])
  }

  @Test func aDatabaseFromBeforeTheExtraColumnGainsItAndKeepsItsQuestions() throws {
    let queue = try DatabaseQueue()
    try LabDatabase.migrator.migrate(queue, upTo: "corpus-v1")
    try queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO dataset (id, name, kind, source_path, checksum, imported_at)
            VALUES (1, 'old', 'squad', 'x', '00', '2024-01-01');
          INSERT INTO question (dataset_id, question_id, text, answers, gold_passage_ids)
            VALUES (1, 'q', 'who?', '["a"]', '[]');
          """)
    }
    try LabDatabase.migrator.migrate(queue)
    let store = CorpusStore(LabDatabase(writer: queue, path: ":memory:"))
    let questions = try store.questions(dataset: "old")
    #expect(questions.map(\.answers) == [["a"]])
    #expect(questions.map(\.memoryAnswers) == [[]])
    #expect(questions.map(\.fileContexts) == [nil])
  }
}
