import GRDB

/// One re-ranking pass of a model strategy over a question's passages: their scores (retrieval
/// order, higher = more relevant) and the pass's cost.
public struct RerankPassRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "rerankPass"
  /// Row id (nil before insert).
  public var id: Int64?
  /// The experiment.
  public var experimentId: Int64
  /// The question.
  public var questionId: String
  /// The strategy that scored (`attention`, `first_token`).
  public var strategy: String
  /// The scored passages' ids as a JSON array, in the order scored (retrieval order).
  public var passageIdsJSON: String
  /// One score per passage as a JSON array.
  public var scoresJSON: String
  /// Prompt tokens the pass evaluated.
  public var promptTokens: Int
  /// Wall-clock seconds of the pass.
  public var seconds: Double

  /// Creates a row.
  public init(
    id: Int64? = nil, experimentId: Int64, questionId: String, strategy: String,
    passageIdsJSON: String, scoresJSON: String, promptTokens: Int, seconds: Double
  ) {
    self.id = id
    self.experimentId = experimentId
    self.questionId = questionId
    self.strategy = strategy
    self.passageIdsJSON = passageIdsJSON
    self.scoresJSON = scoresJSON
    self.promptTokens = promptTokens
    self.seconds = seconds
  }
}

/// What one model strategy's re-ranking passes cost over an experiment.
public struct RerankCostRecord: Codable, Sendable, Equatable {
  /// The strategy (`attention`, `first_token`).
  public var strategy: String
  /// Passes stored.
  public var passes: Int
  /// Prompt tokens over all passes.
  public var promptTokens: Int
  /// Seconds over all passes.
  public var seconds: Double

  /// Creates a cost row.
  public init(strategy: String, passes: Int, promptTokens: Int, seconds: Double) {
    self.strategy = strategy
    self.passes = passes
    self.promptTokens = promptTokens
    self.seconds = seconds
  }
}
