import Store

/// A run's model re-rankers: each (question, strategy, passages) is scored once and stored with
/// its cost; a resumed run reads the stored pass instead of scoring again.
final class StoredRerank: RerankScoring {
  /// Scorers by strategy name.
  let scorers: [String: any PassageScorer]
  /// Where passes go.
  let store: ResultsStore
  /// The experiment the passes belong to.
  let experimentId: Int64
  /// Passes evaluated in this run (not read back from the store).
  private(set) var evaluated = 0

  /// Creates the re-rankers of one run.
  init(scorers: [String: any PassageScorer], store: ResultsStore, experimentId: Int64) {
    self.scorers = scorers
    self.store = store
    self.experimentId = experimentId
  }

  func scores(strategy: String, question: Question, passages: [Passage]) throws -> [Double] {
    let ids = JSONText.encode(passages.map(\.id))
    if let stored = try store.rerankPass(
      experimentId: experimentId, questionId: question.id, strategy: strategy,
      passageIdsJSON: ids),
      let scores = try? JSONText.decode([Double].self, from: stored.scoresJSON),
      scores.count == passages.count
    {
      return scores
    }
    guard let scorer = scorers[strategy] else {
      throw RunError(
        "no re-ranker '\(strategy)' was loaded (loaded: \(scorers.keys.sorted()))")
    }
    let pass = try scorer.scores(question: question.text, passages: passages)
    try store.recordRerank(
      RerankPassRecord(
        experimentId: experimentId, questionId: question.id, strategy: strategy,
        passageIdsJSON: ids, scoresJSON: JSONText.encode(pass.scores),
        promptTokens: pass.promptTokens, seconds: pass.seconds))
    evaluated += 1
    return pass.scores
  }
}
