import Inference

/// Orders of a question's k passages for the `permutations` module, each an array of 0-based
/// indices into the passage set in retrieval order (`[0, 1, …, k−1]`, the identity, is the
/// retrieval order itself).
///
/// Stable-RAG (arXiv 2601.02993) shows one top-5 set in all 120 orders; `all` reproduces that for
/// k ≤ 6, `sample` draws a seeded subset for larger k or cheaper runs.
public enum PassageOrders {
  /// The largest k for which `all` enumerates every order (6! = 720 prompts per question).
  public static let maxExhaustiveCount = 6

  /// Every order of `k` items, in lexicographic order (the identity first).
  /// - Throws: `PassageOrdersError` when `k` < 1, or when `k` > `maxExhaustiveCount` (sample instead).
  public static func all(_ k: Int) throws(PassageOrdersError) -> [[Int]] {
    guard k >= 1 else { throw .noPassages(k) }
    guard k <= maxExhaustiveCount else { throw .tooManyForAll(k) }
    var order = Array(0..<k)
    var orders = [order]
    while advanceLexicographically(&order) { orders.append(order) }
    return orders
  }

  /// `count` distinct orders of `k` items: the identity first, then orders drawn uniformly without
  /// repeats (Fisher–Yates shuffles from SplitMix64(`seed`), a repeat or the identity redrawn).
  ///
  /// The result for a smaller `count` is a prefix of the result for a larger one with the same
  /// `seed`, so raising the sample size keeps every order (and cached answer) already drawn.
  /// - Throws: `PassageOrdersError` when `k` < 1, `count` < 1, or `count` > k!.
  public static func sample(_ k: Int, count: Int, seed: UInt64) throws(PassageOrdersError)
    -> [[Int]]
  {
    guard k >= 1 else { throw .noPassages(k) }
    guard count >= 1 else { throw .sampleTooSmall(count) }
    if let total = factorial(k), count > total { throw .sampleTooLarge(count, k: k, total: total) }
    let identity = Array(0..<k)
    var orders = [identity]
    var seen: Set<[Int]> = [identity]
    var random = SplitMix64(seed: seed)
    while orders.count < count {
      var order = identity
      // Fisher–Yates: position i takes a uniform pick among the items not yet placed
      for i in stride(from: k - 1, to: 0, by: -1) { order.swapAt(i, random.below(i + 1)) }
      if seen.insert(order).inserted { orders.append(order) }
    }
    return orders
  }

  /// k!, or nil when it does not fit in an `Int` (k > 20).
  public static func factorial(_ k: Int) -> Int? {
    var product = 1
    for factor in stride(from: 2, through: k, by: 1) {
      let (next, overflow) = product.multipliedReportingOverflow(by: factor)
      if overflow { return nil }
      product = next
    }
    return product
  }

  /// Replaces `order` by its lexicographic successor; false when it was the last order.
  private static func advanceLexicographically(_ order: inout [Int]) -> Bool {
    // the pivot is the last position whose item is smaller than the next one
    guard let pivot = (0..<(order.count - 1)).last(where: { order[$0] < order[$0 + 1] }) else {
      return false
    }
    let successor = order.lastIndex { $0 > order[pivot] } ?? pivot + 1
    order.swapAt(pivot, successor)
    order[(pivot + 1)...].reverse()
    return true
  }
}

/// Why a set of passage orders cannot be built; the message names the spec key `module.orders`.
public struct PassageOrdersError: Error, CustomStringConvertible, Sendable, Equatable {
  /// The message, naming the spec key and the fix.
  public let description: String

  /// Orders of fewer than one passage.
  static func noPassages(_ k: Int) -> PassageOrdersError {
    PassageOrdersError(
      description:
        "module.orders: orders need at least 1 passage per question, got k = \(k); "
        + "set k to 1 or more")
  }

  /// `orders: all` for a k whose k! orders are too many to run.
  static func tooManyForAll(_ k: Int) -> PassageOrdersError {
    let count = PassageOrders.factorial(k).map { "\($0)" } ?? "more than 2^63"
    return PassageOrdersError(
      description:
        "module.orders: `all` allows k ≤ \(PassageOrders.maxExhaustiveCount), got k = \(k) "
        + "(\(count) orders per question); sample instead: `orders: {sample: M, seed: S}`")
  }

  /// A sample of fewer than one order.
  static func sampleTooSmall(_ count: Int) -> PassageOrdersError {
    PassageOrdersError(
      description:
        "module.orders.sample must be at least 1 (the retrieval order is always included), "
        + "got \(count)")
  }

  /// A sample larger than the number of distinct orders.
  static func sampleTooLarge(_ count: Int, k: Int, total: Int) -> PassageOrdersError {
    PassageOrdersError(
      description:
        "module.orders.sample is \(count) but \(k) passages have only \(total) distinct orders; "
        + "sample at most \(total)"
        + (k <= PassageOrders.maxExhaustiveCount ? ", or use `orders: all`" : ""))
  }
}
