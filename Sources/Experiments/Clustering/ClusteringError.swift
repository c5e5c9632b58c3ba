/// Why a matrix could not be clustered: each case says what was wrong and how to fix it.
public enum ClusteringError: Error, Sendable, Equatable, CustomStringConvertible {
  /// `values.count` is not `rows × columns`.
  case shape(rows: Int, columns: Int, count: Int)
  /// Fewer rows than the procedure needs (2).
  case tooFewRows(Int)
  /// The entry at 0-based (`row`, `column`) is NaN or infinite.
  case nonFinite(row: Int, column: Int, value: Double)
  /// Every row is the same point: no direction of variance, no cosine, nothing to cluster.
  case noVariance(rows: Int)
  /// A fixed K larger than the number of rows.
  case tooManyClusters(k: Int, rows: Int)
  /// An option outside its range: the option's name and what it accepts.
  case invalidOption(name: String, message: String)
  /// A LAPACK routine reported `info != 0`.
  case eigensolverFailed(routine: String, info: Int)

  public var description: String {
    switch self {
    case .shape(let rows, let columns, let count):
      return "a \(rows) × \(columns) matrix needs \(rows * columns) values, got \(count)"
    case .tooFewRows(let rows):
      return "clustering needs at least 2 rows (samples), got \(rows)"
    case .nonFinite(let row, let column, let value):
      return
        "row \(row + 1), column \(column + 1) is \(value): every entry must be a finite number "
        + "(rows and columns counted from 1)"
    case .noVariance(let rows):
      return "all \(rows) rows are the same point (zero variance): there is nothing to cluster"
    case .tooManyClusters(let k, let rows):
      return "a fixed K of \(k) needs at least \(k) rows, got \(rows): lower K or use the eigengap"
    case .invalidOption(let name, let message):
      return "\(name) \(message)"
    case .eigensolverFailed(let routine, let info):
      return "LAPACK \(routine) failed with info = \(info)"
        + (info < 0 ? " (argument \(-info) was illegal)" : " (the eigenvalues did not converge)")
    }
  }
}
