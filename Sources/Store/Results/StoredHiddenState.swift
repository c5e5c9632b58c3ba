import Foundation

/// A stored hidden state with the trial it belongs to, as reports and clustering read it.
public struct StoredHiddenState: Sendable, Equatable {
  /// The trial's row id.
  public var trialId: Int64
  /// The trial's question.
  public var questionId: String
  /// The trial's condition.
  public var conditionId: Int64
  /// The layer in the engine's numbering.
  public var layer: Int
  /// The state, widened back from binary16.
  public var vector: [Float]

  /// Creates a stored state.
  public init(trialId: Int64, questionId: String, conditionId: Int64, layer: Int, vector: [Float]) {
    self.trialId = trialId
    self.questionId = questionId
    self.conditionId = conditionId
    self.layer = layer
    self.vector = vector
  }
}
