import CBLAS
import CKernels

/// The post-RoPE queries of the positions appended while a session captures them.
///
/// Rows of `layers × dim` floats, one per position from `from` on, in a buffer that grows as
/// positions arrive (a context-sized buffer would be gigabytes for long-context models).
final class QueryCapture {
  /// Floats per position (`layers × dim`).
  let stride: Int
  /// Floats per layer (`dim`).
  let dim: Int
  /// The first captured position (buffer row 0): positions `from..<session.count` hold their
  /// queries.
  private(set) var from: Int
  /// `capacity × stride` floats.
  private(set) var buffer: UnsafeMutablePointer<Float>
  /// Positions the buffer has room for.
  private var capacity: Int

  /// An empty capture whose first position will be `from`.
  init(layers: Int, dim: Int, from: Int) {
    stride = layers * dim
    self.dim = dim
    self.from = from
    capacity = 16
    buffer = .allocate(capacity: capacity * stride)
  }

  deinit { buffer.deallocate() }

  /// Copies the queries (`rows × dim`) of positions `pos0…` in `layer` (those from `from` on:
  /// re-running a position cut before the capture began records nothing).
  func record(_ q: UnsafePointer<Float>, layer: Int, rows: Int, pos0: Int) {
    reserve(through: pos0 + rows)
    for r in min(rows, max(0, from - pos0))..<rows {
      (row(pos0 + r) + layer * dim).update(from: q + r * dim, count: dim)
    }
  }

  /// The captured queries of `position` (all layers).
  func row(_ position: Int) -> UnsafeMutablePointer<Float> {
    buffer + (position - from) * stride
  }

  /// Forgets positions from `count` on (later appends are recorded again).
  func truncate(to count: Int) { from = min(from, count) }

  /// Grows the buffer to hold positions up to `end` (exclusive), keeping its rows.
  private func reserve(through end: Int) {
    guard end - from > capacity else { return }
    let grown = max(end - from, 2 * capacity)
    let bigger = UnsafeMutablePointer<Float>.allocate(capacity: grown * stride)
    bigger.update(from: buffer, count: capacity * stride)
    buffer.deallocate()
    buffer = bigger
    capacity = grown
  }
}

extension Session {
  /// Whether `append` records every position's queries (all layers) for
  /// `attentionReceived(from:)`; off by default, when it records nothing and costs nothing.
  ///
  /// Switching it on captures the positions appended from then on; switching it off frees them.
  public var capturesQueries: Bool {
    get { queryCapture != nil }
    set {
      guard newValue != capturesQueries else { return }
      queryCapture =
        newValue
        ? QueryCapture(layers: config.layerCount, dim: config.embeddingLength, from: count) : nil
    }
  }

  /// The attention weight the query positions `queries` put on each cached position, summed over
  /// layers, heads and those queries: element j is Σ_layer Σ_head Σ_{p ∈ queries, p ≥ j} a(p, j).
  ///
  /// What ICR (Chen et al., 2024) scores a document token by. Recomputed from the cached keys and
  /// the captured queries (blocked SGEMM per head on the thread team, as prefill), so each query
  /// row sums to one per layer and head.
  /// - Returns: `count` values (positions after `queries.upperBound - 1` receive nothing).
  /// - Throws: `SessionError` when `queries` is empty, outside the cache, or was appended while
  ///   `capturesQueries` was off.
  public func attentionReceived(from queries: Range<Int>) throws -> [Float] {
    guard !queries.isEmpty, queries.upperBound <= count else {
      throw SessionError(
        description: "query positions \(queries) are empty or outside the cache 0..<\(count)")
    }
    guard let capture = queryCapture, capture.from <= queries.lowerBound else {
      let held = queryCapture.map { "\($0.from)..<\(count)" } ?? "none"
      throw SessionError(
        description:
          "queries of positions \(queries) were not captured (captured: \(held)): set "
          + "capturesQueries = true before appending them")
    }
    let c = config
    let hd = c.headDimension
    let group = c.headCount / c.kvHeadCount
    let scale = 1 / Float(hd).squareRoot()
    let keysSeen = queries.upperBound
    let (rowStride, layerStride) = (capture.stride, capture.dim)
    let workers = model.pool.threads
    let regionSize = RunState.attentionRowBlockLimit * context
    let block = attentionRowBlock
    // one accumulator row per worker, summed at the end
    let sums = UnsafeMutablePointer<Float>.allocate(capacity: workers * keysSeen)
    sums.initialize(repeating: 0, count: workers * keysSeen)
    defer { sums.deallocate() }
    let job = UnsafeSendable((capture.row(0), state.att, sums))
    for l in 0..<c.layerCount {
      let wide = UnsafeSendable(widenedLayer(l, rows: keysSeen))
      model.pool.run { worker, workers in
        let (queryBuffer, att0, sums) = job.value
        let keys = wide.value.0
        let att = att0 + worker * regionSize
        let acc = sums + worker * keysSeen
        for h in stride(from: worker, to: c.headCount, by: workers) {
          var p0 = queries.lowerBound
          while p0 < queries.upperBound {  // causal row blocks of query positions
            let rows = min(block, queries.upperBound - p0)
            let visible = p0 + rows
            cblas_sgemm(
              CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(visible), Int32(hd),
              scale, queryBuffer + p0 * rowStride + l * layerStride + h * hd,
              Int32(rowStride), keys + (h / group) * hd, Int32(c.kvDimension), 0, att,
              Int32(visible))
            ck_causal_softmax(att, Int32(rows), Int32(visible), Int32(p0))
            for r in 0..<rows {  // column sums of the weights
              let row = att + r * visible
              for j in 0..<(p0 + r + 1) { acc[j] += row[j] }
            }
            p0 += rows
          }
        }
      }
    }
    var result = [Float](repeating: 0, count: count)
    for w in 0..<workers {
      for j in 0..<keysSeen { result[j] += sums[w * keysSeen + j] }
    }
    return result
  }
}
