import Store

/// Something that ranks a dataset's passages for a question (BM25, dense MiniLM, …).
public protocol Retriever: Sendable {
  /// Name used in specs (e.g. `bm25`).
  var name: String { get }

  /// Everything that changes a ranking besides the dataset and question: the name, scoring
  /// parameters and model weights (e.g. `bm25(k1=1.2,b=0.75)`, `dense@<encoder sha256>`). The
  /// ranking cache is keyed by it, so a changed weight file never reuses stale rankings.
  var cacheKey: String { get }

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

  /// The base retriever's name.
  public var name: String { base.name }

  /// The base retriever's cache key.
  public var cacheKey: String { base.cacheKey }

  /// The cached ranking, or `base`'s (then stored).
  public func retrieve(question: QuestionRecord, depth: Int) throws -> [ScoredPassage] {
    if let cached = try store.cachedRanking(
      dataset: dataset, retriever: cacheKey, questionID: question.id, depth: depth)
    {
      return cached
    }
    let ranking = try base.retrieve(question: question, depth: depth)
    try store.storeRanking(
      ranking, dataset: dataset, retriever: cacheKey, questionID: question.id, depth: depth)
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
        dataset: dataset, retriever: cacheKey, questionID: question.id, depth: depth)
      {
        rankings.append(cached)
      } else {
        let ranking = try base.retrieve(question: question, depth: depth)
        computed.append((question.id, ranking))
        rankings.append(ranking)
      }
      progress(rankings.count)
    }
    try store.storeRankings(computed, dataset: dataset, retriever: cacheKey, depth: depth)
    return rankings
  }
}
