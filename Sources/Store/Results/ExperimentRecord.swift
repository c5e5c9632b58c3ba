import Foundation
import GRDB

/// One run of one spec on one model and dataset: its identity and provenance.
public struct ExperimentRecord: Codable, Sendable, Equatable, FetchableRecord,
  MutablePersistableRecord
{
  public static let databaseTableName = "experiment"
  /// Row id (nil before insertion).
  public var id: Int64?
  /// The spec's name.
  public var name: String
  /// The spec file's text as run.
  public var specYAML: String
  /// sha256 of the canonical spec encoding.
  public var specHash: String
  /// sha256 of the model file.
  public var modelSHA256: String
  /// Checksum of the dataset.
  public var dataChecksum: String
  /// `git rev-parse HEAD` of the raglab checkout, or "unknown".
  public var gitCommit: String
  /// raglab's version string.
  public var raglabVersion: String
  /// When the experiment was first started.
  public var startedAt: Date
  /// When every trial was done (nil while incomplete).
  public var finishedAt: Date?
  /// The spec's module name, stored so reports never re-validate old YAML (nil before results-v2).
  public var module: String?
  /// The spec's dataset name, stored for the same reason (nil before results-v2).
  public var datasetName: String?
  /// The run's provenance (engine and dependency versions, threads, machine) as JSON.
  public var provenanceJSON: String?

  /// Creates a record for insertion.
  public init(
    id: Int64? = nil, name: String, specYAML: String, specHash: String, modelSHA256: String,
    dataChecksum: String, gitCommit: String, raglabVersion: String, startedAt: Date = Date(),
    finishedAt: Date? = nil, module: String? = nil, datasetName: String? = nil,
    provenanceJSON: String? = nil
  ) {
    self.id = id
    self.name = name
    self.specYAML = specYAML
    self.specHash = specHash
    self.modelSHA256 = modelSHA256
    self.dataChecksum = dataChecksum
    self.gitCommit = gitCommit
    self.raglabVersion = raglabVersion
    self.startedAt = startedAt
    self.finishedAt = finishedAt
    self.module = module
    self.datasetName = datasetName
    self.provenanceJSON = provenanceJSON
  }

  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One cell of an experiment's design, e.g. `{"k":4,"retriever":"bm25"}`.
public struct ConditionRecord: Codable, Sendable, Equatable, FetchableRecord,
  MutablePersistableRecord
{
  public static let databaseTableName = "condition"
  /// Row id (nil before insertion).
  public var id: Int64?
  /// The experiment it belongs to.
  public var experimentId: Int64
  /// The condition's knobs as JSON with sorted keys.
  public var keysJSON: String
  /// Display order within the experiment.
  public var position: Int

  /// Creates a record for insertion.
  public init(id: Int64? = nil, experimentId: Int64, keysJSON: String, position: Int) {
    self.id = id
    self.experimentId = experimentId
    self.keysJSON = keysJSON
    self.position = position
  }

  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
