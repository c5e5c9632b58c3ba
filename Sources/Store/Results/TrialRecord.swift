import Foundation
import GRDB

/// One question answered under one condition: what was shown, what came back, how it scored.
public struct TrialRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "trial"
  /// Row id (nil before insertion).
  public var id: Int64?
  /// The experiment.
  public var experimentId: Int64
  /// The condition.
  public var conditionId: Int64
  /// The question's id in the dataset.
  public var questionId: String
  /// Passage ids in prompt order, as a JSON array.
  public var passageIdsJSON: String
  /// sha256 of the prompt segments.
  public var promptHash: String
  /// Tokens in the prompt.
  public var promptTokenCount: Int
  /// The generated answer text.
  public var answer: String
  /// Generated token ids, as a JSON array.
  public var outputTokensJSON: String
  /// Log-probability of each generated token, as a JSON array.
  public var logprobsJSON: String
  /// Scores as JSON (`em`, `f1`, `subem`, `matcher`).
  public var metricsJSON: String
  /// Seconds spent evaluating prompt tokens for this trial (shared prefixes count once).
  public var prefillSeconds: Double
  /// Seconds spent generating.
  public var generateSeconds: Double
  /// True when the answer came from the generation cache.
  public var fromCache: Bool
  /// When the trial was recorded.
  public var createdAt: Date

  /// Creates a record for insertion.
  public init(
    id: Int64? = nil, experimentId: Int64, conditionId: Int64, questionId: String,
    passageIdsJSON: String,
    promptHash: String, promptTokenCount: Int, answer: String, outputTokensJSON: String,
    logprobsJSON: String,
    metricsJSON: String, prefillSeconds: Double, generateSeconds: Double, fromCache: Bool,
    createdAt: Date = Date()
  ) {
    self.id = id
    self.experimentId = experimentId
    self.conditionId = conditionId
    self.questionId = questionId
    self.passageIdsJSON = passageIdsJSON
    self.promptHash = promptHash
    self.promptTokenCount = promptTokenCount
    self.answer = answer
    self.outputTokensJSON = outputTokensJSON
    self.logprobsJSON = logprobsJSON
    self.metricsJSON = metricsJSON
    self.prefillSeconds = prefillSeconds
    self.generateSeconds = generateSeconds
    self.fromCache = fromCache
    self.createdAt = createdAt
  }

  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A stored generation, reusable by any experiment with the same generator identity (backend, model,
/// engine version, KV cache, server), prompt and decoding parameters.
public struct GenerationCacheRecord: Codable, Sendable, Equatable, FetchableRecord,
  PersistableRecord
{
  public static let databaseTableName = "generationCache"
  /// sha256 of the generator identity's canonical JSON (`GeneratorIdentity.key`).
  public var generatorKey: String
  /// The generator identity itself, for a reader of the database.
  public var generatorJSON: String
  /// sha256 of the prompt segments.
  public var promptHash: String
  /// sha256 of the canonical decoding parameters.
  public var decodingHash: String
  /// Generated text.
  public var answer: String
  /// Generated token ids (JSON array).
  public var outputTokensJSON: String
  /// Per-token log-probabilities (JSON array).
  public var logprobsJSON: String
  /// Why generation stopped.
  public var stopReason: String
  /// Tokens in the prompt.
  public var promptTokenCount: Int

  /// Creates a cache entry.
  public init(
    generatorKey: String, generatorJSON: String, promptHash: String, decodingHash: String,
    answer: String, outputTokensJSON: String, logprobsJSON: String, stopReason: String,
    promptTokenCount: Int
  ) {
    self.generatorKey = generatorKey
    self.generatorJSON = generatorJSON
    self.promptHash = promptHash
    self.decodingHash = decodingHash
    self.answer = answer
    self.outputTokensJSON = outputTokensJSON
    self.logprobsJSON = logprobsJSON
    self.stopReason = stopReason
    self.promptTokenCount = promptTokenCount
  }
}
