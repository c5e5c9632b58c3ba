import CBLAS

/// Unit-length vectors stored as one contiguous row-major `[rows, dimension]` matrix, searched
/// exactly: cosine = dot product, one `cblas_sgemv` per query.
public struct EmbeddingMatrix: Sendable {
  /// Row-major values, `rows × dimension`.
  public let values: [Float]
  public let dimension: Int
  /// Number of vectors.
  public var rows: Int { dimension == 0 ? 0 : values.count / dimension }

  /// Wraps `values` (its count must be a multiple of `dimension`).
  public init(values: [Float], dimension: Int) {
    precondition(
      dimension > 0 && values.count % dimension == 0, "matrix size is not rows × dimension")
    self.values = values
    self.dimension = dimension
  }

  /// The dot product of `query` with every row.
  public func scores(_ query: [Float]) -> [Float] {
    precondition(query.count == dimension, "query has \(query.count) values, expected \(dimension)")
    var out = [Float](repeating: 0, count: rows)
    guard rows > 0 else { return out }
    values.withUnsafeBufferPointer { m in
      query.withUnsafeBufferPointer { q in
        out.withUnsafeMutableBufferPointer { o in
          cblas_sgemv(
            CblasRowMajor, CblasNoTrans, Int32(rows), Int32(dimension), 1, m.baseAddress,
            Int32(dimension), q.baseAddress, 1, 0, o.baseAddress, 1)
        }
      }
    }
    return out
  }

  /// The `k` rows with the highest dot product with `query`, best first (ties by lower row).
  public func nearest(_ query: [Float], k: Int) -> [(row: Int, score: Float)] {
    let scores = scores(query)
    let k = min(k, rows)
    guard k > 0 else { return [] }
    // Keep a small sorted list: a k-pass selection is fast for the k ≤ 100 retrieval needs.
    var best: [(row: Int, score: Float)] = []
    best.reserveCapacity(k + 1)
    for (row, score) in scores.enumerated()
    where best.count < k || score > best[best.count - 1].score {
      var i = best.count
      while i > 0 && best[i - 1].score < score { i -= 1 }
      best.insert((row, score), at: i)
      if best.count > k { best.removeLast() }
    }
    return best
  }
}
