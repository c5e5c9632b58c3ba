/// How spread out one question's states are, without any clustering.
public enum StateSpread {
  /// The mean Euclidean distance of the rows to their centroid (the mean row); nil for no rows.
  /// - Parameter matrix: `rows × columns`, row-major, one state per row.
  /// - Throws: `ClusteringError` for a wrong size or a non-finite entry.
  public static func meanDistanceToCentroid<T: BinaryFloatingPoint>(
    _ matrix: [T], rows: Int, columns: Int
  ) throws -> Double? {
    let x = try MatrixCheck.validated(matrix, rows: rows, columns: columns)
    guard rows > 0 else { return nil }
    var centroid = [Double](repeating: 0, count: columns)
    for i in 0..<rows { for k in 0..<columns { centroid[k] += x[i * columns + k] } }
    for k in 0..<columns { centroid[k] /= Double(rows) }
    var total = 0.0
    for i in 0..<rows {
      var sum = 0.0
      for k in 0..<columns {
        let d = x[i * columns + k] - centroid[k]
        sum += d * d
      }
      total += sum.squareRoot()
    }
    return total / Double(rows)
  }
}
