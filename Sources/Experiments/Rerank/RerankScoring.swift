/// Re-ranking scores for a module: the pass of a model strategy over one question's passages.
public protocol RerankScoring: AnyObject {
  /// One score per passage of `passages` (in that order, higher = more relevant) from `strategy`.
  func scores(strategy: String, question: Question, passages: [Passage]) throws -> [Double]
}
