/// One question's trials across all conditions, for `raglab inspect`.
public struct QuestionInspection: Sendable, Equatable, Codable {
  /// One trial of the question under one condition.
  public struct Trial: Sendable, Equatable, Codable {
    /// The condition's knobs.
    public var keys: [ConditionKey]
    /// Passage ids in the order they appeared in the prompt.
    public var passageIDs: [String]
    /// The model's answer as generated.
    public var answer: String
    /// Metric name → score of this answer (`subem`, `em`, `f1`).
    public var metrics: [String: Double]

    /// Creates a trial view.
    public init(
      keys: [ConditionKey], passageIDs: [String], answer: String, metrics: [String: Double]
    ) {
      self.keys = keys
      self.passageIDs = passageIDs
      self.answer = answer
      self.metrics = metrics
    }
  }

  /// The experiment the trials belong to.
  public var experiment: String
  /// The question's id in its dataset.
  public var questionID: String
  /// The question text.
  public var question: String
  /// All gold answers.
  public var goldAnswers: [String]
  /// Ids of the gold passages, when the dataset names them.
  public var goldPassageIDs: [String]
  /// The trials, in condition order.
  public var trials: [Trial]

  /// Creates an inspection record.
  public init(
    experiment: String, questionID: String, question: String, goldAnswers: [String],
    goldPassageIDs: [String] = [], trials: [Trial]
  ) {
    self.experiment = experiment
    self.questionID = questionID
    self.question = question
    self.goldAnswers = goldAnswers
    self.goldPassageIDs = goldPassageIDs
    self.trials = trials
  }
}
