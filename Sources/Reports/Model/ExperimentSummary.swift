import Experiments
import Foundation

/// Where an experiment's numbers came from: enough to reproduce or distrust them.
public struct Provenance: Sendable, Equatable, Codable {
  /// SHA-256 of the normalised spec (a changed spec is a new experiment).
  public var specHash: String
  /// SHA-256 of the GGUF model file.
  public var modelSHA256: String
  /// Checksum of the dataset the questions came from.
  public var dataChecksum: String
  /// `git rev-parse HEAD` of the raglab checkout that ran it, if known.
  public var gitCommit: String?
  /// When the run started.
  public var startedAt: Date?
  /// When the last trial was stored (nil while unfinished).
  public var finishedAt: Date?
  /// Number of trials stored.
  public var trialCount: Int
  /// The experiment module (e.g. `passage_count`), when known.
  public var module: String?
  /// The dataset's name, when known.
  public var dataset: String?
  /// Versions, threads, generator identity and machine of the run (nil for experiments stored
  /// before they were recorded).
  public var run: RunProvenance?

  /// Creates a provenance record.
  public init(
    specHash: String, modelSHA256: String, dataChecksum: String, gitCommit: String? = nil,
    startedAt: Date? = nil, finishedAt: Date? = nil, trialCount: Int, module: String? = nil,
    dataset: String? = nil, run: RunProvenance? = nil
  ) {
    self.specHash = specHash
    self.modelSHA256 = modelSHA256
    self.dataChecksum = dataChecksum
    self.gitCommit = gitCommit
    self.startedAt = startedAt
    self.finishedAt = finishedAt
    self.trialCount = trialCount
    self.module = module
    self.dataset = dataset
    self.run = run
  }
}

/// Everything a report needs about one experiment: spec, provenance and per-condition aggregates.
public struct ExperimentSummary: Sendable, Equatable, Codable {
  /// The experiment's name (from its spec); also the folder name of its plots.
  public var name: String
  /// The spec as YAML text, shown verbatim in the notebook.
  public var specYAML: String
  /// Hashes, commit and timing of the run.
  public var provenance: Provenance
  /// One entry per condition, in the order they should be listed.
  public var conditions: [ConditionSummary]
  /// The module's figures and notes (nil for a module this build does not know).
  public var report: ModuleReport?
  /// (question, condition) pairs the module skipped, by reason, most frequent first.
  public var skips: [SkipCount]
  /// Trials whose server request failed after its retries, by reason, most frequent first (not
  /// trials: the next `raglab run` retries them).
  public var failures: [SkipCount]
  /// Every trial's outcome, for figures and tables that look inside conditions (histograms over
  /// questions, gold positions); empty unless the module's report has such figures or tables.
  public var outcomes: [TrialOutcome]
  /// The attention diagnostics, when the experiment measured any (`diagnostics: [attention]`).
  public var attention: AttentionSummary?
  /// What the model re-rankers cost beside answering, when the experiment stored re-ranking passes.
  public var rerankCost: RerankCostSummary?
  /// Stable-RAG's methods, clusters and layer analysis, for a `stable_rag` experiment.
  public var stableRAG: StableRAGSummary?

  /// Creates a summary.
  public init(
    name: String, specYAML: String, provenance: Provenance, conditions: [ConditionSummary],
    report: ModuleReport? = nil, skips: [SkipCount] = [], outcomes: [TrialOutcome] = [],
    attention: AttentionSummary? = nil, rerankCost: RerankCostSummary? = nil,
    stableRAG: StableRAGSummary? = nil, failures: [SkipCount] = []
  ) {
    self.name = name
    self.specYAML = specYAML
    self.provenance = provenance
    self.conditions = conditions
    self.report = report
    self.skips = skips
    self.failures = failures
    self.outcomes = outcomes
    self.attention = attention
    self.rerankCost = rerankCost
    self.stableRAG = stableRAG
  }

  /// Key names in order of first appearance over all conditions (the results table's columns).
  public var keyNames: [String] {
    var names: [String] = []
    for condition in conditions {
      for key in condition.keys where !names.contains(key.name) {
        names.append(key.name)
      }
    }
    return names
  }
}

/// How often a module skipped a (question, condition) pair for one reason (or, in `failures`, how
/// many trials failed for one reason).
public struct SkipCount: Sendable, Equatable, Codable {
  /// The module's reason.
  public var reason: String
  /// How many pairs.
  public var count: Int

  /// Creates a count.
  public init(reason: String, count: Int) {
    self.reason = reason
    self.count = count
  }
}
