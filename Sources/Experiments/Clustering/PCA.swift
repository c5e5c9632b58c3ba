/// Principal component analysis of an `n × d` row-major matrix in double precision, as
/// scikit-learn's `PCA` defines it: columns centred; components = the leading eigenvectors of the
/// covariance, each signed so its largest-magnitude entry is positive (sklearn's `svd_flip` on
/// the rows of `Vt`); explained variance = eigenvalue / (n − 1); ratio = that over the total
/// variance (ddof = 1). The eigenproblem is the `d × d` covariance or, when `n < d`, the cheaper
/// `n × n` Gram matrix (same non-zero eigenvalues; components mapped back through the data).
public struct PCA: Sendable {
  /// Which matrix the eigenvalues came from.
  public enum Route: String, Sendable {
    /// `Xcᵀ Xc`, `d × d` (used when `n ≥ d`).
    case covariance
    /// `Xc Xcᵀ`, `n × n` (used when `n < d`).
    case gram
  }

  /// Columns of the fitted matrix (`d`).
  public let columns: Int
  /// Number of components kept: min(requested, n, d), scikit-learn's limit.
  public let componentCount: Int
  /// Column means of the fitted matrix (`d` values).
  public let mean: [Double]
  /// `componentCount × d`, row-major: unit rows by decreasing variance. A component whose
  /// variance is numerically zero (the n-th when n ≤ d, as centring removes one rank) is all zeros.
  public let components: [Double]
  /// The variance each component explains (eigenvalue / (n − 1)).
  public let explainedVariance: [Double]
  /// Explained variance over the total variance of the matrix, as sklearn's
  /// `explained_variance_ratio_`.
  public let explainedVarianceRatio: [Double]
  /// The eigenproblem that was solved.
  public let route: Route

  /// Fits the PCA on `matrix` (`rows × columns`, row-major) and returns it with the features
  /// of the fitted rows (`rows × componentCount`, row-major).
  /// - Throws: `ClusteringError` for a wrong size, a non-finite entry, fewer than 2 rows,
  ///   `components < 1`, identical rows, or a failed eigensolver.
  public static func fit<T: BinaryFloatingPoint>(
    _ matrix: [T], rows: Int, columns: Int, components: Int
  ) throws -> (pca: PCA, features: [Double]) {
    let x = try MatrixCheck.validated(matrix, rows: rows, columns: columns)
    guard rows >= 2 else { throw ClusteringError.tooFewRows(rows) }
    guard components >= 1 else {
      throw ClusteringError.invalidOption(
        name: "PCA components", message: "must be 1 or more (got \(components))")
    }
    guard !MatrixCheck.allRowsEqual(x, rows: rows, columns: columns) else {
      throw ClusteringError.noVariance(rows: rows)
    }
    let (n, d) = (rows, columns)
    let count = min(components, n, d)
    var mean = [Double](repeating: 0, count: d)
    for row in 0..<n { for j in 0..<d { mean[j] += x[row * d + j] } }
    for j in 0..<d { mean[j] /= Double(n) }
    var centred = x
    for row in 0..<n { for j in 0..<d { centred[row * d + j] -= mean[j] } }
    let totalSquares = centred.reduce(0) { $0 + $1 * $1 }

    let route: Route = n < d ? .gram : .covariance
    let (eigenvalues, basis) = try leadingEigenpairs(
      centred, n: n, d: d, count: count, route: route)
    let pca = PCA(
      columns: d, componentCount: count, mean: mean, components: basis,
      explainedVariance: eigenvalues.map { $0 / Double(n - 1) },
      explainedVarianceRatio: eigenvalues.map { $0 / totalSquares }, route: route)
    let features = MatrixProduct.multiply(centred, basis, m: n, n: count, k: d, transposeB: true)
    return (pca, features)
  }

  /// The features of new rows (`rows × columns`, row-major): `(x − mean) · componentsᵀ`.
  /// - Throws: `ClusteringError.shape` when `matrix` is not `rows × columns`.
  public func transform(_ matrix: [Double], rows: Int) throws -> [Double] {
    guard rows >= 0, matrix.count == rows * columns else {
      throw ClusteringError.shape(rows: rows, columns: columns, count: matrix.count)
    }
    var centred = matrix
    for row in 0..<rows { for j in 0..<columns { centred[row * columns + j] -= mean[j] } }
    return MatrixProduct.multiply(
      centred, components, m: rows, n: componentCount, k: columns, transposeB: true)
  }

  /// Points of the original space for features (`rows × componentCount`, row-major):
  /// `f · components + mean` — e.g. a cluster centre mapped back to a hidden state.
  /// - Throws: `ClusteringError.shape` when `features` is not `rows × componentCount`.
  public func inverseTransform(_ features: [Double], rows: Int) throws -> [Double] {
    guard rows >= 0, features.count == rows * componentCount else {
      throw ClusteringError.shape(rows: rows, columns: componentCount, count: features.count)
    }
    var points = MatrixProduct.multiply(
      features, components, m: rows, n: columns, k: componentCount)
    for row in 0..<rows { for j in 0..<columns { points[row * columns + j] += mean[j] } }
    return points
  }

  /// The `count` largest eigenvalues of `Xcᵀ Xc` (descending, clamped at 0) and their unit
  /// eigenvectors in the column space (`count × d`, row-major, sign-normalised).
  private static func leadingEigenpairs(
    _ centred: [Double], n: Int, d: Int, count: Int, route: Route
  ) throws -> (values: [Double], basis: [Double]) {
    let size = route == .gram ? n : d
    let product =
      route == .gram
      ? MatrixProduct.multiply(centred, centred, m: n, n: n, k: d, transposeB: true)
      : MatrixProduct.multiply(centred, centred, m: d, n: d, k: n, transposeA: true)
    let (ascending, vectors) = try SymmetricEigen.decompose(product, n: size)
    let largest = max(ascending.last ?? 0, 0)
    var values: [Double] = []
    var basis = [Double](repeating: 0, count: count * d)
    for r in 0..<count {
      let j = size - 1 - r
      let value = max(ascending[j], 0)
      values.append(value)
      let vector = Array(vectors[(j * size)..<((j + 1) * size)])
      if route == .covariance {
        basis.replaceSubrange((r * d)..<((r + 1) * d), with: vector)
      } else if value > largest * 1e-12 {
        // v = Xcᵀ u / √λ: the unit right singular vector paired with the left one u.
        let v = MatrixProduct.multiply(vector, centred, m: 1, n: d, k: n)
        let scale = 1 / value.squareRoot()
        basis.replaceSubrange((r * d)..<((r + 1) * d), with: v.map { $0 * scale })
      }
      signNormalise(&basis, row: r, width: d)
    }
    return (values, basis)
  }

  /// Flips row `row` so its largest-magnitude entry (the first, on ties) is positive.
  private static func signNormalise(_ basis: inout [Double], row: Int, width: Int) {
    var best = row * width
    for index in (row * width)..<((row + 1) * width) where abs(basis[index]) > abs(basis[best]) {
      best = index
    }
    if basis[best] < 0 {
      for index in (row * width)..<((row + 1) * width) { basis[index] = -basis[index] }
    }
  }
}
