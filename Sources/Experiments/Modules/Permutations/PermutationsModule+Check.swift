import Yams

extension PermutationsModule {
  /// Reports a set larger than the retrieved list, `orders: all` beyond k = 6, and a sample larger
  /// than the k! orders there are.
  static func check(_ module: Node, _ root: Node, _ checker: inout SpecChecker) {
    guard let kNode = module.mapping?["k"], let k = kNode.int, k >= 1 else { return }
    let depth = root.mapping?["retrieval_depth"]?.int ?? 20
    if k > depth {
      checker.report(
        "module.k", kNode.mark?.line,
        "k = \(k) passages per set but retrieval_depth is \(depth); raise retrieval_depth to at "
          + "least \(k) (for `set: gold_plus` leave room: answer-bearing passages are dropped)")
    }
    guard let orders = module.mapping?["orders"] else { return }
    let count = PassageOrders.factorial(k)
    let countText = count.map { "\($0)" } ?? "more than 2^63"
    if orders.string == "all", k > PassageOrders.maxExhaustiveCount {
      checker.report(
        "module.orders", orders.mark?.line,
        "`all` allows k ≤ \(PassageOrders.maxExhaustiveCount), got k = \(k) (\(countText) orders "
          + "per question); sample instead: `orders: {sample: M, seed: S}`")
    }
    if let sample = orders.mapping?["sample"], let m = sample.int, let count, m > count {
      checker.report(
        "module.orders.sample", sample.mark?.line,
        "sample is \(m) but \(k) passages have only \(count) distinct orders; sample at most "
          + "\(count)" + (k <= PassageOrders.maxExhaustiveCount ? ", or use `orders: all`" : ""))
    }
  }
}
