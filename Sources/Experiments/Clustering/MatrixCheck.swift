/// Checks of a row-major matrix handed to the clustering: its size, and that every entry is finite.
enum MatrixCheck {
  /// The matrix converted to double precision, once its size and entries are checked.
  /// - Throws: `ClusteringError.shape` when `values.count != rows × columns` (or a dimension is
  ///   not positive), `.nonFinite` naming the first NaN or infinite entry.
  static func validated<T: BinaryFloatingPoint>(_ values: [T], rows: Int, columns: Int) throws
    -> [Double]
  {
    let (product, overflow) = rows.multipliedReportingOverflow(by: columns)
    guard rows >= 0, columns > 0, !overflow, product == values.count else {
      throw ClusteringError.shape(rows: rows, columns: columns, count: values.count)
    }
    var result = [Double](repeating: 0, count: values.count)
    for (index, value) in values.enumerated() {
      let double = Double(value)
      guard double.isFinite else {
        throw ClusteringError.nonFinite(
          row: index / columns, column: index % columns, value: double)
      }
      result[index] = double
    }
    return result
  }

  /// Whether every row equals the first one exactly (no variance in any direction).
  static func allRowsEqual(_ values: [Double], rows: Int, columns: Int) -> Bool {
    for row in 1..<max(rows, 1) {
      for column in 0..<columns where values[row * columns + column] != values[column] {
        return false
      }
    }
    return true
  }
}
