/// How well a clustering agrees with labels (answer correctness, normalised answers): purity,
/// pair-counting precision/recall/F1 and the adjusted Rand index. Every measure is nil for no
/// samples; docs/experiments.md ("Stable-RAG measures") states the 0/0 conventions.
public struct ClusterQuality: Sendable, Equatable {
  /// Σ over clusters of the largest label count, over n.
  public let purity: Double
  /// Same-cluster pairs that share a label, over same-cluster pairs (1 when no two samples share a
  /// cluster: nothing was wrongly put together).
  public let pairPrecision: Double
  /// Same-label pairs that share a cluster, over same-label pairs (1 when no two samples share a
  /// label: nothing was there to recover).
  public let pairRecall: Double
  /// Harmonic mean of `pairPrecision` and `pairRecall` (0 when both are 0).
  public let pairF1: Double
  /// Adjusted Rand index, as scikit-learn's `adjusted_rand_score` (1 when the two partitions agree on
  /// every pair, including the degenerate all-in-one and all-apart cases).
  public let adjustedRandIndex: Double

  /// The measures of `clusters` against `labels`, one entry each per sample; nil when there are no
  /// samples or the two lists differ in length.
  public init?<Label: Hashable>(clusters: [Int], labels: [Label]) {
    guard !clusters.isEmpty, clusters.count == labels.count else { return nil }
    self.init(table: ContingencyTable(zip(clusters, labels)))
  }

  /// The measures of a contingency table (clusters as rows, labels as columns); nil when it is empty.
  public init?(table: ContingencyTable) {
    guard table.total > 0 else { return nil }
    let n = Double(table.total)
    purity = Double(table.cells.reduce(0) { $0 + ($1.max() ?? 0) }) / n
    let together = table.pairsTogetherInBoth
    let sameCluster = table.pairsInSameCluster
    let sameLabel = table.pairsWithSameLabel
    pairPrecision = sameCluster == 0 ? 1 : Double(together) / Double(sameCluster)
    pairRecall = sameLabel == 0 ? 1 : Double(together) / Double(sameLabel)
    let sum = pairPrecision + pairRecall
    pairF1 = sum == 0 ? 0 : 2 * pairPrecision * pairRecall / sum
    adjustedRandIndex = Self.adjustedRand(
      together: together, sameCluster: sameCluster, sameLabel: sameLabel, all: table.allPairs)
  }

  /// ARI from pair counts, in scikit-learn's pair-confusion form 2(tp·tn − fn·fp) /
  /// ((tp+fn)(fn+tn) + (tp+fp)(fp+tn)), with 1 when no pair is split differently (fn = fp = 0).
  private static func adjustedRand(together: Int, sameCluster: Int, sameLabel: Int, all: Int)
    -> Double
  {
    let tp = Double(together)
    let fp = Double(sameCluster - together)  // together in the clustering only
    let fn = Double(sameLabel - together)  // together in the labels only
    let tn = Double(all - sameCluster - sameLabel + together)
    guard fn != 0 || fp != 0 else { return 1 }
    return 2 * (tp * tn - fn * fp) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn))
  }
}
