import Foundation
import Inference
import Store
import Testing

@testable import Corpus

/// A retriever with a fixed answer and a chosen cache key, to watch what the cache serves.
private struct FixedRetriever: Retriever {
  let name = "fixed"
  let cacheKey: String
  let ranking: [ScoredPassage]

  func retrieve(question: QuestionRecord, depth: Int) throws -> [ScoredPassage] { ranking }
}

@Test func aRetrieverWithTheSameNameButAnotherCacheKeyIsNotServedTheOldRanking() throws {
  let store = try makeParaphraseStore()
  let question = QuestionRecord(
    id: "q1", text: "Where did the cat sleep?", answers: [], goldPassageIDs: [])
  let old = FixedRetriever(
    cacheKey: "fixed@weights-1", ranking: [ScoredPassage(passageID: "cat", score: 1)])
  let new = FixedRetriever(
    cacheKey: "fixed@weights-2", ranking: [ScoredPassage(passageID: "volcano", score: 1)])
  let first = try CachedRetriever(old, store: store, dataset: "para").retrieve(
    question: question, depth: 2)
  #expect(first.map(\.passageID) == ["cat"])
  let second = try CachedRetriever(new, store: store, dataset: "para").retrieve(
    question: question, depth: 2)
  #expect(second.map(\.passageID) == ["volcano"])
  // The old key still serves its own ranking from the cache.
  let again = try CachedRetriever(old, store: store, dataset: "para").retrieve(
    question: question, depth: 1)
  #expect(again.map(\.passageID) == ["cat"])
}

@Test func bm25CacheKeyNamesItsParametersAndTokenizer() throws {
  let key = BM25Retriever(store: try makeParaphraseStore(), dataset: "para").cacheKey
  #expect(key == "bm25(k1=1.2,b=0.75,tokenize=porter unicode61 remove_diacritics 2)")
}

@Test func aChangedMiniLMWeightFileGivesADenseRetrieverAnotherCacheKey() throws {
  let installed = try miniLM.get()
  let source = URL(fileURLWithPath: installed.directory)
  let copy = FileManager.default.temporaryDirectory.appendingPathComponent(
    "raglab-minilm-\(UUID().uuidString)")
  defer { try? FileManager.default.removeItem(at: copy) }
  try FileManager.default.copyItem(at: source, to: copy)
  // Change the last byte of the weights (inside the last tensor's data): same shapes, new file.
  let weights = copy.appendingPathComponent("model.safetensors")
  let handle = try FileHandle(forUpdating: weights)
  let size = try handle.seekToEnd()
  try handle.seek(toOffset: size - 1)
  let last = try #require(try handle.read(upToCount: 1)).first ?? 0
  try handle.seek(toOffset: size - 1)
  try handle.write(contentsOf: Data([last ^ 0x01]))
  try handle.close()
  let changed = try SentenceEncoder.load(directory: copy.path)
  let store = try makeParaphraseStore()
  let a = try DenseRetriever.open(store: store, dataset: "para", encoder: installed)
  let b = try DenseRetriever.open(store: store, dataset: "para", encoder: changed)
  #expect(a.name == b.name)
  #expect(a.cacheKey != b.cacheKey)
  #expect(a.cacheKey.hasSuffix(try installed.fileSHA256()))
  #expect(b.cacheKey.hasSuffix(try SHA256.hex(ofFile: weights.path)))
}
