import Yams

extension ReorderModule {
  /// Reports k values larger than the retrieved list and the model re-rankers' reserved names.
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
    for (i, item) in (module.mapping?["strategies"]?.sequence ?? []).enumerated() {
      if let name = item.string, let reason = ReorderStrategies.reservedReason(name) {
        checker.report(
          "module.strategies[\(i)]", item.mark?.line,
          "\(reason); drop it for now (available: "
            + "\(ReorderStrategies.names.joined(separator: ", ")))")
      }
    }
  }
}
