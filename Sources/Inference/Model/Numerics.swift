/// How prefill multiplies a batch of activations by the weights.
public enum Numerics: String, Sendable, CaseIterable {
  /// Activations quantised to 8 bits per block of 32 and multiplied with the quantised weights by
  /// int8 dot-product instructions (AVX512-VNNI, AVX-VNNI or AVX2), where the CPU and the weight
  /// format allow; otherwise the `f32` path. The default.
  case fast
  /// Weights dequantised to F32 once and multiplied by OpenBLAS SGEMM: the reference path.
  case f32
}
