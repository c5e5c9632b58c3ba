/// One order of one question as the Stable-RAG analysis sees it: its stored answer and cost.
public struct OrderAnswer: Sendable, Equatable {
  /// The order's index in the experiment's order list (0 = the set's own, retrieval order).
  public var order: Int
  /// The greedy answer.
  public var answer: String
  /// Whether it is right by SubEM.
  public var correct: Bool
  /// Mean log-probability of the generated tokens (−∞ for an empty answer).
  public var meanLogprob: Double
  /// The first generated token, if any.
  public var firstToken: Int32?
  /// Prompt tokens of this order's prompt.
  public var promptTokens: Int
  /// Measured prefill seconds charged to this order in the shared walk.
  public var prefillSeconds: Double
  /// Measured decoding seconds.
  public var generateSeconds: Double
  /// The passages shown, in prompt order.
  public var passageIDs: [String]

  /// Creates an order answer.
  public init(
    order: Int, answer: String, correct: Bool, meanLogprob: Double, firstToken: Int32? = nil,
    promptTokens: Int = 0, prefillSeconds: Double = 0, generateSeconds: Double = 0,
    passageIDs: [String] = []
  ) {
    self.order = order
    self.answer = answer
    self.correct = correct
    self.meanLogprob = meanLogprob
    self.firstToken = firstToken
    self.promptTokens = promptTokens
    self.prefillSeconds = prefillSeconds
    self.generateSeconds = generateSeconds
    self.passageIDs = passageIDs
  }
}
