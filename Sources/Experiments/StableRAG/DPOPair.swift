/// Which of Stable-RAG's four preference rules a question fell under.
public enum DPORule: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
  /// Every cluster's answer is correct: no pair.
  case allCorrect = "all_correct"
  /// Some clusters right, some wrong: two pairs, most common correct answer over most common wrong.
  case someCorrect = "partially_correct"
  /// No cluster right but a gold answer occurs in the passages: gold over "I don't know.".
  case noneCorrectGoldPresent = "all_wrong_with_gold"
  /// No cluster right and no gold in the passages: "I don't know." over the dominant wrong answer.
  case noneCorrectGoldAbsent = "all_wrong_without_gold"
}

/// One preference pair in TRL's DPO format, with the order its prompt came from.
public struct DPOPair: Sendable, Equatable {
  /// The chat-formatted prompt.
  public var prompt: String
  /// The preferred completion.
  public var chosen: String
  /// The dispreferred completion.
  public var rejected: String
  /// Index of the order whose prompt this is (not written to the JSONL).
  public var promptOrder: Int

  /// Creates a pair.
  public init(prompt: String, chosen: String, rejected: String, promptOrder: Int) {
    self.prompt = prompt
    self.chosen = chosen
    self.rejected = rejected
    self.promptOrder = promptOrder
  }
}

/// The rule that fired for one question and the zero, one or two pairs it produced.
public struct DPOOutcome: Sendable, Equatable {
  /// The rule.
  public var rule: DPORule
  /// The pairs, in the published code's order.
  public var pairs: [DPOPair]
}
