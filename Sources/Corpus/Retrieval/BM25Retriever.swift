import Store

/// BM25 over the dataset's SQLite FTS5 index (`bm25()`, k1 = 1.2, b = 0.75, title and text
/// weighted equally; Porter-stemmed, diacritics folded).
public struct BM25Retriever: Retriever {
  /// The corpus store with the dataset's index.
  public let store: CorpusStore
  /// The dataset searched.
  public let dataset: String

  /// A BM25 retriever over `dataset`.
  public init(store: CorpusStore, dataset: String) {
    self.store = store
    self.dataset = dataset
  }

  /// `bm25`.
  public var name: String { "bm25" }

  /// The name with FTS5's BM25 parameters and the index tokenizer: a change to either is a new key.
  public var cacheKey: String { "bm25(k1=1.2,b=0.75,tokenize=\(CorpusSchema.tokenizer))" }

  /// The top `depth` passages by BM25 score for the question's words (any word may match).
  public func retrieve(question: QuestionRecord, depth: Int) throws -> [ScoredPassage] {
    guard depth > 0, let match = Self.matchExpression(for: question.text) else { return [] }
    return try store.fullTextSearch(dataset: dataset, match: match, limit: depth)
  }

  /// An FTS5 query that searches every word of `text` as a plain term: each whitespace-separated
  /// word becomes a quoted string (`"` doubled) and the strings are joined by `OR`, so `AND`,
  /// `NOT`, `NEAR(`, `*`, `^`, `:`, quotes and parentheses are words, never operators.
  /// Words without a letter or digit (which the tokenizer would drop) are left out.
  /// - Returns: nil when nothing searchable remains.
  public static func matchExpression(for text: String) -> String? {
    var seen = Set<String>()
    let terms = text.split(whereSeparator: \.isWhitespace).compactMap { word -> String? in
      guard word.contains(where: { $0.isLetter || $0.isNumber }),
        seen.insert(word.lowercased()).inserted
      else { return nil }
      return "\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return terms.isEmpty ? nil : terms.joined(separator: " OR ")
  }
}
