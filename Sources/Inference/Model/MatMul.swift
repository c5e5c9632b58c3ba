import CBLAS
import CKernels

/// One output of a shared input: `out` (rows `ldo` floats apart) = input · `weight`ᵀ.
struct Projection {
  let out: UnsafeMutablePointer<Float>
  let weight: WeightMatrix
  let ldo: Int

  init(_ out: UnsafeMutablePointer<Float>, _ weight: WeightMatrix, ldo: Int? = nil) {
    self.out = out
    self.weight = weight
    self.ldo = ldo ?? weight.rows
  }
}

/// Computes every projection of the `n` input rows `x` (`cols` floats each) in one parallel step.
///
/// One position uses the quantised matvec over the mmapped blocks (memory-bound, so reading 4–8
/// bits per weight beats F32), with `x` quantised once per activation format like llama.cpp. A
/// batch uses each weight's batch form, every thread taking a slice of every weight's rows: the
/// int8 GEMM on repacked weights (x quantised once per block of 32, split over the threads), or
/// single-threaded OpenBLAS SGEMM on dequantised F32 weights.
func project(
  _ x: UnsafePointer<Float>, n: Int, _ projections: [Projection], scratch: QuantScratch,
  pool: ComputePool
) {
  if n == 1 || projections.contains(where: { $0.weight.f32 == nil && $0.weight.int8 == nil }) {
    for r in 0..<n {
      let row = projections.map { Projection($0.out + r * $0.ldo, $0.weight, ldo: $0.ldo) }
      quantizedMatvecs(x + r * projections[0].weight.cols, row, scratch: scratch, pool: pool)
    }
    return
  }
  let cols = projections[0].weight.cols
  var activations = ck_act_i8()
  if projections.contains(where: { $0.weight.int8 != nil }) {
    activations = scratch.int8.view(tokens: n, cols: cols)
    let shared = UnsafeSendable(activations)
    pool.run { worker, workers in
      var a = shared.value
      let t = ComputePool.share(of: n, worker: worker, workers: workers)
      ck_i8_quantize_rows(x, Int64(cols), Int64(t.lowerBound), Int64(t.upperBound), &a)
    }
  }
  let shared = UnsafeSendable(activations)
  pool.run { worker, workers in
    var a = shared.value
    for p in projections {
      let w = p.weight
      if let packed = w.int8 {
        let groups = ComputePool.share(
          of: Int(packed.pointee.groups), worker: worker, workers: workers)
        guard !groups.isEmpty else { continue }
        let status = ck_i8_gemm(
          Int8Prefill.path, packed, &a, p.out, Int64(p.ldo), Int64(groups.lowerBound),
          Int64(groups.upperBound))
        precondition(status == 0, "int8 GEMM refused a matrix it packed")  // checked at load
        continue
      }
      let rows = ComputePool.share(of: w.rows, worker: worker, workers: workers)
      guard !rows.isEmpty else { continue }
      cblas_sgemm(
        CblasRowMajor, CblasNoTrans, CblasTrans, Int32(n), Int32(rows.count), Int32(w.cols), 1, x,
        Int32(w.cols), w.f32! + rows.lowerBound * w.cols, Int32(w.cols), 0,
        p.out + rows.lowerBound, Int32(p.ldo))
    }
  }
}

/// Buffers for one activation row quantised to each weight format's dot-product format.
final class QuantScratch: @unchecked Sendable {
  /// Bytes reserved per format slot.
  let slotBytes: Int
  /// Slots (distinct activation formats one step can need).
  static let slots = 4
  let bytes: UnsafeMutableRawPointer
  /// A batch of activations quantised for the int8 GEMM.
  let int8 = Int8Activations()

  /// Room for a row of `maxColumns` values in up to `slots` activation formats.
  init(maxColumns: Int) {
    slotBytes = (maxColumns * 4 + 1024 + 63) / 64 * 64
    bytes = .allocate(byteCount: slotBytes * Self.slots, alignment: 64)
  }

  deinit { bytes.deallocate() }
}

/// out = w · x for every projection: quantises x once per activation format (Q8_0/Q8_1/Q8_K, as
/// llama.cpp does) and splits every matrix's rows over the pool's threads.
func quantizedMatvecs(
  _ x: UnsafePointer<Float>, _ projections: [Projection], scratch: QuantScratch, pool: ComputePool
) {
  var formats: [GGMLType] = []
  var slot: [Int] = []
  for p in projections {
    let format = p.weight.type.vecDotType!  // checked at load
    if let i = formats.firstIndex(of: format) {
      slot.append(i)
    } else {
      precondition(formats.count < QuantScratch.slots, "too many activation formats in one step")
      // The column count is whole blocks: checked at load.
      try! quantize(
        x, count: p.weight.cols, as: format, into: scratch.bytes + formats.count * scratch.slotBytes
      )
      slot.append(formats.count)
      formats.append(format)
    }
  }
  pool.run { worker, workers in
    for (p, s) in zip(projections, slot) {
      let w = p.weight
      let rows = ComputePool.share(of: w.rows, worker: worker, workers: workers)
      guard !rows.isEmpty else { continue }
      try! matvec(
        weightType: w.type, weights: w.raw, rowStride: w.rowBytes,
        activation: scratch.bytes + s * scratch.slotBytes, output: p.out, rows: rows,
        columns: w.cols)
    }
  }
}
