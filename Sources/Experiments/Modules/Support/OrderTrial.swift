/// One question answered under one passage order: what the model said, whether it was right, and
/// where the gold passage sat.
public struct OrderTrial: Sendable, Equatable {
  /// The generated answer, as stored.
  public var answer: String
  /// Whether the answer is right (SubEM: a SQuAD-normalised gold answer is inside it).
  public var correct: Bool
  /// 1-based prompt position of the gold passage, or nil when no shown passage is gold.
  public var goldPosition: Int?

  /// Creates a trial.
  public init(answer: String, correct: Bool, goldPosition: Int? = nil) {
    self.answer = answer
    self.correct = correct
    self.goldPosition = goldPosition
  }
}
