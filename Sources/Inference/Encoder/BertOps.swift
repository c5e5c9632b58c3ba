import CBLAS
import CKernels
import Foundation

/// The per-layer operations of the BERT forward pass, over row-major `[rows, columns]` buffers.
enum BertOps {
  /// `y[rows, out] = x[rows, in] · wᵀ + b` with `w` stored `[out, in]` (one sgemm).
  static func linear(
    _ x: UnsafePointer<Float>, rows: Int, inputs: Int, weight: [Float], bias: [Float],
    outputs: Int, into y: UnsafeMutablePointer<Float>
  ) {
    bias.withUnsafeBufferPointer { b in
      // y = bias
      for r in 0..<rows { (y + r * outputs).update(from: b.baseAddress!, count: outputs) }
    }
    weight.withUnsafeBufferPointer { w in
      cblas_sgemm(
        CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(outputs), Int32(inputs), 1, x,
        Int32(inputs), w.baseAddress, Int32(inputs), 1, y, Int32(outputs))
    }
  }

  /// In place: `x = LayerNorm(x + residual)` row by row, with weight `g`, bias `b` and `epsilon`.
  static func addLayerNorm(
    _ x: UnsafeMutablePointer<Float>, residual: UnsafePointer<Float>?, rows: Int, width: Int,
    weight: [Float], bias: [Float], epsilon: Float
  ) {
    weight.withUnsafeBufferPointer { g in
      bias.withUnsafeBufferPointer { b in
        let inverseWidth = 1 / Float(width)
        for r in 0..<rows {
          let row = x + r * width
          if let residual {
            let res = residual + r * width
            for i in 0..<width { row[i] += res[i] }  // residual connection
          }
          var mean: Float = 0
          for i in 0..<width { mean += row[i] }
          mean *= inverseWidth
          var variance: Float = 0
          for i in 0..<width {  // biased variance, as torch.nn.LayerNorm
            let d = row[i] - mean
            variance += d * d
          }
          let scale = 1 / (variance * inverseWidth + epsilon).squareRoot()
          for i in 0..<width { row[i] = (row[i] - mean) * scale * g[i] + b[i] }
        }
      }
    }
  }

  /// In place: GELU with erf, `0.5·x·(1 + erf(x/√2))` (erf to ~1e-7, see `ck_gelu_erf`).
  static func gelu(_ x: UnsafeMutablePointer<Float>, count: Int) {
    ck_gelu_erf(x, Int32(count))
  }

  /// In place: numerically stable softmax of each of `rows` rows of length `width`.
  static func softmaxRows(_ x: UnsafeMutablePointer<Float>, rows: Int, width: Int) {
    for r in 0..<rows { ck_softmax(x + r * width, Int32(width)) }
  }

  /// Multi-head self-attention of one sequence occupying rows `start..<start+length` of `qkv`
  /// (`[tokens, 3·hidden]`: queries, keys, values); writes `[tokens, hidden]` context rows.
  /// Each sequence attends only to its own tokens, which is what BERT's padding mask achieves.
  static func attention(
    qkv: UnsafePointer<Float>, start: Int, length: Int, hidden: Int, heads: Int,
    scores: UnsafeMutablePointer<Float>, into context: UnsafeMutablePointer<Float>
  ) {
    let headDim = hidden / heads
    let stride = 3 * hidden
    let scale = 1 / Float(headDim).squareRoot()
    let n = Int32(length)
    for h in 0..<heads {
      let q = qkv + start * stride + h * headDim
      let k = q + hidden
      let v = q + 2 * hidden
      // scores[L, L] = Q·Kᵀ / √d
      cblas_sgemm(
        CblasRowMajor, CblasNoTrans, CblasTrans, n, n, Int32(headDim), scale, q, Int32(stride), k,
        Int32(stride), 0, scores, n)
      softmaxRows(scores, rows: length, width: length)
      // context[L, d] = P·V, written into this head's columns
      cblas_sgemm(
        CblasRowMajor, CblasNoTrans, CblasNoTrans, n, Int32(headDim), n, 1, scores, n, v,
        Int32(stride), 0, context + start * hidden + h * headDim, Int32(hidden))
    }
  }
}
