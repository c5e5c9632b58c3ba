/// The silhouette score of a clustering, as scikit-learn's `silhouette_score` (Euclidean).
public enum Silhouette {
  /// The mean over samples of (b − a) / max(a, b), where a is the sample's mean distance to the
  /// other members of its cluster and b its smallest mean distance to another cluster's members; a
  /// sample alone in its cluster scores 0, and so does one with a = b = 0. nil when there are fewer
  /// than 2 clusters or as many clusters as samples (where scikit-learn refuses).
  /// - Parameters:
  ///   - matrix: `rows × columns`, row-major, one sample per row.
  ///   - labels: one cluster label per row (any integers).
  /// - Throws: `ClusteringError` for a wrong size or a non-finite entry, `MeasureInputError` when
  ///   the labels do not match the rows.
  public static func score<T: BinaryFloatingPoint>(
    _ matrix: [T], rows: Int, columns: Int, labels: [Int]
  ) throws -> Double? {
    let x = try MatrixCheck.validated(matrix, rows: rows, columns: columns)
    guard labels.count == rows else {
      throw MeasureInputError(
        description: "silhouette needs one label per row: \(rows) rows, \(labels.count) labels")
    }
    var slot: [Int: Int] = [:]  // label → 0-based cluster slot, in first-seen order
    var member: [Int] = []
    for label in labels {
      let c = slot[label, default: slot.count]
      slot[label] = c
      member.append(c)
    }
    guard slot.count >= 2, slot.count < rows else { return nil }
    var sizes = [Int](repeating: 0, count: slot.count)
    for c in member { sizes[c] += 1 }
    var total = 0.0
    var sums = [Double](repeating: 0, count: slot.count)
    for i in 0..<rows {
      for c in sums.indices { sums[c] = 0 }
      for j in 0..<rows where j != i { sums[member[j]] += distance(x, i, j, columns) }
      let own = member[i]
      guard sizes[own] > 1 else { continue }  // singleton: 0
      let a = sums[own] / Double(sizes[own] - 1)
      var b = Double.infinity
      for c in sums.indices where c != own { b = min(b, sums[c] / Double(sizes[c])) }
      let scale = max(a, b)
      total += scale > 0 ? (b - a) / scale : 0
    }
    return total / Double(rows)
  }

  /// Euclidean distance between rows `i` and `j` of the row-major `x`.
  static func distance(_ x: [Double], _ i: Int, _ j: Int, _ columns: Int) -> Double {
    var sum = 0.0
    for k in 0..<columns {
      let d = x[i * columns + k] - x[j * columns + k]
      sum += d * d
    }
    return sum.squareRoot()
  }
}
