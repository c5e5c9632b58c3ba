/// A question as the corpus stores it: text, gold answers and gold passages.
public struct CatalogQuestion: Sendable, Equatable {
  /// The dataset's question id.
  public var id: String
  /// Question text.
  public var text: String
  /// Every gold answer.
  public var answers: [String]
  /// Ids of the gold passages (empty when the dataset does not name them).
  public var goldPassageIDs: [String]

  /// Creates a catalog entry.
  public init(id: String, text: String, answers: [String], goldPassageIDs: [String]) {
    self.id = id
    self.text = text
    self.answers = answers
    self.goldPassageIDs = goldPassageIDs
  }
}

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
}
