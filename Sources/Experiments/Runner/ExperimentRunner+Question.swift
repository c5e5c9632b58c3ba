import Foundation

/// What every question of one run shares, read-only but for the tally: the settled module and
/// conditions, the trial context, the stored re-rankers and the trials found done at start.
///
/// Workers read it from their own threads: the module is `Sendable`, the store goes through
/// GRDB's serialised writer, the corpus readers lock, and the model re-rankers (not thread-safe)
/// exist only with the in-process engine, which runs one worker.
final class RunShared: @unchecked Sendable {
  /// The module, its conditions, the prompt builder and what the trials measure.
  let prepared: RunPreparation
  /// Ids and cache-key parts every trial is stored with.
  let context: TrialContext
  /// The run's model re-rankers, nil when the module uses none.
  let rerank: StoredRerank?
  /// Per condition, the question ids already stored when the run started.
  let done: [Set<String>]
  /// The run's counters and callbacks.
  let tally: RunTally

  /// Bundles one run's shared state.
  init(
    prepared: RunPreparation, context: TrialContext, rerank: StoredRerank?, done: [Set<String>],
    tally: RunTally
  ) {
    self.prepared = prepared
    self.context = context
    self.rerank = rerank
    self.done = done
    self.tally = tally
  }
}

extension ExperimentRunner {
  /// Stores every missing trial of `question`: skips and cached answers first, then the planner's
  /// walk on `worker`'s session, each trial in its own transaction as soon as it exists.
  func runQuestion(_ question: Question, worker: Int, shared: RunShared) throws {
    let spec = loaded.spec
    let (prepared, context, tally) = (shared.prepared, shared.context, shared.tally)
    let pending = prepared.conditions.indices.filter { !shared.done[$0].contains(question.id) }
    if pending.isEmpty { return }
    let questionContext = QuestionContext(
      question: question, depth: spec.retrievalDepth, rankers: inputs.rankers,
      corpus: inputs.corpus, seed: spec.dataset.seed, rerank: shared.rerank)
    var requests: [PromptRequest] = []
    for index in pending {
      let passages: [Passage]
      do {
        passages = try prepared.module.passages(
          for: prepared.conditions[index], context: questionContext)
      } catch let skip as ModuleSkip {
        try store.recordSkip(
          experimentId: context.experimentId, conditionId: context.conditionIds[index],
          questionId: question.id, reason: skip.reason)
        tally.stored(.skip)
        continue
      }
      let request = PromptRequest(conditionIndex: index, passages: passages)
      // A cached answer has no attention or hidden states: such runs do not read the cache.
      if try prepared.readsCache && recordFromCache(request, question, context) {
        tally.stored(.cache)
      } else {
        requests.append(request)
      }
    }
    let planner = PrefixPlanner(
      sharePrefixes: options.prefixSharing, measureAttention: spec.measuresAttention,
      hiddenLayers: prepared.hiddenLayers, worker: worker)
    let tokens = try planner.run(
      question: question, requests: requests, builder: context.builder, generator: generator,
      options: context.decoding,
      onFailure: { request, failure in try recordFailure(request, question, failure, shared) },
      record: { outcome in
        try recordGenerated(outcome, question, context)
        tally.stored(.generated)
      })
    tally.add(tokens)
  }
}
