import Dispatch

/// What bounds this model on this machine: the GEMM peak and the bytes one decoded token reads.
public struct Roofline: Sendable {
  /// FLOPs of the matrix products for one prefilled position (2 × weights, output head excluded).
  public let prefillFLOPsPerToken: Double
  /// Bytes of weights one decoded token streams (every quantised matrix plus the output head).
  public let decodeWeightBytesPerToken: Double
  /// SGEMM throughput (GFLOP/s) on this model's largest projection for a 512-position batch, run
  /// exactly as prefill runs it (split over the model's threads, single-threaded OpenBLAS each).
  public let gemmGFLOPS: Double
  /// The same product through the path prefill uses (`prefillPath`): the int8 kernels' rate in
  /// equivalent GFLOP/s (2 × rows × cols × batch per second), or the SGEMM rate again under `f32`.
  public let prefillPathGFLOPS: Double
}

extension LanguageModel {
  /// Measures the F32 SGEMM peak and the prefill path's rate on the largest layer matrix, run as
  /// prefill runs them, and sums the model's weight traffic; takes a second or two.
  public func measureRoofline(batch: Int = 512, repeats: Int = 8) -> Roofline {
    let layerMatrices = weights.layers.flatMap {
      [$0.wq, $0.wk, $0.wv, $0.wo, $0.gate, $0.up, $0.down]
    }
    let flops = layerMatrices.reduce(0.0) { $0 + 2 * Double($1.rows * $1.cols) }
    let bytes = (layerMatrices + [weights.output]).reduce(0.0) {
      $0 + Double($1.rows * $1.rowBytes)
    }
    let w = layerMatrices.max { $0.rows * $0.cols < $1.rows * $1.cols }!
    let x = UnsafeMutablePointer<Float>.allocate(capacity: batch * w.cols)
    let y = UnsafeMutablePointer<Float>.allocate(capacity: batch * w.rows)
    defer {
      x.deallocate()
      y.deallocate()
    }
    for i in 0..<(batch * w.cols) { x[i] = Float(i % 17) * 0.01 }
    let scratch = QuantScratch(maxColumns: w.cols)
    /// Equivalent GFLOP/s of `project` on `m` after one warm-up call.
    func rate(_ m: WeightMatrix) -> Double {
      project(x, n: batch, [Projection(y, m)], scratch: scratch, pool: pool)
      let t0 = DispatchTime.now().uptimeNanoseconds
      for _ in 0..<repeats {
        project(x, n: batch, [Projection(y, m)], scratch: scratch, pool: pool)
      }
      let seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
      return 2 * Double(batch * w.rows * w.cols * repeats) / seconds / 1e9
    }
    let path = rate(w)
    var sgemm = path
    if w.f32 == nil {  // the reference: the same matrix dequantised, through SGEMM
      let f32 = UnsafeMutablePointer<Float>.allocate(capacity: w.rows * w.cols)
      defer { f32.deallocate() }
      try! dequantize(type: w.type, raw: w.raw, count: w.rows * w.cols, into: f32)  // loaded once
      sgemm = rate(WeightMatrix(rows: w.rows, cols: w.cols, f32: f32, raw: w.raw, type: w.type))
    }
    return Roofline(
      prefillFLOPsPerToken: flops, decodeWeightBytesPerToken: bytes, gemmGFLOPS: sgemm,
      prefillPathGFLOPS: path)
  }
}
