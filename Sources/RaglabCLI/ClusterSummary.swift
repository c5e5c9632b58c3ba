import Experiments
import Foundation

/// What `raglab cluster` prints about one clustering, as text or as one JSON object.
struct ClusterSummary: Encodable {
  /// The matrix file.
  let file: String
  /// Samples.
  let rows: Int
  /// Values per sample.
  let columns: Int
  /// PCA components kept.
  let pcaComponents: Int
  /// `covariance` or `gram`: the eigenproblem the PCA solved.
  let pcaRoute: String
  /// The clusters k-means was asked for.
  let k: Int
  /// `eigengap` or `fixed`.
  let kSource: String
  /// Cluster of each row (0-based).
  let labels: [Int]
  /// Rows per cluster.
  let clusterSizes: [Int]
  /// The 0-based row nearest each cluster's centre.
  let representatives: [Int]
  /// Sum of squared distances to the centres in PCA space.
  let inertia: Double
  /// The PCA's explained-variance ratios.
  let explainedVarianceRatio: [Double]
  /// The first Laplacian eigenvalues, ascending.
  let laplacianEigenvalues: [Double]

  /// The summary of `result` for `matrix` read from `file`.
  init(file: String, matrix: NumericMatrix, result: ClusteringResult) {
    self.file = file
    rows = matrix.rows
    columns = matrix.columns
    pcaComponents = result.pca.componentCount
    pcaRoute = result.pca.route.rawValue
    k = result.k
    kSource = result.kFromEigengap ? "eigengap" : "fixed"
    labels = result.labels
    clusterSizes = result.clusterSizes
    representatives = result.representatives
    inertia = result.inertia
    explainedVarianceRatio = result.pca.explainedVarianceRatio
    laplacianEigenvalues = result.laplacianEigenvalues
  }

  /// One JSON object, keys sorted.
  func json() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(self), as: UTF8.self)
  }

  /// Lines for a terminal.
  func text() -> String {
    func list(_ values: [Double], _ format: String) -> String {
      values.map { String(format: format, $0) }.joined(separator: " ")
    }
    let route = pcaRoute == "gram" ? "Gram matrix, rows < columns" : "covariance matrix"
    let source =
      kSource == "eigengap"
      ? "largest eigengap among the first \(laplacianEigenvalues.count) eigenvalues" : "fixed"
    return """
      \(file): \(rows) rows × \(columns) columns
      PCA: \(pcaComponents) components (\(route)); explained-variance ratios:
        \(list(explainedVarianceRatio, "%.4f"))
      Laplacian eigenvalues, ascending:
        \(list(laplacianEigenvalues, "%.6f"))
      K = \(k) (\(source))
      cluster sizes: \(clusterSizes.map(String.init).joined(separator: " "))
      representative rows (0-based): \(representatives.map(String.init).joined(separator: " "))
      labels by row: \(labels.map(String.init).joined(separator: " "))
      """
  }
}
