import Yams

extension GoldPositionModule {
  /// Reports explicit positions beyond the smallest total, totals whose distractors cannot fit
  /// in the retrieved list, and `distractors: file` on a dataset that is not a LitM/DPR file.
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
    if let source = module.mapping?["distractors"], source.string == "file" {
      // The record's own ctxs are the distractors: the retrieved list does not bound the total.
      checkFileDistractors(source, root, &checker)
      return
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

  /// Reports `distractors: file` when `dataset.format` is not `litm`: only a LitM/DPR JSONL
  /// record carries its own ctxs with `hasanswer` flags.
  private static func checkFileDistractors(
    _ source: Node, _ root: Node, _ checker: inout SpecChecker
  ) {
    let format = root.mapping?["dataset"]?.mapping?["format"]
    let value = format?.string ?? "squad"
    guard value != "litm" else { return }
    checker.report(
      "module.distractors", source.mark?.line,
      "`distractors: file` takes each record's own ctxs flagged hasanswer=false, which only a "
        + "LitM/DPR JSONL dataset has, but dataset.format is \(value)"
        + (format == nil ? " (the default)" : "")
        + "; set `dataset.format: litm` with such a file, or use `distractors: retriever`")
  }
}
