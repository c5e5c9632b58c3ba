import Store

/// Something that ranks a dataset's passages for a question (BM25, dense MiniLM, …).
public protocol Retriever: Sendable {
  /// Name used in specs and as the cache key (e.g. `bm25`); change it when the ranking changes.
  var name: String { get }

  /// The best `depth` passages for `question`, best first (fewer when the corpus has fewer
  /// matches; none for a question with no searchable words).
  func retrieve(question: QuestionRecord, depth: Int) throws -> [ScoredPassage]
}

/// A retriever whose rankings are cached in the store per (dataset, retriever, question, depth);
/// a cached ranking at least as deep as asked is cut, not recomputed.
public struct CachedRetriever: Retriever {
  /// The retriever that computes rankings on a miss.
  public let base: any Retriever
  /// Where rankings are cached.
  public let store: CorpusStore
  /// The dataset `base` searches.
  public let dataset: String

  public init(_ base: any Retriever, store: CorpusStore, dataset: String) {
    self.base = base
    self.store = store
    self.dataset = dataset
  }

  public var name: String { base.name }

  /// The cached ranking, or `base`'s (then stored).
  public func retrieve(question: QuestionRecord, depth: Int) throws -> [ScoredPassage] {
    if let cached = try store.cachedRanking(
      dataset: dataset, retriever: name, questionID: question.id, depth: depth)
    {
      return cached
    }
    let ranking = try base.retrieve(question: question, depth: depth)
    try store.storeRanking(
      ranking, dataset: dataset, retriever: name, questionID: question.id, depth: depth)
    return ranking
  }
}
