/// The version of the engine's numerics, part of every in-process generation-cache key.
///
/// Bump it in the commit that changes what the engine computes (a kernel's rounding, the order of
/// a reduction, a new default): stored answers of the old engine then stop being reused.
public enum EngineVersion {
  /// The current numerics version (history in docs/inference-engine.md).
  public static let current = "2026.12-2"
}
