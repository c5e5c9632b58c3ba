import Inference

/// `generator.numerics`: how the in-process engine's prefill multiplies activations by weights.
///
/// `fast` (the default) may take int8 dot products where the CPU has them; `f32` is the reference
/// SGEMM path. The default is stored as nil, so a spec without the key (or with `numerics: fast`)
/// keeps the hash it had before the key existed; `f32` changes answers and is hashed. The
/// generation-cache key records `fast` and leaves `f32` out (`GeneratorIdentity.numerics`).
extension GeneratorSpec {
  /// The choices of `generator.numerics`.
  public static let numericsChoices = Numerics.allCases.map(\.rawValue)
  /// The value a spec without `generator.numerics` means.
  public static let defaultNumerics = Numerics.fast.rawValue

  /// The engine numerics this spec asks for (validated: `fast` or `f32`; `fast` when absent).
  public var engineNumerics: Numerics {
    numerics.flatMap(Numerics.init(rawValue:)) ?? .fast
  }
}
