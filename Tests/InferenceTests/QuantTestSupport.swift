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
