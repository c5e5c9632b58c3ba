import CBLAS

/// Eigenvalues and eigenvectors of a real symmetric matrix, in double precision, by LAPACK's
/// divide-and-conquer `dsyevd` (exported by OpenBLAS).
public enum SymmetricEigen {
  /// The eigen-decomposition of the symmetric `n × n` matrix `matrix` (row- or column-major: the
  /// same for a symmetric matrix; only its upper triangle is read).
  /// - Returns: `values` ascending, and `vectors` (`n × n`, row-major) whose row `j` is the unit
  ///   eigenvector of `values[j]`.
  /// - Throws: `ClusteringError.shape` unless `matrix` holds `n × n` values,
  ///   `ClusteringError.eigensolverFailed` when LAPACK reports `info != 0`.
  public static func decompose(_ matrix: [Double], n: Int) throws -> (
    values: [Double], vectors: [Double]
  ) {
    try solve(matrix, n: n, wantVectors: true)
  }

  /// The eigenvalues, ascending, of the symmetric `n × n` matrix `matrix`.
  /// - Throws: `ClusteringError.eigensolverFailed` when LAPACK reports `info != 0`.
  public static func eigenvalues(_ matrix: [Double], n: Int) throws -> [Double] {
    try solve(matrix, n: n, wantVectors: false).values
  }

  /// Calls `dsyevd` twice: a workspace query, then the decomposition in place.
  private static func solve(_ matrix: [Double], n: Int, wantVectors: Bool) throws -> (
    values: [Double], vectors: [Double]
  ) {
    guard n >= 0, matrix.count == n * n else {
      throw ClusteringError.shape(rows: n, columns: n, count: matrix.count)
    }
    guard n > 0 else { return ([], []) }
    var a = matrix
    var values = [Double](repeating: 0, count: n)
    var size = Int32(n)
    var leading = size
    var jobz = CChar(UInt8(ascii: wantVectors ? "V" : "N"))
    // LAPACK is column-major: its upper triangle is our lower one, equal for a symmetric matrix.
    var uplo = CChar(UInt8(ascii: "U"))
    var info: Int32 = 0
    var workSize = 0.0
    var iworkSize: Int32 = 0
    var query: Int32 = -1
    var iquery: Int32 = -1
    dsyevd_(
      &jobz, &uplo, &size, &a, &leading, &values, &workSize, &query, &iworkSize, &iquery, &info,
      1, 1)
    guard info == 0 else {
      throw ClusteringError.eigensolverFailed(routine: "dsyevd", info: Int(info))
    }
    var lwork = Int32(workSize.rounded(.up))
    var liwork = max(1, iworkSize)
    var work = [Double](repeating: 0, count: Int(lwork))
    var iwork = [Int32](repeating: 0, count: Int(liwork))
    dsyevd_(&jobz, &uplo, &size, &a, &leading, &values, &work, &lwork, &iwork, &liwork, &info, 1, 1)
    guard info == 0 else {
      throw ClusteringError.eigensolverFailed(routine: "dsyevd", info: Int(info))
    }
    // Column j of the column-major result is eigenvector j: row j when read row-major.
    return (values, wantVectors ? a : [])
  }
}
