import CKernels
import Foundation
import Inference
import Testing

/// Causal attention of `rows` query rows at positions pos0… through the row kernels: scores,
/// softmax, weighted values (the prefill path of `Session.attention`).
private func attendRows(
  q: [Float], k: [Float], v: [Float], hd: Int, rows: Int, pos0: Int, scale: Float
) -> [Float] {
  let visible = pos0 + rows
  var scores = [Float](repeating: 0, count: rows * visible)
  var out = [Float](repeating: 0, count: rows * hd)
  q.withUnsafeBufferPointer { q in
    k.withUnsafeBufferPointer { k in
      ck_score_rows(
        &scores, Int32(visible), q.baseAddress!, Int32(hd), Int32(rows), Int32(pos0),
        k.baseAddress!, Int32(hd), Int32(hd), scale)
    }
  }
  ck_causal_softmax(&scores, Int32(rows), Int32(visible), Int32(pos0))
  v.withUnsafeBufferPointer { v in
    ck_weighted_value_rows(
      &out, Int32(hd), scores, Int32(visible), Int32(rows), Int32(pos0), v.baseAddress!,
      Int32(hd), Int32(hd))
  }
  return out
}

@Test(arguments: [64, 12])
func rowAttentionMatchesADoublePrecisionSoftmaxAndIgnoresTheBlockShape(hd: Int) {
  var rng = SplitMix64(seed: UInt64(hd))
  let n = 37
  let q = (0..<(n * hd)).map { _ in Float.random(in: -1...1, using: &rng) }
  let k = (0..<(n * hd)).map { _ in Float.random(in: -1...1, using: &rng) }
  let v = (0..<(n * hd)).map { _ in Float.random(in: -1...1, using: &rng) }
  let scale = 1 / Float(hd).squareRoot()
  let whole = attendRows(q: q, k: k, v: v, hd: hd, rows: n, pos0: 0, scale: scale)
  // Hand-written reference in Double: softmax over keys 0...p, then the weighted sum.
  var worst = 0.0
  for p in 0..<n {
    let s = (0...p).map { j in
      (0..<hd).reduce(0.0) { $0 + Double(q[p * hd + $1]) * Double(k[j * hd + $1]) } * Double(scale)
    }
    let m = s.max()!
    let e = s.map { Foundation.exp($0 - m) }
    let total = e.reduce(0, +)
    for d in 0..<hd {
      let expected = (0...p).reduce(0.0) { $0 + e[$1] / total * Double(v[$1 * hd + d]) }
      worst = max(worst, abs(Double(whole[p * hd + d]) - expected))
    }
  }
  #expect(worst < 1e-5, "largest difference \(worst)")
  // The same rows in blocks of 5 starting at each offset: bit-identical outputs.
  for r0 in stride(from: 0, to: n, by: 5) {
    let rows = min(5, n - r0)
    let block = attendRows(
      q: Array(q[(r0 * hd)...]), k: k, v: v, hd: hd, rows: rows, pos0: r0, scale: scale)
    #expect(block == Array(whole[(r0 * hd)..<((r0 + rows) * hd)]), "block at \(r0)")
  }
}
