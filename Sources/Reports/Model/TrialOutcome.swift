/// One stored trial as the trial-level figures and tables see it: which condition and question,
/// what was answered, whether it was right, and where the gold passage sat.
public struct TrialOutcome: Sendable, Equatable, Codable {
  /// Index of the trial's condition in `ExperimentSummary.conditions`.
  public var condition: Int
  /// The question's id in the dataset.
  public var questionID: String
  /// The generated answer, as stored.
  public var answer: String
  /// Whether the answer is right (`subem` is 1).
  public var correct: Bool
  /// Every numeric score stored for the trial (`subem`, `em`, `f1`, …).
  public var metrics: [String: Double]
  /// 1-based prompt position of the first gold passage shown, or nil when none is shown (or the
  /// question's gold passage ids are unknown).
  public var goldPosition: Int?

  /// Creates an outcome.
  public init(
    condition: Int, questionID: String, answer: String, correct: Bool, goldPosition: Int? = nil,
    metrics: [String: Double] = [:]
  ) {
    self.condition = condition
    self.questionID = questionID
    self.answer = answer
    self.correct = correct
    self.goldPosition = goldPosition
    self.metrics = metrics
  }
}
