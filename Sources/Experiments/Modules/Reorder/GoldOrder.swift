/// `gold_first` / `gold_last`: oracle placements that read the gold labels — the gold passages of
/// the top k moved to the front (the primacy end of Liu et al.'s 2023 U-curve) or to the back,
/// next to a question placed after the passages; gold and other passages each keep their
/// retrieval order. An upper bound for a re-ranker, labelled "oracle" wherever shown.
public struct GoldOrder: ReorderStrategy {
  /// Where the gold passages go.
  public enum End: Sendable, Equatable {
    /// Before every other passage.
    case front
    /// After every other passage.
    case back
  }

  /// The gold passages at the front.
  public static let first = GoldOrder(end: .front)
  /// The gold passages at the back.
  public static let last = GoldOrder(end: .back)

  /// Where the gold passages go.
  public let end: End
  public var name: String { end == .front ? "gold_first" : "gold_last" }
  public let dependence = OrderDependence.gold
  public var definition: String {
    "the gold passages of the top k moved to the "
      + (end == .front ? "front" : "back, next to the question")
      + ", gold and other passages each in retrieval order; a question without a gold passage in "
      + "its top k is skipped."
  }

  public func order(_ input: OrderInput) -> [Int] {
    let ranks = Array(0..<max(input.k, 0))
    let gold = ranks.filter(input.goldRanks.contains)
    let others = ranks.filter { !input.goldRanks.contains($0) }
    return end == .front ? gold + others : others + gold
  }
}
