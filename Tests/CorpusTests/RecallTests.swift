import Foundation
import Store
import Testing

@testable import Corpus

/// A retriever that returns a fixed ranking and counts its calls.
final class CountingRetriever: Retriever, @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0
  var calls: Int { lock.withLock { count } }
  let ranking: [ScoredPassage]
  init(_ ids: [String]) {
    ranking = ids.enumerated().map { ScoredPassage(passageID: $1, score: Double(-$0)) }
  }
  var name: String { "counting" }
  var cacheKey: String { "counting(fixed)" }
  func retrieve(question: QuestionRecord, depth: Int) throws -> [ScoredPassage] {
    lock.withLock { count += 1 }
    return Array(ranking.prefix(depth))
  }
}

struct RecallTests {
  private func store() throws -> CorpusStore {
    let folder = try DataFolder()
    let store = try makeStore()
    _ = try DatasetImporter.importDataset(
      format: .squad, path: try folder.write("dev.json", tinySQuAD),
      options: ImportOptions(name: "dev"), into: store)
    return store
  }

  @Test func recallCountsGoldPassagesWithinK() throws {
    let store = try store()
    let questions = try store.questions(dataset: "dev")  // gold 0-0, 0-0, 0-1, 1-0
    let ranking = ["0-1", "1-0", "0-0"].map { ScoredPassage(passageID: $0, score: 1) }
    let recall = try Recall.evaluate(
      questions.map { ($0, ranking) }, ks: [1, 2, 3], store: store, dataset: "dev")
    #expect(recall.map(\.hits) == [1, 2, 4])
    #expect(recall.map(\.total) == [4, 4, 4])
    #expect(recall[2].value == 1)
  }

  @Test func withoutGoldIdsAnAnswerStringInAPassageCounts() throws {
    let store = try store()
    let question = QuestionRecord(
      id: "n", text: "?", answers: ["the Carolina  Panthers!", "nowhere"], goldPassageIDs: [])
    let ranking = ["1-0", "0-0"].map { ScoredPassage(passageID: $0, score: 1) }
    let recall = try Recall.evaluate(
      [(question, ranking)], ks: [1, 2], store: store, dataset: "dev")
    #expect(recall.map(\.hits) == [0, 1])
    #expect(Recall.passage("The atomic number is 8.", containsAnswer: "8"))
    #expect(!Recall.passage("It has 88 keys.", containsAnswer: "8"))
    #expect(!Recall.passage("anything", containsAnswer: "the"))
  }

  @Test func cachedRetrieverComputesEachRankingOnce() throws {
    let store = try store()
    let base = CountingRetriever(["1-0", "0-0", "0-1"])
    let cached = CachedRetriever(base, store: store, dataset: "dev")
    let question = try store.questions(dataset: "dev")[0]
    let first = try cached.retrieve(question: question, depth: 3)
    let shallower = try cached.retrieve(question: question, depth: 2)
    #expect(base.calls == 1)
    #expect(shallower == Array(first.prefix(2)))
    _ = try cached.retrieve(question: question, depth: 5)
    #expect(base.calls == 2)
    #expect(cached.name == "counting")
  }
}

struct CachedRetrieverBatchTests {
  @Test func retrieveAllComputesOnlyTheMisses() throws {
    let folder = try DataFolder()
    let store = try makeStore()
    _ = try DatasetImporter.importDataset(
      format: .squad, path: try folder.write("dev.json", tinySQuAD),
      options: ImportOptions(name: "dev"), into: store)
    let base = CountingRetriever(["1-0", "0-0"])
    let cached = CachedRetriever(base, store: store, dataset: "dev")
    let questions = try store.questions(dataset: "dev")
    _ = try cached.retrieve(question: questions[1], depth: 2)
    var seen: [Int] = []
    let rankings = try cached.retrieveAll(questions, depth: 2) { seen.append($0) }
    #expect(base.calls == 4)
    #expect(seen == [1, 2, 3, 4])
    #expect(rankings.count == 4 && rankings.allSatisfy { $0.map(\.passageID) == ["1-0", "0-0"] })
    _ = try cached.retrieveAll(questions, depth: 1)
    #expect(base.calls == 4)
  }
}
