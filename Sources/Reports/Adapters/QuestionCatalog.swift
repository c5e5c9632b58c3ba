import Store

/// A question as the corpus stores it (text, gold answers, gold passage ids); the Store's record.
public typealias CatalogQuestion = QuestionRecord

/// What reports need from the corpus: question details and whether shown passages hold the answer.
///
/// The results tables store only question and passage ids; an implementation over the corpus
/// store (`CorpusStore.questions` + `Recall.isHit` of the Corpus target) is plugged in by the CLI.
/// Without one, reports leave recall@k and question text out.
public protocol QuestionCatalog: Sendable {
  /// The question `id` of `dataset`, or nil when the corpus does not have it.
  func question(dataset: String, id: String) throws -> CatalogQuestion?
  /// Whether `passageIDs` (the passages a trial showed) contain a gold passage or answer —
  /// for the passage-count module this is recall@k of the trial's retriever at its k.
  func isRecallHit(dataset: String, question: CatalogQuestion, passageIDs: [String]) throws -> Bool
  /// The passages `ids` of `dataset` in the order asked (missing ones left out).
  func passages(dataset: String, ids: [String]) throws -> [PassageRecord]
}

extension QuestionCatalog {
  /// No passage texts (a catalog that only knows questions).
  public func passages(dataset: String, ids: [String]) throws -> [PassageRecord] { [] }
}
