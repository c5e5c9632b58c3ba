/// The prompt order of passages scored by a re-ranker, for the model strategies `attention` (ICR,
/// Chen et al., 2024: the attention the question puts on each passage) and `first_token` (FIRST,
/// Reddy et al., 2024: the logit of each passage's label at the first generated position).
///
/// Passages are ranked by score, higher = more relevant, ties broken by retrieval rank (the better
/// retrieved passage counts as more relevant; a NaN score counts as the least relevant); the
/// placement then puts the most relevant passage first or next to the question.
public struct ScoreOrder: Sendable, Equatable {
  /// Where the most relevant passage goes.
  public enum Placement: String, Codable, Sendable, CaseIterable {
    /// Prompt position 1; then by decreasing relevance.
    case first
    /// The last passage, right before a question placed after the passages (`question_last`);
    /// the least relevant passage first.
    case nearestQuestion = "nearest_question"
  }

  /// Where the most relevant passage goes.
  public let placement: Placement

  /// Creates the helper.
  public init(placement: Placement) { self.placement = placement }

  /// The prompt order of passages with `scores` (index = 0-based retrieval rank): element j is
  /// the retrieval rank of the passage at prompt position j.
  public func order(scores: [Double]) -> [Int] {
    let relevance = scores.indices.sorted { a, b in
      let (x, y) = (Self.key(scores[a]), Self.key(scores[b]))
      return x != y ? x > y : a < b
    }
    return placement == .first ? relevance : relevance.reversed()
  }

  /// The sort key of a score: NaN below every number.
  private static func key(_ score: Double) -> Double { score.isNaN ? -.infinity : score }
}
