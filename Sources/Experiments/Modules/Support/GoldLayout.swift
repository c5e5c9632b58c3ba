/// Lost in the Middle layouts (Liu et al., 2023, github nelson-liu/lost-in-the-middle): the gold
/// passage at a chosen 1-based position among `total − 1` answer-free distractors.
public enum GoldLayout {
  /// The passages shown: the first `total − 1` of `distractors` (in their given order, or shuffled
  /// by `stream` as LitM's `--use-random-ordering` shuffles the chosen distractors only) with
  /// `gold` inserted so that it is passage number `position`.
  /// - Parameters:
  ///   - distractors: answer-free passages, best first (`AnswerFreeDistractors.passages`).
  ///   - stream: when given, the distractors are shuffled with it; the gold stays at `position`.
  /// - Throws: `DistractorError` — `invalidKnob` for `total < 1` or `position` outside
  ///   `1...total`; `tooFewDistractors` when fewer than `total − 1` distractors are given.
  public static func arrange(
    gold: Passage, at position: Int, total: Int, distractors: [Passage],
    shuffling stream: SeededStream? = nil
  ) throws(DistractorError) -> [Passage] {
    try check(positions: [position], total: total)
    guard distractors.count >= total - 1 else {
      throw DistractorError(
        .tooFewDistractors, knob: "total",
        message: "needs \(total - 1) answer-free distractors, the question has "
          + "\(distractors.count); lower total or rank deeper")
    }
    var chosen = Array(distractors.prefix(total - 1))
    if var stream { chosen = stream.shuffled(chosen) }
    chosen.insert(gold, at: position - 1)
    return chosen
  }

  /// Checks that `total ≥ 1` and every position lies in `1...total`.
  /// - Throws: `DistractorError.invalidKnob` naming `total` or `positions` and the allowed range.
  public static func check(positions: [Int], total: Int) throws(DistractorError) {
    guard total >= 1 else {
      throw DistractorError(
        .invalidKnob, knob: "total", message: "total \(total) must be at least 1 (the gold passage)"
      )
    }
    if let bad = positions.first(where: { !(1...total).contains($0) }) {
      throw DistractorError(
        .invalidKnob, knob: "positions",
        message: "position \(bad) is outside 1...\(total); choose positions between 1 and total")
    }
  }

  /// `positions: all`: every position `1...total` (empty when `total < 1`).
  public static func allPositions(total: Int) -> [Int] {
    total < 1 ? [] : Array(1...total)
  }

  /// LitM's positions: the 0-based {0, 4, 9, 14, …} made 1-based, i.e. 1 and every multiple of 5
  /// up to `total` (10 → [1, 5, 10], 20 → [1, 5, 10, 15, 20]); for a total that is not a multiple
  /// of 5 (LitM used 10, 20, 30) the last position is added so the curve reaches the end.
  public static func litmPositions(total: Int) -> [Int] {
    guard total >= 1 else { return [] }
    var positions = [1] + Array(stride(from: 5, through: total, by: 5))
    if positions.last != total { positions.append(total) }
    return positions
  }
}
