import Corpus

/// One question's orders clustered at one layer: the clusters, their quality against the answers,
/// and the prefill-only scores of how spread the states are.
public struct QuestionLayerAnalysis: Sendable {
  /// K.
  public let k: Int
  /// Cluster of each order (row), 0-based.
  public let labels: [Int]
  /// For each cluster, the row of its representative (the member nearest its centre).
  public let representatives: [Int]
  /// Orders per cluster.
  public let sizes: [Int]
  /// Each cluster's centre mapped back from PCA to the state space.
  public let centreStates: [[Double]]
  /// Purity and pair F1 against correctness (nil when undefined).
  public let qualityCorrectness: ClusterQuality?
  /// Purity and pair F1 against distinct SQuAD-normalised answers.
  public let qualityAnswers: ClusterQuality?
  /// Mean Euclidean distance of the states to their centroid (a prefill-only spread score).
  public let spread: Double
  /// Silhouette of the clustering on the PCA features (nil for K < 2 or K = n).
  public let silhouette: Double?

  /// Clusters `states` (one row per order, in the order of `answers`) with `knobs`.
  /// - Throws: `ClusteringError` for a matrix the clustering refuses.
  public init(states: [[Float]], answers: [OrderAnswer], knobs: StableRAGKnobs) throws {
    let rows = states.count
    let columns = states.first?.count ?? 0
    let matrix = states.flatMap { $0 }
    let result = try SpectralClustering.run(
      matrix, rows: rows, columns: columns, options: knobs.clusteringOptions)
    k = result.k
    labels = result.labels
    representatives = result.representatives
    sizes = result.clusterSizes
    centreStates = try result.centresInInputSpace()
    qualityCorrectness = ClusterQuality(clusters: labels, labels: answers.map(\.correct))
    qualityAnswers = ClusterQuality(
      clusters: labels,
      labels: answers.map { SquadNormalizer.answerKey($0.answer) })
    spread = try StateSpread.meanDistanceToCentroid(matrix, rows: rows, columns: columns) ?? .nan
    silhouette = try Silhouette.score(
      result.features, rows: rows, columns: result.pca.componentCount, labels: labels)
  }
}

extension StableRAGKnobs {
  /// The clustering options these knobs set.
  public var clusteringOptions: ClusteringOptions {
    var fixedK: Int? = nil
    if case .fixed(let k) = clusters { fixedK = k }
    return ClusteringOptions(
      pcaComponents: pca, sigma: sigma, fixedK: fixedK, seed: seed, restarts: restarts)
  }
}
