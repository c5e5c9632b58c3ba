import Yams

extension PassageCountModule {
  /// Reports every k larger than the retrieval depth (each retrieved list has that many passages).
  static func checkSweepAgainstDepth(_ module: Node, _ root: Node, _ checker: inout SpecChecker) {
    guard let kNode = module.mapping?["k"] else { return }
    let depth = root.mapping?["retrieval_depth"]?.int ?? 20
    if let list = kNode.sequence {
      for (i, item) in list.enumerated() {
        if let k = item.int, k > depth {
          checker.report(
            "module.k[\(i)]", item.mark?.line,
            "k = \(k) is larger than the retrieval depth (\(depth)); raise retrieval_depth or drop it"
          )
        }
      }
    } else if let to = kNode.mapping?["to"], let k = to.int, k > depth {
      checker.report(
        "module.k.to", to.mark?.line,
        "k = \(k) is larger than the retrieval depth (\(depth)); raise retrieval_depth or lower it")
    }
  }
}
