import Yams

extension StableRAGModule {
  /// Reports a set larger than the retrieved list, `orders: all` beyond k = 6, a sample larger
  /// than the k! orders there are, and a fixed K larger than the orders a question gets.
  static func check(_ module: Node, _ root: Node, _ checker: inout SpecChecker) {
    let k = module.mapping?["k"]?.int ?? 5
    let depth = root.mapping?["retrieval_depth"]?.int ?? 20
    if let kNode = module.mapping?["k"], k > depth {
      checker.report(
        "module.k", kNode.mark?.line,
        "k = \(k) passages per set but retrieval_depth is \(depth); raise retrieval_depth well "
          + "above \(k) (answer-bearing passages are dropped from the distractors)")
    }
    let count = PassageOrders.factorial(k)
    let orders = module.mapping?["orders"]
    if orders?.string == "all" || orders == nil, k > PassageOrders.maxExhaustiveCount {
      checker.report(
        "module.orders", orders?.mark?.line ?? module.mark?.line,
        "`all` allows k ≤ \(PassageOrders.maxExhaustiveCount), got k = \(k); sample instead: "
          + "`orders: {sample: M, seed: S}`")
    }
    let sample = orders?.mapping?["sample"]
    if let sample, let m = sample.int, let count, m > count {
      checker.report(
        "module.orders.sample", sample.mark?.line,
        "sample is \(m) but \(k) passages have only \(count) distinct orders; sample at most "
          + "\(count)")
    }
    let perQuestion = sample?.int ?? count ?? Int.max
    if let clusters = module.mapping?["clusters"], let fixed = clusters.int, fixed > perQuestion {
      checker.report(
        "module.clusters", clusters.mark?.line,
        "clusters is \(fixed) but each question has only \(perQuestion) orders to cluster; use "
          + "at most \(perQuestion), or `auto`")
    }
  }
}
