import Foundation
import GRDB

/// The last prompt token's hidden state at one layer for one trial, stored as binary16.
public struct HiddenStateRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "hiddenState"
  /// The trial (set by `ResultsStore.record` when stored with a new trial).
  public var trialId: Int64
  /// The layer in the engine's numbering (0 = embeddings, L = after block L, blocks + 1 = final norm).
  public var layer: Int
  /// Number of values in the vector.
  public var dim: Int
  /// The vector as little-endian binary16 (`Binary16`: rounded to nearest, saturating at ±65504).
  public var state: Data

  /// A row holding `vector` (rounded to binary16) for `layer`.
  public init(trialId: Int64 = 0, layer: Int, vector: [Float]) {
    self.trialId = trialId
    self.layer = layer
    dim = vector.count
    state = Binary16.encode(vector)
  }

  /// Rows for a trial's states, by layer; empty for nil.
  public static func rows(_ states: [Int: [Float]]?) -> [HiddenStateRecord] {
    (states ?? [:]).sorted { $0.key < $1.key }.map {
      HiddenStateRecord(layer: $0.key, vector: $0.value)
    }
  }
}
