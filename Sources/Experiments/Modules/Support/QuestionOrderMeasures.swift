import Corpus
import Foundation

/// How one question's answers vary over the orders of its passages (definitions in
/// docs/experiments.md, "Permutation measures"). With n trials (one per order), c of them correct,
/// and the answers grouped by their SQuAD-normalised text into groups of sizes n₁ … n_d:
public struct QuestionOrderMeasures: Sendable, Equatable {
  /// n: orders answered.
  public var orders: Int
  /// c / n: accuracy over orders.
  public var accuracy: Double
  /// d: distinct SQuAD-normalised answers (an answer that normalises to "" is one answer too).
  public var distinctAnswers: Int
  /// −Σᵢ pᵢ log₂ pᵢ with pᵢ = nᵢ / n: answer entropy in bits (0 when every order gives one answer,
  /// log₂ n when all differ).
  public var answerEntropyBits: Double
  /// maxᵢ nᵢ / n: share of orders giving the most frequent normalised answer.
  public var majorityShare: Double
  /// 0 < c < n: at least one order right and at least one wrong.
  public var sensitive: Bool

  /// The measures of one question's trials, or nil when there are none.
  public init?(trials: [OrderTrial]) {
    guard !trials.isEmpty else { return nil }
    let n = Double(trials.count)
    let correct = trials.count { $0.correct }
    var groups: [[UInt32]: Int] = [:]
    for trial in trials { groups[SquadNormalizer.answerKey(trial.answer), default: 0] += 1 }
    orders = trials.count
    accuracy = Double(correct) / n
    distinctAnswers = groups.count
    answerEntropyBits = groups.values.reduce(0) { sum, size in
      let p = Double(size) / n
      return sum - p * log2(p)
    }
    majorityShare = Double(groups.values.max() ?? 0) / n
    sensitive = correct > 0 && correct < trials.count
  }
}
