import GRDB

/// One attention diagnostic of a trial: the mass its last prompt position puts on one passage
/// slot, averaged over heads and over the layers of one quarter of the model.
public struct AttentionMassRecord: Codable, Sendable, Equatable, FetchableRecord,
  PersistableRecord
{
  public static let databaseTableName = "attentionMass"
  /// The trial (set by `ResultsStore.record` when stored with a new trial).
  public var trialId: Int64
  /// The passage's 1-based position in the prompt.
  public var slot: Int
  /// The layer quarter, 1 (input side) … 4 (output side).
  public var quarter: Int
  /// Attention weight summed over the slot's tokens, averaged over heads and the quarter's layers.
  public var mass: Double

  /// Creates a row.
  public init(trialId: Int64 = 0, slot: Int, quarter: Int, mass: Double) {
    self.trialId = trialId
    self.slot = slot
    self.quarter = quarter
    self.mass = mass
  }
}
