import CBLAS
import Dispatch

/// out[n × w.rows] = x[n × w.cols] · wᵀ, with `out` rows `ldo` floats apart (default `w.rows`).
///
/// One position uses the quantised matvec over the mmapped blocks (memory-bound, so reading 4–8
/// bits per weight beats F32); a batch uses OpenBLAS SGEMM on the dequantised F32 copy.
func matmul(
  _ out: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, _ w: WeightMatrix, n: Int,
  ldo: Int? = nil,
  scratch: QuantScratch
) {
  if n == 1 || w.f32 == nil {
    for r in 0..<n {
      quantizedMatvec(out + r * (ldo ?? w.rows), x + r * w.cols, w, scratch: scratch)
    }
    return
  }
  cblas_sgemm(
    CblasRowMajor, CblasNoTrans, CblasTrans, Int32(n), Int32(w.rows), Int32(w.cols), 1, x,
    Int32(w.cols),
    w.f32, Int32(w.cols), 0, out, Int32(ldo ?? w.rows))
}

/// Buffer for one activation row quantised to a weight type's dot-product format, plus the thread count.
final class QuantScratch: @unchecked Sendable {
  let bytes: UnsafeMutableRawPointer
  let threads: Int

  /// Room for a row of `maxColumns` values in any activation format.
  init(maxColumns: Int, threads: Int) {
    bytes = .allocate(byteCount: maxColumns * 4 + 1024, alignment: 64)
    self.threads = max(1, threads)
  }

  deinit { bytes.deallocate() }
}

/// out[0..<w.rows] = w · x: quantises x like llama.cpp (Q8_0/Q8_1/Q8_K per weight type) and splits
/// the rows over the scratch's threads.
func quantizedMatvec(
  _ out: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, _ w: WeightMatrix,
  scratch: QuantScratch
) {
  let actType = w.type.vecDotType!  // checked at load
  try! quantize(x, count: w.cols, as: actType, into: scratch.bytes)  // count is whole blocks: checked at load
  let chunks = w.rows >= 512 ? scratch.threads : 1
  let job = UnsafeSendable((out, scratch.bytes, w))
  let per = (w.rows + chunks - 1) / chunks
  let run: @Sendable (Int) -> Void = { c in
    let rows = (c * per)..<min(job.value.2.rows, (c + 1) * per)
    guard !rows.isEmpty else { return }
    let (y, act, w) = job.value
    try! matvec(
      weightType: w.type, weights: w.raw, rowStride: w.rowBytes, activation: act, output: y,
      rows: rows,
      columns: w.cols)
  }
  if chunks == 1 {
    run(0)
  } else {
    DispatchQueue.concurrentPerform(iterations: chunks, execute: run)
  }
}
