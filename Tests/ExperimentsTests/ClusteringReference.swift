import Foundation

/// Reference clusterings written once by scripts/cluster-fixtures.py (scikit-learn's PCA and
/// KMeans, scipy's eigh, following Stable-RAG's released procedure).
struct ClusteringReference: Decodable {
  /// One matrix and what scikit-learn made of it.
  struct Case: Decodable {
    let name: String
    let rows: Int
    let columns: Int
    /// Whether the matrix is separable blobs (then `truth` holds the blob of each row).
    let separable: Bool
    let truth: [Int]?
    /// `rows × columns`, row-major.
    let matrix: [Double]
    let explainedVarianceRatio: [Double]
    /// The first min(20, n − 1) + 1 Laplacian eigenvalues, ascending.
    let laplacianEigenvalues: [Double]
    let k: Int
    /// `KMeans(K, random_state=42)` labels.
    let kmeansLabels: [Int]
  }
  let cases: [Case]

  /// Reads Tests/ExperimentsTests/Fixtures/clustering-reference.json.
  static func load() throws -> ClusteringReference {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/clustering-reference.json")
    return try JSONDecoder().decode(ClusteringReference.self, from: Data(contentsOf: url))
  }
}
