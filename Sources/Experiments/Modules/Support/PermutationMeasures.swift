/// Accuracy of the trials whose gold passage sat at one prompt position.
public struct GoldPositionAccuracy: Sendable, Equatable {
  /// 1-based prompt position of the gold passage.
  public var position: Int
  /// Trials with the gold passage at `position`.
  public var trials: Int
  /// Of those, how many were correct.
  public var correct: Int
  /// correct / trials.
  public var accuracy: Double { Double(correct) / Double(trials) }

  /// Creates the tally of one position.
  public init(position: Int, trials: Int, correct: Int) {
    self.position = position
    self.trials = trials
    self.correct = correct
  }
}

/// The `permutations` module's experiment measures over Q questions, each answered under several
/// orders of its passages (definitions in docs/experiments.md, "Permutation measures").
public struct PermutationMeasures: Sendable, Equatable {
  /// Per-question measures, in input order (questions without trials left out).
  public var questions: [QuestionOrderMeasures]
  /// Trials over all questions.
  public var trials: Int
  /// Share of questions that are `sensitive` (some order right, some wrong).
  public var sensitivityRate: Double
  /// Correct trials / all trials (questions with more orders weigh more).
  public var meanAccuracy: Double
  /// Mean over questions of the best order's correctness: an oracle picking each question's best
  /// order; equals the share of questions with at least one right order.
  public var bestOrderAccuracy: Double
  /// Mean over questions of the worst order's correctness: the share right under every order.
  public var worstOrderAccuracy: Double
  /// For each gold position p, correct / trials over the trials whose gold passage sat at p,
  /// ascending by p (trials without a gold passage left out).
  public var byGoldPosition: [GoldPositionAccuracy]

  /// The measures of `trialsByQuestion` (one array of order trials per question), or nil when there
  /// is no trial at all. Questions with an empty array are left out.
  public init?(trialsByQuestion: [[OrderTrial]]) {
    let answered = trialsByQuestion.filter { !$0.isEmpty }
    let perQuestion = answered.compactMap { QuestionOrderMeasures(trials: $0) }
    guard !perQuestion.isEmpty else { return nil }
    let all = answered.flatMap { $0 }
    let q = Double(perQuestion.count)
    questions = perQuestion
    trials = all.count
    sensitivityRate = Double(perQuestion.count { $0.sensitive }) / q
    meanAccuracy = Double(all.count { $0.correct }) / Double(all.count)
    bestOrderAccuracy = Double(answered.count { $0.contains { $0.correct } }) / q
    worstOrderAccuracy = Double(answered.count { $0.allSatisfy { $0.correct } }) / q
    var tally: [Int: (trials: Int, correct: Int)] = [:]
    for trial in all {
      guard let position = trial.goldPosition else { continue }
      tally[position, default: (0, 0)].trials += 1
      if trial.correct { tally[position, default: (0, 0)].correct += 1 }
    }
    byGoldPosition = tally.sorted { $0.key < $1.key }.map {
      GoldPositionAccuracy(position: $0.key, trials: $0.value.trials, correct: $0.value.correct)
    }
  }
}
