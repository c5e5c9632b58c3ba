/// How a session stores its keys and values.
public enum KVCacheType: String, Sendable, CaseIterable {
  /// F32 (default): exact, so a prompt gives the same logits (to ~1e-5) whether its prefix was
  /// shared or evaluated in another batch shape — what prefix-shared sweeps rely on.
  case f32
  /// binary16, as llama.cpp by default: half the memory and half the bytes decode attention reads
  /// (decode after 2,048 tokens ran ~1.5× faster). Rounding keys and values turns the ulp-level
  /// differences between batch shapes into occasional visible ones (~0.03 in a logit).
  case f16

  /// Bytes per cached value.
  var bytes: Int { self == .f32 ? 4 : 2 }
}
