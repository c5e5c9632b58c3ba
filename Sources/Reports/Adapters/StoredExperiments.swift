import Experiments
import Foundation
import Store

/// Turns the results tables (`ResultsStore`) into the report models; the one place that knows both.
public struct StoredExperiments: Sendable {
  /// The results tables.
  public let store: ResultsStore
  /// Question details and recall judgements, when a corpus is available.
  public var catalog: (any QuestionCatalog)?
  /// Seed of the bootstrap resamples (fixed, so reports are reproducible).
  public var bootstrapSeed: UInt64 = 0
  /// The reader's output head, for a `stable_rag` experiment's `centre_token` (nil: not measured).
  public var outputHead: OutputHead?

  /// Wraps an open database.
  public init(database: LabDatabase, catalog: (any QuestionCatalog)? = nil) {
    self.store = ResultsStore(database: database)
    self.catalog = catalog
  }

  /// Opens the database at `path` read-only for reports (a read-only file or folder is fine).
  /// - Throws: `ReportsError.noDatabase` when the file does not exist (rather than creating it).
  public static func open(path: String, catalog: (any QuestionCatalog)? = nil) throws
    -> StoredExperiments
  {
    guard FileManager.default.fileExists(atPath: path) else {
      throw ReportsError.noDatabase(path: path)
    }
    return StoredExperiments(database: try LabDatabase.openForReading(path: path), catalog: catalog)
  }

  /// The newest stored experiment called `name`.
  /// - Throws: `ReportsError.noExperiment` listing the experiments the database does hold.
  public func record(named name: String) throws -> ExperimentRecord {
    if let record = try store.latestExperiment(named: name) { return record }
    let known = Array(Set(try store.experiments().map(\.name))).sorted()
    throw ReportsError.noExperiment(name: name, database: store.database.path, known: known)
  }

  /// The summary of experiment `name`: provenance and, per condition, bootstrap 95 % intervals of
  /// every stored metric and (with a catalog) of recall@k.
  public func summary(named name: String) throws -> ExperimentSummary {
    try summary(of: try record(named: name))
  }

  /// The summary of one stored experiment (see `summary(named:)`); with `trialOutcomes` every
  /// trial's outcome is included even when the module's figures and tables do not need them.
  public func summary(of record: ExperimentRecord, trialOutcomes: Bool = false) throws
    -> ExperimentSummary
  {
    guard let id = record.id else {
      throw ReportsError.noExperiment(name: record.name, database: store.database.path, known: [])
    }
    let conditions = try store.conditions(experimentId: id)
    let stored = conditions.map { StoredValues.keys($0.keysJSON) }
    let order = StoredValues.orderedNames(stored)
    let dataset = record.datasetNameOrStored
    let report = record.moduleNameOrStored.flatMap {
      ModuleRegistry.report(module: $0, specYAML: record.specYAML)
    }
    var summaries: [ConditionSummary] = []
    var outcomes: [TrialOutcome] = []
    for (index, (condition, keys)) in zip(conditions, stored).enumerated() {
      let trials = try store.trials(conditionId: condition.id ?? -1)
      let ordered = order.compactMap { name in keys.first { $0.name == name } }
      summaries.append(try summarise(trials, keys: ordered, dataset: dataset))
      if trialOutcomes || report?.needsTrialOutcomes == true {
        outcomes += try self.outcomes(of: trials, condition: index, dataset: dataset)
      }
    }
    return ExperimentSummary(
      name: record.name, specYAML: record.specYAML,
      provenance: Provenance(
        specHash: record.specHash, modelSHA256: record.modelSHA256,
        dataChecksum: record.dataChecksum,
        gitCommit: record.gitCommit == "unknown" ? nil : record.gitCommit,
        startedAt: record.startedAt, finishedAt: record.finishedAt,
        trialCount: try store.trialCount(experimentId: id), module: record.moduleNameOrStored,
        dataset: dataset,
        run: record.provenanceJSON.flatMap { try? JSONText.decode(RunProvenance.self, from: $0) }),
      conditions: summaries, report: report,
      skips: try store.skipReasons(experimentId: id).map {
        SkipCount(reason: $0.reason, count: $0.count)
      }, outcomes: outcomes,
      attention: try attentionSummary(experimentId: id, report: report, dataset: dataset),
      rerankCost: try rerankCostSummary(experimentId: id),
      stableRAG: try stableRAGSummary(
        experimentId: id, specYAML: record.specYAML, dataset: dataset),
      failures: try store.failureReasons(experimentId: id).map {
        SkipCount(reason: $0.reason, count: $0.count)
      })
  }

  /// One condition's trials as means with intervals.
  private func summarise(_ trials: [TrialRecord], keys: [ConditionKey], dataset: String?) throws
    -> ConditionSummary
  {
    var columns: [String: [Double]] = [:]
    for trial in trials {
      for (name, value) in StoredValues.metrics(trial.metricsJSON) {
        columns[name, default: []].append(value)
      }
    }
    var metrics: [String: Estimate] = [:]
    for (name, values) in columns { metrics[name] = estimate(values) }
    var recall: Estimate?
    if let catalog, let dataset {
      var hits: [Double] = []
      for trial in trials {
        guard let question = try catalog.question(dataset: dataset, id: trial.questionId) else {
          continue
        }
        let shown = StoredValues.passageIDs(trial.passageIdsJSON)
        hits.append(
          try catalog.isRecallHit(dataset: dataset, question: question, passageIDs: shown) ? 1 : 0)
      }
      if !hits.isEmpty { recall = estimate(hits) }
    }
    return ConditionSummary(keys: keys, n: trials.count, metrics: metrics, recall: recall)
  }

  /// Mean and percentile-bootstrap interval (questions resampled, seeded).
  private func estimate(_ values: [Double]) -> Estimate {
    Estimate(Bootstrap.meanInterval(values, seed: bootstrapSeed))
  }
}
