/// What a `stable_rag` experiment shows beyond its order measures: the methods' accuracy and
/// cost, the clusters' number, and per captured layer the clusters' quality and how well the
/// prefill-only clustering predicts which questions are permutation-sensitive.
public struct StableRAGSummary: Sendable, Equatable, Codable {
  /// Questions with every order answered and every state stored.
  public var questions: Int
  /// Orders per question (n).
  public var orders: Int
  /// The layer the methods cluster (the deepest captured: the final-norm output when captured).
  public var methodLayer: Int
  /// Whether `methodLayer` is the final-norm output (blockCount + 1).
  public var methodLayerIsFinalNorm: Bool
  /// One row per method, in display order.
  public var methods: [StableRAGMethodResult]
  /// K per question at `methodLayer`, in question order.
  public var clusterCounts: [Int]
  /// Share of clusters whose centre's top token is the representative's first answer token, with
  /// its interval over questions; nil when the output head was not available.
  public var centreAgreement: Estimate?
  /// Clusters the agreement is over.
  public var centreClusters: Int
  /// Per captured layer, ascending.
  public var layers: [StableRAGLayerResult]
  /// DPO pairs by rule at `methodLayer` (rule name → questions), in the rules' order.
  public var dpoRules: [StableRAGRuleCount]
  /// Wall seconds the clustering of every question and layer took in this report.
  public var clusteringSeconds: Double

  /// Mean K at the method layer.
  public var meanK: Double {
    clusterCounts.isEmpty ? .nan : Double(clusterCounts.reduce(0, +)) / Double(clusterCounts.count)
  }
}

/// One method's accuracy with its interval over questions and what it costs per question.
public struct StableRAGMethodResult: Sendable, Equatable, Codable {
  /// `vanilla`, `stable_rag`, `exhaustive_vote`, `oracle_order`.
  public var name: String
  /// SubEM of the method's answer, mean over questions.
  public var accuracy: Estimate
  /// Questions.
  public var n: Int
  /// Prompts prefilled per question (shared prefixes evaluated once).
  public var prefills: Double
  /// Answers decoded per question.
  public var decodes: Double
  /// Measured seconds per question (prefill and decoding of the trials the method uses).
  public var seconds: Double
}

/// A captured layer's cluster quality and sensitivity prediction.
public struct StableRAGLayerResult: Sendable, Equatable, Codable {
  /// The layer (engine numbering).
  public var layer: Int
  /// Mean K.
  public var meanK: Double
  /// Purity of the clusters against answer correctness.
  public var purityCorrectness: Estimate
  /// Pair-counting F1 of the clusters against answer correctness.
  public var f1Correctness: Estimate
  /// Purity against the distinct normalised answers.
  public var purityAnswers: Estimate
  /// Pair-counting F1 against the distinct normalised answers.
  public var f1Answers: Estimate
  /// AUROC of each prefill-only score for "this question is permutation-sensitive".
  public var auroc: [StableRAGScoreAUROC]
}

/// The AUROC of one score with its bootstrap interval (nil when one class is empty).
public struct StableRAGScoreAUROC: Sendable, Equatable, Codable {
  /// `K`, `spread`, `silhouette`.
  public var score: String
  /// AUROC with its 95 % interval over questions.
  public var auroc: Estimate?
}

/// How many questions a DPO rule fired for and the pairs it made.
public struct StableRAGRuleCount: Sendable, Equatable, Codable {
  /// The rule's name.
  public var rule: String
  /// Questions.
  public var questions: Int
  /// Pairs written.
  public var pairs: Int
}
