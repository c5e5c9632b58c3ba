import CKernels
import Inference

/// Little-endian bytes of a 16-bit pattern (an f16 scale as stored in a block).
func le16(_ bits: UInt16) -> [UInt8] { [UInt8(bits & 0xff), UInt8(bits >> 8)] }

/// Decodes a hand-built row through the public Swift wrapper.
func decode(_ type: GGMLType, _ bytes: [UInt8], count: Int) throws -> [Float] {
  try bytes.withUnsafeBytes { raw in try dequantize(type: type, raw: raw.baseAddress!, count: count)
  }
}

/// Packs eight 6-bit scales and mins into the 12 bytes Q4_K/Q5_K store them in.
func packScalesK4(_ scales: [UInt8], _ mins: [UInt8]) -> [UInt8] {
  var q = [UInt8](repeating: 0, count: 12)
  for j in 0..<4 {
    q[j] = scales[j] & 63 | (scales[j + 4] >> 4) << 6
    q[j + 4] = mins[j] & 63 | (mins[j + 4] >> 4) << 6
    q[j + 8] = scales[j + 4] & 15 | (mins[j + 4] & 15) << 4
  }
  return q
}

/// Random bytes for `count` values of `type`, with its f16 scale fields set to sane values.
func randomRow(_ type: GGMLType, count: Int, using rng: inout SplitMix64) -> [UInt8] {
  let half = { (x: Float) in le16(ck_f32_to_f16(x)) }
  switch type {
  case .f32:
    return (0..<count).map { _ in Float.random(in: -1...1, using: &rng) }.withUnsafeBytes {
      Array($0)
    }
  case .f16: return (0..<count).flatMap { _ in half(Float.random(in: -1...1, using: &rng)) }
  case .bf16:
    return (0..<count).flatMap { _ in
      le16(UInt16(Float.random(in: -1...1, using: &rng).bitPattern >> 16))
    }
  default: break
  }
  var bytes = (0..<type.byteCount(values: count)!).map { _ in UInt8.random(in: 0...255, using: &rng)
  }
  let scaleOffsets: [Int] =
    switch type {
    case .q4_0, .q5_0, .q8_0: [0]
    case .q4_1, .q5_1, .q4_K, .q5_K: [0, 2]
    case .q6_K: [208]
    default: []
    }
  for block in stride(from: 0, to: bytes.count, by: type.blockBytes) {
    for offset in scaleOffsets {
      let scale = half(Float.random(in: -0.05...0.05, using: &rng))
      bytes[block + offset] = scale[0]
      bytes[block + offset + 1] = scale[1]
    }
    if type == .q8_0 {  // ggml never stores -128 in Q8_0 weights
      for j in 2..<34 where bytes[block + j] == 0x80 { bytes[block + j] = 0x81 }
    }
  }
  return bytes
}
