import Yams

/// Spec checks of `diagnostics` beyond its shape: attention needs the in-process generator.
enum DiagnosticsCheck {
  /// Reports `diagnostics: [attention]` with `generator.backend: openai` (a server does not expose
  /// its attention), at the list item's line.
  static func check(_ root: Node, _ checker: inout SpecChecker) {
    guard let items = root.mapping?["diagnostics"]?.sequence else { return }
    let backend =
      root.mapping?["generator"]?.mapping?["backend"]?.string ?? GeneratorSpec().backend
    guard backend == "openai" else { return }
    for (i, item) in items.enumerated() where item.string == Diagnostic.attention.rawValue {
      checker.report(
        "diagnostics[\(i)]", item.mark?.line,
        "attention diagnostics need the in-process generator (backend is \(backend)): remove "
          + "'attention' from diagnostics or set generator.backend: inprocess")
    }
  }
}
