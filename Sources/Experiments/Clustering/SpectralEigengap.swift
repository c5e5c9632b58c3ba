import Foundation

/// The number of clusters by the largest eigengap of a normalised graph Laplacian, as
/// Stable-RAG's released code computes it (arXiv 2601.02993; REFERENCES.md):
/// A = exp(−(1 − cos)/σ) over the rows (diagonal kept), D^−½ = 1/√(row sum + 1e−10),
/// L = I − D^−½ A D^−½, eigenvalues ascending, max_k = min(20, n − 1),
/// K = max(2, argmax(diff(first max_k + 1 eigenvalues)) + 1).
public enum SpectralEigengap {
  /// The cap on K the eigengap can choose (max_k = min(cap, n − 1)).
  public static let maxKCap = 20

  /// Eigenvalues the eigengap reads for `rows` samples: min(20, n − 1) + 1.
  public static func eigenvalueCount(rows: Int) -> Int { min(maxKCap, rows - 1) + 1 }

  /// All eigenvalues, ascending, of the normalised Laplacian of the cosine affinity of `rows`
  /// points (`rows × width`, row-major) at scale `sigma`.
  /// - Throws: `ClusteringError.eigensolverFailed` when LAPACK fails.
  public static func laplacianEigenvalues(
    _ points: [Double], rows: Int, width: Int, sigma: Double
  ) throws -> [Double] {
    let a = affinity(points, rows: rows, width: width, sigma: sigma)
    return try SymmetricEigen.eigenvalues(laplacian(a, n: rows), n: rows)
  }

  /// K from ascending Laplacian eigenvalues of `rows` points: one past the largest gap among the
  /// first min(20, n − 1) + 1 eigenvalues (the first gap on ties), and at least 2.
  public static func k(ascendingEigenvalues values: [Double], rows: Int) -> Int {
    let first = values.prefix(eigenvalueCount(rows: rows))
    var best = 0
    var bestGap = -Double.infinity
    for index in 0..<max(first.count - 1, 0) {
      let gap = first[first.startIndex + index + 1] - first[first.startIndex + index]
      if gap > bestGap { (best, bestGap) = (index, gap) }
    }
    return max(2, best + 1)
  }

  /// A[i][j] = exp(−(1 − cos(xᵢ, xⱼ))/σ). A zero row has cosine 0 with every other row (and 1
  /// with itself), where the released code would divide by zero.
  static func affinity(_ points: [Double], rows: Int, width: Int, sigma: Double) -> [Double] {
    let dots = MatrixProduct.multiply(points, points, m: rows, n: rows, k: width, transposeB: true)
    let norms = (0..<rows).map { dots[$0 * rows + $0].squareRoot() }
    var a = [Double](repeating: 0, count: rows * rows)
    for i in 0..<rows {
      for j in 0..<rows {
        let normProduct = norms[i] * norms[j]
        let cosine = normProduct > 0 ? dots[i * rows + j] / normProduct : (i == j ? 1 : 0)
        a[i * rows + j] = exp(-(1 - cosine) / sigma)
      }
    }
    return a
  }

  /// L = I − D^−½ A D^−½ with D^−½ = 1/√(row sum + 1e−10).
  static func laplacian(_ a: [Double], n: Int) -> [Double] {
    let inverseRoots = (0..<n).map { i in
      1 / ((0..<n).reduce(0) { $0 + a[i * n + $1] } + 1e-10).squareRoot()
    }
    var l = [Double](repeating: 0, count: n * n)
    for i in 0..<n {
      for j in 0..<n {
        l[i * n + j] = (i == j ? 1 : 0) - inverseRoots[i] * a[i * n + j] * inverseRoots[j]
      }
    }
    return l
  }
}
