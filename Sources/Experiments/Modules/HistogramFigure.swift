/// A per-question measure over the trials of one question and passage set (definitions in
/// docs/experiments.md, "Permutation measures"; computed by `QuestionOrderMeasures`).
public enum QuestionMeasure: String, Codable, Sendable, Equatable {
  /// c / n: share of the set's orders answered right (bins of width 0.1 over [0, 1]).
  case accuracyOverOrders = "accuracy_over_orders"
  /// d: distinct SQuAD-normalised answers (one bar per whole number from 1).
  case distinctAnswers = "distinct_answers"
}

/// A histogram of one per-question measure: one value per (question, passage set), where a passage
/// set is the trials of the conditions that share the values of `setKeys` (e.g. one retriever's
/// orders of a question's passages).
public struct HistogramFigure: Codable, Sendable, Equatable {
  /// File name stem of the `.gp`, `.dat`, `.png` and `.svg` files.
  public var stem: String
  /// The question the figure answers, as its title.
  public var title: String
  /// x-axis label with units.
  public var xLabel: String
  /// The measure counted.
  public var measure: QuestionMeasure
  /// The condition keys whose values tell passage sets apart (e.g. `retriever`).
  public var setKeys: [String]

  /// Creates a histogram figure.
  public init(
    stem: String, title: String, xLabel: String, measure: QuestionMeasure, setKeys: [String]
  ) {
    self.stem = stem
    self.title = title
    self.xLabel = xLabel
    self.measure = measure
    self.setKeys = setKeys
  }
}
