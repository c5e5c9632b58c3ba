import Yams

extension ConflictModule {
  /// Reports a dataset that is not a knowledge-conflict import (its questions would have no
  /// original answers to tell memory from other), and, as `gold_position` does, positions beyond
  /// the smallest total and totals whose distractors cannot fit in the retrieved list.
  static func check(_ module: Node, _ root: Node, _ checker: inout SpecChecker) {
    GoldPositionModule.check(module, root, &checker)
    guard let dataset = root.mapping?["dataset"], dataset.mapping != nil else { return }
    let format = dataset.mapping?["format"]
    let value = format?.string ?? "squad"
    guard value != "conflict" else { return }
    checker.report(
      "dataset.format", (format ?? dataset).mark?.line,
      "module conflict needs a knowledge-conflict dataset, but dataset.format is \(value)"
        + (format == nil ? " (the default)" : "") + ", whose questions carry no original answers; "
        + "set `format: conflict` and point `path` at BIG-bench's "
        + "contextual_parametric_knowledge_conflicts task.json "
        + "(data/knowledge-conflicts/task.json)")
  }
}
