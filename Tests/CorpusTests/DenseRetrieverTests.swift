import Experiments
import Foundation
import Inference
import Store
import Testing

@testable import Corpus

/// The installed all-MiniLM-L6-v2 (set up by `make quickstart`), loaded once.
let miniLM: Result<SentenceEncoder, any Error> = Result {
  try SentenceEncoder.load(
    directory: AssetPaths.require("models/all-MiniLM-L6-v2", what: "dense retriever model (MiniLM)")
  )
}

/// A store with dataset `para`: four passages on unrelated topics, worded unlike the questions.
func makeParaphraseStore() throws -> CorpusStore {
  let store = CorpusStore(try LabDatabase.inMemory())
  let source = DatasetSource(name: "para", kind: "test", sourcePath: "memory", checksum: "00")
  _ = try store.importDataset(source) { writer in
    try writer.addPassage(id: "cat", title: "", text: "The feline dozed on the sofa all afternoon.")
    try writer.addPassage(
      id: "market", title: "", text: "Equity prices tumbled after the central bank raised rates.")
    try writer.addPassage(
      id: "baking", title: "", text: "Combine flour, eggs and sugar, then put it in the oven.")
    try writer.addPassage(
      id: "volcano", title: "", text: "Eruptions can hurl ash high into the atmosphere.")
    try writer.addQuestion(
      id: "q1", text: "Where did the cat sleep?", answers: [], goldPassageIDs: ["cat"])
  }
  return store
}

@Test func denseRetrievalRanksTheParaphrasedPassageFirst() throws {
  let encoder = try miniLM.get()
  let store = try makeParaphraseStore()
  let retriever = try DenseRetriever.open(store: store, dataset: "para", encoder: encoder)
  #expect(retriever.passageIDs.count == 4)
  let cases = [
    ("Where did the cat sleep?", "cat"), ("Why did the stock market go down?", "market"),
    ("How do I bake a cake?", "baking"), ("What comes out of a volcano?", "volcano"),
  ]
  for (question, expected) in cases {
    let ranking = try retriever.retrieve(
      question: QuestionRecord(id: "x", text: question, answers: [], goldPassageIDs: []), depth: 4)
    #expect(ranking.first?.passageID == expected, "\(question) → \(ranking.map(\.passageID))")
    #expect(ranking.count == 4)
    #expect(zip(ranking, ranking.dropFirst()).allSatisfy { $0.score >= $1.score })
  }
}

@Test func denseIndexIsComputedOnceAndResumesMissingPassages() throws {
  let encoder = try miniLM.get()
  let store = try makeParaphraseStore()
  var calls: [(Int, Int)] = []
  let first = try DenseIndexBuilder.build(store: store, dataset: "para", encoder: encoder) {
    calls.append(($0, $1))
  }
  #expect(first.isComplete && first.storedCount == 4)
  #expect(calls.last.map { $0 == (4, 4) } == true)
  // A second build finds everything stored and embeds nothing.
  calls.removeAll()
  _ = try DenseIndexBuilder.build(store: store, dataset: "para", encoder: encoder) {
    calls.append(($0, $1))
  }
  #expect(calls.isEmpty)
  // Lose one vector (as if killed mid-build): only that passage is embedded again.
  try store.database.writer.write { db in
    try db.execute(
      sql:
        "DELETE FROM dense_embedding WHERE passage_rowid = (SELECT min(passage_rowid) FROM dense_embedding)"
    )
  }
  calls.removeAll()
  let resumed = try DenseIndexBuilder.build(store: store, dataset: "para", encoder: encoder) {
    calls.append(($0, $1))
  }
  #expect(resumed.isComplete && resumed.storedCount == 4)
  #expect(calls.last.map { $0 == (1, 1) } == true)
}

@Test func storedVectorsRoundTripAsFloat32Blobs() throws {
  let encoder = try miniLM.get()
  let store = try makeParaphraseStore()
  let index = try DenseIndexBuilder.build(store: store, dataset: "para", encoder: encoder)
  let loaded = try DenseStore(store).loadVectors(indexID: index.id, dimension: 384)
  let passages = try store.allPassages(dataset: "para")
  let direct = encoder.encode(passages.map(DenseIndexBuilder.embeddedText))
  #expect(loaded.passageIDs == passages.map(\.id))
  // Batches are composed differently here than in the builder, and BLAS sums depend on the
  // matrix shape, so the comparison allows float rounding; the BLOB round trip itself is exact.
  let expected = direct.flatMap { $0 }
  #expect(loaded.matrix.count == expected.count)
  let worst = zip(loaded.matrix, expected).map { abs($0 - $1) }.max() ?? .infinity
  #expect(worst < 1e-5)
}

@Test func embeddingMatrixReturnsTopKByDotProduct() {
  let m = EmbeddingMatrix(values: [1, 0, 0, 1, 0.6, 0.8, -1, 0], dimension: 2)
  let best = m.nearest([0.8, 0.6], k: 3)
  #expect(best.map(\.row) == [2, 0, 1])
  #expect(abs(best[0].score - 0.96) < 1e-6)
  #expect(m.nearest([1, 0], k: 10).count == 4)
}
