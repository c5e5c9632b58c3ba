import Yams

extension GoldPositionModule {
  /// Reports explicit positions beyond the smallest total and totals whose distractors cannot fit
  /// in the retrieved list.
  static func check(_ module: Node, _ root: Node, _ checker: inout SpecChecker) {
    let totals = module.mapping?["total"]?.sequence?.compactMap(\.int) ?? []
    let depth = root.mapping?["retrieval_depth"]?.int ?? 20
    if let smallest = totals.min(), let list = module.mapping?["positions"]?.sequence {
      for (i, item) in list.enumerated() {
        if let position = item.int, position > smallest {
          checker.report(
            "module.positions[\(i)]", item.mark?.line,
            "position \(position) is beyond total \(smallest); use positions ≤ every total, "
              + "or `positions: all` / `litm` to follow each total")
        }
      }
    }
    for (i, item) in (module.mapping?["total"]?.sequence ?? []).enumerated() {
      if let total = item.int, total - 1 > depth {
        checker.report(
          "module.total[\(i)]", item.mark?.line,
          "total \(total) needs \(total - 1) distractors but retrieval_depth is \(depth); "
            + "raise retrieval_depth (answer-bearing passages are dropped, so leave room)")
      }
    }
  }
}
