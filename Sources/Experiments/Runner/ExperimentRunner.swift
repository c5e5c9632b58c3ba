import Foundation
import Store

/// Runs (or resumes) an experiment: every question × condition, each trial committed on its own.
///
/// An unchanged spec on the same model and data resumes the stored experiment and skips finished
/// trials; a changed spec is a new experiment. Killing the process loses at most the trials in
/// flight (one per worker).
public struct ExperimentRunner {
  /// The validated spec.
  public let loaded: LoadedSpec
  /// Questions and retrievers.
  public let inputs: ExperimentInputs
  /// The model.
  public let generator: any Generator
  /// Where trials go.
  public let store: ResultsStore
  /// Run options.
  public let options: RunOptions
  /// The module to run instead of the one the spec names (tests; nil builds the spec's).
  var moduleOverride: (any ExperimentModule)? = nil

  /// Creates a runner.
  public init(
    loaded: LoadedSpec, inputs: ExperimentInputs, generator: any Generator, store: ResultsStore,
    options: RunOptions = RunOptions()
  ) {
    self.loaded = loaded
    self.inputs = inputs
    self.generator = generator
    self.store = store
    self.options = options
  }

  /// Runs every missing trial: questions side by side on `generator.concurrency` workers, each
  /// question's walk in order on one worker (one worker: one question after the other).
  /// - Parameters:
  ///   - progress: called after each stored trial (never by two workers at once).
  ///   - shouldStop: polled before each question; returning true ends the run cleanly (e.g. on
  ///     SIGINT) once the questions in flight are stored.
  /// - Throws: `RunError` for an unknown module or retriever, `PromptError` for a chat prompt on a
  ///   model without a chat template, `StoreError`, generator errors.
  public func run(
    progress: @escaping (RunProgress) -> Void = { _ in },
    shouldStop: @escaping () -> Bool = { false }
  ) throws -> RunSummary {
    let began = Date()
    let spec = loaded.spec
    // Settled before the experiment is stored, so a spec the model cannot serve leaves nothing.
    let prepared = try prepare()
    let (experiment, resumed) = try store.beginExperiment(
      ExperimentRecord(
        name: spec.name, specYAML: loaded.yaml, specHash: loaded.hash,
        modelSHA256: generator.modelSHA256,
        dataChecksum: inputs.dataChecksum, gitCommit: options.gitCommit,
        raglabVersion: options.raglabVersion, module: spec.module.name,
        datasetName: spec.dataset.name,
        provenanceJSON: RunProvenance(
          raglabVersion: options.raglabVersion, gitCommit: options.gitCommit,
          threads: options.threads, generator: generator.identity,
          prefillPath: generator.prefillPath
        ).json))
    let experimentId = experiment.id!
    if resumed, generator is OpenAIGenerator, let final = prepared.hiddenLayers.last {
      // Remote states stored before the served block count was learned are layer −1.
      try store.renumberHiddenStates(
        experimentId: experimentId, from: HiddenLayerSelection.legacyRemoteFinalLayer, to: final)
    }
    let rerank =
      prepared.scorers.isEmpty
      ? nil : StoredRerank(scorers: prepared.scorers, store: store, experimentId: experimentId)
    let records = try prepared.conditions.enumerated().map { i, condition in
      try store.condition(experimentId: experimentId, keysJSON: condition.keysJSON, position: i)
    }
    let done = try records.map { try store.completedQuestionIds(conditionId: $0.id!) }
    let total = inputs.questions.count * prepared.conditions.count
    let alreadyDone = done.reduce(0) { $0 + $1.count }
    let tally = RunTally(
      total: total, alreadyDone: alreadyDone, began: began, progress: progress,
      shouldStop: shouldStop)
    let context = TrialContext(
      experimentId: experimentId, conditionIds: records.map { $0.id! },
      generator: generator.identity,
      decoding: DecodingOptions(spec.generator),
      builder: prepared.builder, module: prepared.module)
    let shared = RunShared(
      prepared: prepared, context: context, rerank: rerank, done: done, tally: tally)
    let questions = inputs.questions
    let interrupted = try QuestionWorkers(count: generator.concurrency, questions: questions.count)
      .run(shouldStop: tally.stopRequested) { worker, index in
        try runQuestion(questions[index], worker: worker, shared: shared)
      }
    let state = tally.snapshot
    let stored =
      try store.trialCount(experimentId: experimentId)
      + store.skipCount(experimentId: experimentId)
    if stored == total && !interrupted { try store.finish(experimentId: experimentId) }
    return RunSummary(
      experimentId: experimentId, resumed: resumed, trialsRecorded: state.completed - alreadyDone,
      trialsFromCache: state.fromCache, trialsAlreadyDone: alreadyDone, trialsTotal: total,
      tokens: state.tokens,
      seconds: Date().timeIntervalSince(began), interrupted: interrupted || stored < total,
      trialsSkipped: state.skipped, rerankPasses: rerank?.evaluated ?? 0,
      trialsFailed: state.failed)
  }
}

/// What every trial of one run shares.
struct TrialContext {
  let experimentId: Int64
  let conditionIds: [Int64]
  let decoding: DecodingOptions
  let builder: PromptBuilder
  /// Adds the module's measures to each trial's metrics.
  let module: any ExperimentModule
  /// The generation-cache key parts, computed once per run rather than per trial.
  let generatorKey: String
  let generatorJSON: String
  let decodingHash: String

  init(
    experimentId: Int64, conditionIds: [Int64], generator: GeneratorIdentity,
    decoding: DecodingOptions, builder: PromptBuilder, module: any ExperimentModule
  ) {
    self.experimentId = experimentId
    self.conditionIds = conditionIds
    self.decoding = decoding
    self.builder = builder
    self.module = module
    generatorKey = generator.key
    generatorJSON = generator.json
    decodingHash = decoding.hash
  }
}
