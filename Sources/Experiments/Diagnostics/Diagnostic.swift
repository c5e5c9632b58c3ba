/// A measurement a run may take beside each answer, named in a spec's `diagnostics` list.
public enum Diagnostic: String, Codable, Sendable, CaseIterable, Comparable {
  /// The attention mass the last prompt position puts on each passage slot, per quarter of the
  /// layers (in-process generator only).
  case attention

  public static func < (a: Diagnostic, b: Diagnostic) -> Bool { a.rawValue < b.rawValue }
}
