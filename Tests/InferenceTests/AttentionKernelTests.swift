import CKernels
import Inference
import Testing

/// Decode attention over an F32 or binary16 cache, split over key ranges and merged, must equal
/// one softmax over all keys.
@Test(arguments: [1, 2, 3, 5], [false, true])
func splitDecodeAttentionMatchesOneSoftmax(parts: Int, half: Bool) {
  let heads = 9
  let group = 3
  let hd = 64
  let kvHeads = heads / group
  let kvStride = kvHeads * hd
  let t = 37  // fewer keys than parts·8 for parts = 5, so some ranges are tiny
  var rng = SplitMix64(seed: 7)
  let q = (0..<heads * hd).map { _ in Float.random(in: -1...1, using: &rng) }
  // The values are binary16-representable, so both cache types hold them exactly.
  let kHalf = (0..<t * kvStride).map { _ in ck_f32_to_f16(Float.random(in: -1...1, using: &rng)) }
  let vHalf = (0..<t * kvStride).map { _ in ck_f32_to_f16(Float.random(in: -1...1, using: &rng)) }
  let k = kHalf.map(ck_f16_to_f32)
  let v = vHalf.map(ck_f16_to_f32)
  let scale: Float = 0.125
  var expected = [Float](repeating: 0, count: heads * hd)
  var weights = [Float](repeating: 0, count: t)
  for h in 0..<heads {  // reference: one query head at a time over all keys
    let kv = (h / group) * hd
    expected.withUnsafeMutableBufferPointer { out in
      k.withUnsafeBufferPointer { kp in
        v.withUnsafeBufferPointer { vp in
          ck_attend_row(
            out.baseAddress! + h * hd, &weights, Array(q[(h * hd)..<((h + 1) * hd)]),
            kp.baseAddress! + kv, vp.baseAddress! + kv, Int32(t), Int32(hd), Int32(kvStride),
            scale)
        }
      }
    }
  }
  var partials = [Float](repeating: .nan, count: parts * heads * (hd + 2))
  var scores = [Float](repeating: 0, count: group * t)
  // Part 0 is an empty range when there are several; the others cover the keys in order.
  let bounds = parts == 1 ? [0, t] : [0] + (0..<parts).map { t * $0 / (parts - 1) }
  for p in 0..<parts {
    partials.withUnsafeMutableBufferPointer { buffer in
      if half {
        ck_attend_partial(
          q, kHalf, vHalf, 1, Int32(bounds[p]), Int32(bounds[p + 1]), Int32(heads), Int32(group),
          Int32(hd), Int32(kvStride), scale, &scores, buffer.baseAddress! + p * heads * (hd + 2))
      } else {
        ck_attend_partial(
          q, k, v, 0, Int32(bounds[p]), Int32(bounds[p + 1]), Int32(heads), Int32(group),
          Int32(hd), Int32(kvStride), scale, &scores, buffer.baseAddress! + p * heads * (hd + 2))
      }
    }
  }
  var merged = [Float](repeating: 0, count: heads * hd)
  ck_attend_merge(&merged, partials, Int32(parts), Int32(heads), Int32(hd))
  let worst = zip(merged, expected).map { abs($0 - $1) }.max()!
  #expect(worst < 1e-5)
}
