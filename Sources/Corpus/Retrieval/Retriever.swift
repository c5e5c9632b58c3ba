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

  /// Caches `base`'s rankings on `dataset` in `store`.
  public init(_ base: any Retriever, store: CorpusStore, dataset: String) {
    self.base = base
    self.store = store
    self.dataset = dataset
  }

  /// The base retriever's name (the cache key).
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

  /// Rankings for many questions: cached ones are read, the others computed by `base` and
  /// stored together in one transaction.
  /// - Parameter progress: called after each question with the number done so far.
  public func retrieveAll(
    _ questions: [QuestionRecord], depth: Int, progress: (Int) -> Void = { _ in }
  ) throws -> [[ScoredPassage]] {
    var rankings: [[ScoredPassage]] = []
    var computed: [(questionID: String, ranking: [ScoredPassage])] = []
    for question in questions {
      if let cached = try store.cachedRanking(
        dataset: dataset, retriever: name, questionID: question.id, depth: depth)
      {
        rankings.append(cached)
      } else {
        let ranking = try base.retrieve(question: question, depth: depth)
        computed.append((question.id, ranking))
        rankings.append(ranking)
      }
      progress(rankings.count)
    }
    try store.storeRankings(computed, dataset: dataset, retriever: name, depth: depth)
    return rankings
  }
}
