import Foundation
import Testing

@testable import Store

struct CorpusStoreQueryTests {
  @Test func questionsComeInImportOrderWithTheirAnswersAndGold() throws {
    let store = try makeTinyStore()
    let questions = try store.questions(dataset: "tiny", limit: 3)
    #expect(questions.map(\.id) == ["q0", "q1", "q2"])
    #expect(questions[1].answers == ["a1", "b1"])
    #expect(questions[2].goldPassageIDs == ["p2"])
    #expect(try store.questions(dataset: "tiny").count == 10)
  }

  @Test func seededSampleIsStableAndGrowsByPrefix() throws {
    let store = try makeTinyStore()
    let four = try store.questions(dataset: "tiny", limit: 4, seed: 7).map(\.id)
    let again = try store.questions(dataset: "tiny", limit: 4, seed: 7).map(\.id)
    let six = try store.questions(dataset: "tiny", limit: 6, seed: 7).map(\.id)
    let other = try store.questions(dataset: "tiny", limit: 10, seed: 8).map(\.id)
    #expect(four == again)
    #expect(Array(six.prefix(4)) == four)
    #expect(Set(six).count == 6)
    #expect(Set(other) == Set((0..<10).map { "q\($0)" }))
    #expect(other != (0..<10).map { "q\($0)" })
  }

  @Test func passagesComeBackInTheOrderAsked() throws {
    let store = try makeTinyStore()
    let passages = try store.passages(dataset: "tiny", ids: ["p2", "p0"])
    #expect(passages.map(\.id) == ["p2", "p0"])
    #expect(passages[0].title == "Fish")
    #expect(try store.allPassages(dataset: "tiny").map(\.id) == ["p0", "p1", "p2"])
  }

  @Test func unknownPassageOrDatasetIsANamedError() throws {
    let store = try makeTinyStore()
    let missing = #expect(throws: StoreError.self) {
      try store.passages(dataset: "tiny", ids: ["p0", "nope"])
    }
    #expect(missing?.message.contains("nope") == true)
    let unknown = #expect(throws: StoreError.self) { try store.questions(dataset: "squad") }
    #expect(unknown?.message.contains("no dataset named 'squad'") == true)
    #expect(unknown?.message.contains("tiny") == true)
  }

  @Test func fullTextSearchRanksByBM25WithStemming() throws {
    let store = try makeTinyStore()
    let hits = try store.fullTextSearch(
      dataset: "tiny", match: "\"barking\" OR \"dogs\"", limit: 5)
    #expect(hits.first?.passageID == "p1")
    #expect(hits.count == 1)
    #expect(hits[0].score > 0)
  }

  @Test func cachedRankingIsServedForAnyShallowerDepth() throws {
    let store = try makeTinyStore()
    let ranking = [
      ScoredPassage(passageID: "p1", score: 3), ScoredPassage(passageID: "p0", score: 2),
      ScoredPassage(passageID: "p2", score: 1),
    ]
    func cached(_ retriever: String, depth: Int) throws -> [ScoredPassage]? {
      try store.cachedRanking(dataset: "tiny", retriever: retriever, questionID: "q0", depth: depth)
    }
    #expect(try cached("r", depth: 2) == nil)
    try store.storeRanking(ranking, dataset: "tiny", retriever: "r", questionID: "q0", depth: 3)
    #expect(try cached("r", depth: 2) == Array(ranking.prefix(2)))
    #expect(try cached("r", depth: 4) == nil)
    #expect(try cached("s", depth: 1) == nil)
    #expect(try store.clearRankings(dataset: "tiny", retriever: "r") == 1)
    #expect(try cached("r", depth: 1) == nil)
  }
}
