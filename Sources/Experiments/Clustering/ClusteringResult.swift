/// What `SpectralClustering.run` found for one `n × d` matrix.
public struct ClusteringResult: Sendable {
  /// The number of clusters asked of k-means: the eigengap's K, or the fixed K.
  public let k: Int
  /// Whether `k` came from the eigengap (false: the fixed K).
  public let kFromEigengap: Bool
  /// Cluster of each row, numbered by first appearance (row 0 is in cluster 0).
  public let labels: [Int]
  /// Centre of each cluster in PCA space (`pca.componentCount` values each). Fewer than `k`
  /// only when the matrix has fewer than `k` distinct rows.
  public let centres: [[Double]]
  /// For each cluster, the member row nearest its centre (Euclidean in PCA space).
  public let representatives: [Int]
  /// Sum of squared distances of the rows to their centres, in PCA space.
  public let inertia: Double
  /// The first min(20, n − 1) + 1 eigenvalues of the normalised Laplacian, ascending.
  public let laplacianEigenvalues: [Double]
  /// The fitted PCA: explained-variance ratios, and the map of centres back to the input space.
  public let pca: PCA
  /// The rows in PCA space, `n × pca.componentCount`, row-major.
  public let features: [Double]

  /// Rows in each cluster.
  public var clusterSizes: [Int] {
    var sizes = [Int](repeating: 0, count: centres.count)
    for label in labels { sizes[label] += 1 }
    return sizes
  }

  /// The cluster centres mapped back to the input space (`d` values each).
  public func centresInInputSpace() throws -> [[Double]] {
    let points = try pca.inverseTransform(centres.flatMap { $0 }, rows: centres.count)
    return (0..<centres.count).map { Array(points[($0 * pca.columns)..<(($0 + 1) * pca.columns)]) }
  }
}
