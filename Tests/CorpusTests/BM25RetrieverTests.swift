import Foundation
import Store
import Testing

@testable import Corpus

struct BM25RetrieverTests {
  private func squadStore() throws -> CorpusStore {
    let folder = try DataFolder()
    let store = try makeStore()
    _ = try DatasetImporter.importDataset(
      format: .squad, path: try folder.write("dev.json", tinySQuAD),
      options: ImportOptions(name: "dev"), into: store)
    return store
  }

  private func question(_ text: String) -> QuestionRecord {
    QuestionRecord(id: "x", text: text, answers: [], goldPassageIDs: [])
  }

  @Test func theObviouslyRelevantPassageRanksFirst() throws {
    let retriever = BM25Retriever(store: try squadStore(), dataset: "dev")
    let oxygen = try retriever.retrieve(question: question("atomic number of oxygen"), depth: 3)
    #expect(oxygen.first?.passageID == "1-0")
    let stadium = try retriever.retrieve(question: question("Which stadium hosted it?"), depth: 3)
    #expect(stadium.first?.passageID == "0-1")
    #expect(oxygen.map(\.score) == oxygen.map(\.score).sorted(by: >))
  }

  @Test(arguments: [
    "\"", "AND", "NEAR(", "*", "-", "((oxygen", "oxygen)", "NOT oxygen", "oxygen OR", "a:b",
    "^oxygen", "\"unbalanced oxygen", "NEAR(oxygen element, 2)", "oxygen*", "-oxygen", "{x}",
  ])
  func hostileQueriesAreSearchedAsWords(_ text: String) throws {
    let retriever = BM25Retriever(store: try squadStore(), dataset: "dev")
    let ranking = try retriever.retrieve(question: question(text), depth: 5)
    if text.lowercased().contains("oxygen") {
      #expect(ranking.first?.passageID == "1-0")
    }
  }

  @Test func questionsWithoutWordsRetrieveNothing() throws {
    let retriever = BM25Retriever(store: try squadStore(), dataset: "dev")
    #expect(try retriever.retrieve(question: question(""), depth: 5).isEmpty)
    #expect(try retriever.retrieve(question: question("  \" * - ( ) ^ "), depth: 5).isEmpty)
    #expect(try retriever.retrieve(question: question("oxygen"), depth: 0).isEmpty)
  }

  @Test func matchExpressionQuotesEveryWord() {
    #expect(
      BM25Retriever.matchExpression(for: #"say "hi" AND bye bye"#)
        == #""say" OR """hi""" OR "AND" OR "bye""#)
    #expect(BM25Retriever.matchExpression(for: " * ( ") == nil)
  }
}
