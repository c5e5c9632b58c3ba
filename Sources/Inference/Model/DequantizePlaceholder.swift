// PLACEHOLDER (engine branch): replaced by the `quant` helper's wrappers in Sources/Inference/Quant/
// once `git merge quant` lands. Only the plain float formats, so tiny F32 test models load.

/// Decodes `count` values of `type` at `raw` into `into` (placeholder: F32/F16 only).
func dequantize(type: GGMLType, raw: UnsafeRawPointer, count: Int, into: UnsafeMutablePointer<Float>) {
  switch type {
  case .f32: into.update(from: raw.assumingMemoryBound(to: Float.self), count: count)
  case .f16:
    for i in 0..<count { into[i] = Float(raw.loadUnaligned(fromByteOffset: 2 * i, as: Float16.self)) }
  default: fatalError("dequantize(\(type)) not available until the quant branch is merged")
  }
}
