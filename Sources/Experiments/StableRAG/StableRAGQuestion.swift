/// One question of a `stable_rag` experiment: every order's answer, its clustering at each
/// captured layer, and what each method answers and costs.
public struct StableRAGQuestion: Sendable {
  /// The question's id.
  public let questionID: String
  /// Every order's answer, by increasing order index (index 0 = the set's own order).
  public let answers: [OrderAnswer]
  /// The clustering at each captured layer.
  public let layers: [Int: QuestionLayerAnalysis]
  /// The layer the methods read (the deepest captured).
  public let methodLayer: Int

  /// Analyses one question: `states[layer]` holds one state per order, in the order of `answers`.
  /// - Throws: `ClusteringError` for states the clustering refuses.
  public init(
    questionID: String, answers: [OrderAnswer], states: [Int: [[Float]]], knobs: StableRAGKnobs
  ) throws {
    self.questionID = questionID
    self.answers = answers
    var layers: [Int: QuestionLayerAnalysis] = [:]
    for (layer, rows) in states {
      layers[layer] = try QuestionLayerAnalysis(states: rows, answers: answers, knobs: knobs)
    }
    self.layers = layers
    methodLayer = states.keys.max() ?? 0
  }

  /// The clustering the methods read.
  public var method: QuestionLayerAnalysis? { layers[methodLayer] }
  /// Right under some orders and wrong under others.
  public var sensitive: Bool {
    answers.contains { $0.correct } && answers.contains { !$0.correct }
  }

  /// `vanilla`: order 0's answer is right.
  public var vanilla: Bool { answers.first?.correct ?? false }
  /// The row whose answer `stable_rag` returns (the winning cluster's representative).
  public var stableRow: Int? {
    guard let method else { return nil }
    return AnswerSelection.stableCluster(
      clusterSizes: method.sizes, representatives: method.representatives, answers: answers
    ).map { method.representatives[$0] }
  }
  /// `stable_rag`: the largest cluster's representative answered right.
  public var stableRAG: Bool { stableRow.map { answers[$0].correct } ?? false }
  /// `exhaustive_vote`: the most frequent normalised answer is right.
  public var exhaustiveVote: Bool {
    AnswerSelection.majority(answers).map { answers[$0].correct } ?? false
  }
  /// `oracle_order`: some order answered right.
  public var oracleOrder: Bool { answers.contains { $0.correct } }

  /// Seconds of one prompt prefilled alone: the first prompt of the shared walk, evaluated from
  /// scratch, is the one charged the most.
  var singlePrefillSeconds: Double { answers.map(\.prefillSeconds).max() ?? 0 }
  /// Seconds of the whole shared walk's prefill.
  var sharedPrefillSeconds: Double { answers.reduce(0) { $0 + $1.prefillSeconds } }

  /// What each method spends on this question: (prefills, decodes, seconds).
  public func cost(of method: StableRAGMethod) -> (prefills: Int, decodes: Int, seconds: Double) {
    let n = answers.count
    let decodeAll = answers.reduce(0) { $0 + $1.generateSeconds }
    switch method {
    case .vanilla:
      return (1, 1, singlePrefillSeconds + (answers.first?.generateSeconds ?? 0))
    case .stableRAG:
      let representatives = self.method?.representatives ?? []
      return (
        n, representatives.count,
        sharedPrefillSeconds + representatives.reduce(0) { $0 + answers[$1].generateSeconds }
      )
    case .exhaustiveVote, .oracleOrder:
      return (n, n, sharedPrefillSeconds + decodeAll)
    }
  }

  /// Whether `method` answered this question right.
  public func correct(_ method: StableRAGMethod) -> Bool {
    switch method {
    case .vanilla: vanilla
    case .stableRAG: stableRAG
    case .exhaustiveVote: exhaustiveVote
    case .oracleOrder: oracleOrder
    }
  }
}

/// The answering methods compared by a `stable_rag` experiment (`centre_token` is an agreement
/// rate, reported apart).
public enum StableRAGMethod: String, CaseIterable, Sendable {
  /// Order 0, one decode.
  case vanilla
  /// The largest cluster's representative.
  case stableRAG = "stable_rag"
  /// The most frequent normalised answer over every order.
  case exhaustiveVote = "exhaustive_vote"
  /// Right when any order is (an upper bound).
  case oracleOrder = "oracle_order"
}
