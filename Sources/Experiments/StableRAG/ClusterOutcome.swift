/// One cluster of a question's orders after representative decoding, as the DPO rules read it.
public struct ClusterOutcome: Sendable, Equatable {
  /// Number of orders in the cluster (at least 1).
  public var size: Int
  /// Index of the order whose prompt a pair built from this cluster shows. The published code uses
  /// the cluster's first member in the run's order enumeration (`order[0]`), not its representative.
  public var promptOrder: Int
  /// The chat-formatted prompt of `promptOrder` (system turn, user turn, generation prompt).
  public var prompt: String
  /// The answer decoded from the cluster's representative, exactly as decoded.
  public var answer: String

  /// Creates a cluster outcome.
  public init(size: Int, promptOrder: Int, prompt: String, answer: String) {
    self.size = size
    self.promptOrder = promptOrder
    self.prompt = prompt
    self.answer = answer
  }
}

/// One question's outcome: what the DPO rules need to label its clusters and build pairs.
public struct QuestionOutcome: Sendable, Equatable {
  /// The gold answers, in dataset order (the first one found in the passages is the "chosen" of
  /// rule noneCorrectGoldPresent).
  public var golds: [String]
  /// The passages shown (any order: only their joined text is searched).
  public var passages: [String]
  /// The clusters in cluster-id order; ties between answers go to the one seen first here.
  public var clusters: [ClusterOutcome]

  /// Creates a question outcome.
  public init(golds: [String], passages: [String], clusters: [ClusterOutcome]) {
    self.golds = golds
    self.passages = passages
    self.clusters = clusters
  }
}
