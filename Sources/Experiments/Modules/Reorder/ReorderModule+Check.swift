import Yams

extension ReorderModule {
  /// Reports k values larger than the retrieved list, and the model re-rankers on a backend that
  /// does not expose the model's internals.
  static func check(_ module: Node, _ root: Node, _ checker: inout SpecChecker) {
    let depth = root.mapping?["retrieval_depth"]?.int ?? 20
    for (i, item) in (module.mapping?["k"]?.sequence ?? []).enumerated() {
      if let k = item.int, k > depth {
        checker.report(
          "module.k[\(i)]", item.mark?.line,
          "k = \(k) is larger than retrieval_depth (\(depth)); raise retrieval_depth to at least "
            + "\(k) or drop this k")
      }
    }
    let backend =
      root.mapping?["generator"]?.mapping?["backend"]?.string ?? GeneratorSpec().backend
    guard backend != "inprocess" else { return }
    for (i, item) in (module.mapping?["strategies"]?.sequence ?? []).enumerated() {
      if let name = item.string, ReorderStrategies.named(name)?.dependence == .scores {
        checker.report(
          "module.strategies[\(i)]", item.mark?.line,
          "\(name) re-ranks with the reader's own \(name == "attention" ? "attention" : "label logits"), "
            + "which only the in-process engine exposes (backend is \(backend)): set "
            + "generator.backend: inprocess or drop \(name)")
      }
    }
  }
}
