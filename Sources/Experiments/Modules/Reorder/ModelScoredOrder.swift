/// `attention` and `first_token`: the reader model re-ranks the top k — by the attention the
/// question puts on each passage (ICR; Chen, Jiménez Gutiérrez and Su, 2024, arXiv 2410.02642) or
/// by the logit of each passage's label at the first generated position of a listwise ranking
/// prompt (FIRST; Reddy et al., 2024) — and the passages are shown by decreasing score, the most
/// relevant first or next to the question (`ScoreOrder`). The scores come from a stored pass of
/// the in-process engine (`AttentionScorer`, `FirstTokenScorer`).
public struct ModelScoredOrder: ReorderStrategy {
  /// ICR's attention re-ranker, most relevant first.
  public static let attention = ModelScoredOrder(name: "attention", placement: .first)
  /// FIRST's first-token re-ranker, most relevant first.
  public static let firstToken = ModelScoredOrder(name: "first_token", placement: .first)

  public let name: String
  /// Where the most relevant passage goes.
  public let placement: ScoreOrder.Placement
  public let dependence = OrderDependence.scores
  public var definition: String {
    let reads =
      name == "attention"
      ? "the attention the question's tokens put on each passage, minus the same under the "
        + "content-free question \"N/A\" (ICR, Chen et al. 2024)"
      : "the logit of each passage's label at the first answer position of a listwise ranking "
        + "prompt (FIRST, Reddy et al. 2024)"
    let end = placement == .first ? "first" : "last, next to the question"
    return "the top k ranked by the reader model's \(reads), the most relevant passage \(end)."
  }

  /// The same re-ranker with the most relevant passage at `placement`.
  public func placed(_ placement: ScoreOrder.Placement) -> ModelScoredOrder {
    ModelScoredOrder(name: name, placement: placement)
  }

  /// Passages by decreasing score (ties by retrieval rank); no order (an empty list, which the
  /// module refuses as not a permutation) when the input lacks one score per passage, rather than
  /// passing the retrieval order off as a re-ranking.
  public func order(_ input: OrderInput) -> [Int] {
    guard let scores = input.scores, scores.count == input.k else { return [] }
    return ScoreOrder(placement: placement).order(scores: scores)
  }
}
