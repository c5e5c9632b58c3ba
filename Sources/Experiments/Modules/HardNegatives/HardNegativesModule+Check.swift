import Yams

extension HardNegativesModule {
  /// Reports sources that are not retrievers of the spec, K values whose hard negatives cannot fit
  /// in the retrieved list, and a gold position beyond the smallest K that uses it.
  static func check(_ module: Node, _ root: Node, _ checker: inout SpecChecker) {
    let retrievers = root.mapping?["retrievers"]?.sequence?.compactMap(\.string) ?? []
    let depth = root.mapping?["retrieval_depth"]?.int ?? 20
    let ratio = module.mapping?["hard_ratio"]?.float ?? 1
    let sources = module.mapping?["sources"]?.sequence ?? []
    let known = SpecVocabulary.retrievers
    for (i, item) in sources.enumerated() {
      if let source = item.string, known.contains(source), !retrievers.contains(source) {
        checker.report(
          "module.sources[\(i)]", item.mark?.line,
          "source '\(source)' is not among the spec's retrievers "
            + "[\(retrievers.joined(separator: ", "))]; add it to `retrievers` or drop it here")
      }
    }
    let ks = module.mapping?["k"]?.sequence ?? []
    let ranksNegatives = sources.contains { $0.string.map(known.contains) ?? false }
    for (i, item) in ks.enumerated() {
      guard ranksNegatives, let k = item.int, k > 1,
        let sampler = try? HardNegativeSampler(k: k, hardRatio: ratio), sampler.hardCount > depth
      else { continue }
      checker.report(
        "module.k[\(i)]", item.mark?.line,
        "K = \(k) takes \(sampler.hardCount) negatives from a ranking but retrieval_depth is "
          + "\(depth); raise retrieval_depth (answer-bearing passages are dropped, so leave room) "
          + "or lower K")
    }
    let smallest = ks.compactMap(\.int).filter { $0 > 1 }.min()
    if let node = module.mapping?["gold_position"], let position = node.int, let smallest,
      position > smallest
    {
      checker.report(
        "module.gold_position", node.mark?.line,
        "gold_position \(position) is beyond K = \(smallest); use a position ≤ every K above 1, "
          + "or leave gold_position out for a seeded random position")
    }
  }
}
