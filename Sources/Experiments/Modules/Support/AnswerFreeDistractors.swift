import Corpus

/// The passages of a ranked list that can serve as distractors: not gold and containing no gold
/// answer, kept in rank order.
///
/// "Contains" is recall's rule (`Recall.passage(_:containsAnswer:)`: SQuAD-normalised answer as
/// whole tokens of the normalised passage text, DPR's `has_answer`), so a passage counted as a
/// miss by recall@k is exactly one allowed here. Liu et al. (2023, "Lost in the Middle") and
/// Jin et al. (2024, Alg. 1) both build their distractors this way.
public struct AnswerFreeDistractors: Sendable, Equatable {
  /// The distractors, in the order of the ranked list (duplicate ids kept once).
  public let passages: [Passage]
  /// Passages dropped because their id is a gold passage id.
  public let droppedGold: Int
  /// Passages dropped because, though not gold, they contain a gold answer.
  public let droppedAnswerBearing: Int

  /// Filters `ranked` (best first) for a question with gold `answers` and `goldIDs`.
  public init(ranked: [Passage], answers: [String], goldIDs: some Sequence<String>) {
    let gold = Set(goldIDs)
    var seen: Set<String> = []
    var kept: [Passage] = []
    var droppedGold = 0
    var droppedAnswerBearing = 0
    for passage in ranked where seen.insert(passage.id).inserted {
      if gold.contains(passage.id) {
        droppedGold += 1
      } else if Self.containsAnswer(passage, answers: answers) {
        droppedAnswerBearing += 1
      } else {
        kept.append(passage)
      }
    }
    passages = kept
    self.droppedGold = droppedGold
    self.droppedAnswerBearing = droppedAnswerBearing
  }

  /// Whether `passage`'s text contains one of `answers` by recall's rule.
  public static func containsAnswer(_ passage: Passage, answers: [String]) -> Bool {
    answers.contains { Recall.passage(passage.text, containsAnswer: $0) }
  }
}
