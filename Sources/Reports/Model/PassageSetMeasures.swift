import Experiments

/// The permutation measures of one passage set with 95 % intervals over questions: what the
/// notebook's table of order measures lists and its Findings state.
struct PassageSetMeasures: Sendable, Equatable {
  /// The set's keys (e.g. `retriever = bm25`).
  var keys: [ConditionKey]
  /// The set's label, e.g. `retriever=bm25`.
  var label: String
  /// Questions with at least one trial.
  var questions: Int
  /// Trials over all questions.
  var trials: Int
  /// The number of orders every question was answered in, when they all share one.
  var ordersPerQuestion: Int?
  /// Correct trials / trials (pooled ratio, questions resampled).
  var meanAccuracy: Estimate
  /// Share of questions right under at least one order.
  var bestOrderAccuracy: Estimate
  /// Share of questions right under every order.
  var worstOrderAccuracy: Estimate
  /// Share of questions right under some orders and wrong under others.
  var sensitivityRate: Estimate
  /// Mean over questions of the distinct normalised answers.
  var distinctAnswers: Double
  /// Mean over questions of the answer entropy in bits.
  var answerEntropyBits: Double
  /// Mean over questions of the majority answer's share.
  var majorityShare: Double

  /// The measures of `set` with percentile-bootstrap intervals (`seed`), or nil without trials.
  init?(_ set: PassageSetTrials, seed: UInt64 = 0) {
    guard let measures = PermutationMeasures(trialsByQuestion: set.trials) else { return nil }
    let questions = measures.questions
    let parts = set.trials.filter { !$0.isEmpty }.map { trials in
      (numerator: Double(trials.count { $0.correct }), denominator: Double(trials.count))
    }
    /// A share over questions with its interval.
    func share(_ included: (QuestionOrderMeasures) -> Bool) -> Estimate {
      Estimate(Bootstrap.meanInterval(questions.map { included($0) ? 1 : 0 }, seed: seed))
    }
    /// A mean over questions.
    func mean(_ value: (QuestionOrderMeasures) -> Double) -> Double {
      questions.reduce(0) { $0 + value($1) } / Double(questions.count)
    }
    keys = set.keys
    label = set.label
    self.questions = questions.count
    trials = measures.trials
    let orders = Set(questions.map(\.orders))
    ordersPerQuestion = orders.count == 1 ? orders.first : nil
    meanAccuracy = Estimate(Bootstrap.ratioInterval(parts, seed: seed))
    bestOrderAccuracy = share { $0.accuracy > 0 }
    worstOrderAccuracy = share { $0.accuracy == 1 }
    sensitivityRate = share(\.sensitive)
    distinctAnswers = mean { Double($0.distinctAnswers) }
    answerEntropyBits = mean(\.answerEntropyBits)
    majorityShare = mean(\.majorityShare)
  }
}
