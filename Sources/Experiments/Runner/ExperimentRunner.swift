import Foundation
import Store

/// Runs (or resumes) an experiment: every question × condition, one committed trial at a time.
///
/// An unchanged spec on the same model and data resumes the stored experiment and skips finished
/// trials; a changed spec is a new experiment. Killing the process loses at most the trial in flight.
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

  /// Runs every missing trial.
  /// - Parameters:
  ///   - progress: called after each stored trial.
  ///   - shouldStop: polled after each trial; returning true ends the run cleanly (e.g. on SIGINT).
  /// - Throws: `RunError` for an unknown module or retriever, `PromptError` for a chat prompt on a
  ///   model without a chat template, `StoreError`, generator errors.
  public func run(
    progress: (RunProgress) -> Void = { _ in }, shouldStop: () -> Bool = { false }
  ) throws -> RunSummary {
    let began = Date()
    let spec = loaded.spec
    // Settled before the experiment is stored, so a spec the model cannot serve leaves nothing.
    let prepared = try prepare()
    let (module, conditions, scorers) = (prepared.module, prepared.conditions, prepared.scorers)
    let (experiment, resumed) = try store.beginExperiment(
      ExperimentRecord(
        name: spec.name, specYAML: loaded.yaml, specHash: loaded.hash,
        modelSHA256: generator.modelSHA256,
        dataChecksum: inputs.dataChecksum, gitCommit: options.gitCommit,
        raglabVersion: options.raglabVersion, module: spec.module.name,
        datasetName: spec.dataset.name,
        provenanceJSON: RunProvenance(
          raglabVersion: options.raglabVersion, gitCommit: options.gitCommit,
          threads: options.threads, generator: generator.identity
        ).json))
    let experimentId = experiment.id!
    let rerank =
      scorers.isEmpty
      ? nil : StoredRerank(scorers: scorers, store: store, experimentId: experimentId)
    let records = try conditions.enumerated().map { i, condition in
      try store.condition(experimentId: experimentId, keysJSON: condition.keysJSON, position: i)
    }
    var done = try records.map { try store.completedQuestionIds(conditionId: $0.id!) }
    let total = inputs.questions.count * conditions.count
    let alreadyDone = done.reduce(0) { $0 + $1.count }
    var state = RunState(completed: alreadyDone)
    let context = TrialContext(
      experimentId: experimentId, conditionIds: records.map { $0.id! },
      generator: generator.identity,
      decoding: DecodingOptions(spec.generator),
      builder: prepared.builder, module: module)
    for question in inputs.questions {
      if shouldStop() {
        state.interrupted = true
        break
      }
      let pending = conditions.indices.filter { !done[$0].contains(question.id) }
      if pending.isEmpty { continue }
      let questionContext = QuestionContext(
        question: question, depth: spec.retrievalDepth, rankers: inputs.rankers,
        corpus: inputs.corpus, seed: spec.dataset.seed, rerank: rerank)
      func report() {
        progress(
          RunProgress(
            completed: state.completed, total: total, resumedFrom: alreadyDone, tokens: state.tokens
          ))
      }
      var requests: [PromptRequest] = []
      for index in pending {
        let passages: [Passage]
        do {
          passages = try module.passages(for: conditions[index], context: questionContext)
        } catch let skip as ModuleSkip {
          try store.recordSkip(
            experimentId: experimentId, conditionId: context.conditionIds[index],
            questionId: question.id, reason: skip.reason)
          state.skipped += 1
          state.completed += 1
          done[index].insert(question.id)
          report()
          continue
        }
        let request = PromptRequest(conditionIndex: index, passages: passages)
        // A cached answer has no attention or hidden states: such runs do not read the cache.
        if try prepared.readsCache && recordFromCache(request, question, context) {
          state.fromCache += 1
          state.completed += 1
          done[index].insert(question.id)
          report()
        } else {
          requests.append(request)
        }
      }
      let planner = PrefixPlanner(
        sharePrefixes: options.prefixSharing, measureAttention: spec.measuresAttention,
        hiddenLayers: prepared.hiddenLayers)
      state.tokens += try planner.run(
        question: question, requests: requests, builder: context.builder, generator: generator,
        options: context.decoding
      ) { outcome in
        try recordGenerated(outcome, question, context)
        state.completed += 1
        done[outcome.request.conditionIndex].insert(question.id)
        report()
      }
    }
    let stored =
      try store.trialCount(experimentId: experimentId)
      + store.skipCount(experimentId: experimentId)
    if stored == total && !state.interrupted { try store.finish(experimentId: experimentId) }
    return RunSummary(
      experimentId: experimentId, resumed: resumed, trialsRecorded: state.completed - alreadyDone,
      trialsFromCache: state.fromCache, trialsAlreadyDone: alreadyDone, trialsTotal: total,
      tokens: state.tokens,
      seconds: Date().timeIntervalSince(began), interrupted: state.interrupted || stored < total,
      trialsSkipped: state.skipped, rerankPasses: rerank?.evaluated ?? 0)
  }
}

/// Mutable counters of one run.
struct RunState {
  var completed: Int
  var fromCache = 0
  var skipped = 0
  var tokens = PromptTokenTally()
  var interrupted = false
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
