import Foundation
import Inference
import Store

/// A dataset's passages in the lab database as a `PassageSource`: look-ups by id, and seeded
/// random draws over every passage id (read once).
final class CorpusPassageSource: PassageSource, @unchecked Sendable {
  let store: CorpusStore
  let dataset: String
  private let lock = NSLock()
  private var ids: [String]?

  init(store: CorpusStore, dataset: String) {
    self.store = store
    self.dataset = dataset
  }

  func passages(ids: [String]) throws -> [Passage] {
    try store.passages(dataset: dataset, ids: ids).map {
      Passage(id: $0.id, title: $0.title, text: $0.text)
    }
  }

  func randomPassages(count: Int, seed: UInt64, excluding: Set<String>) throws -> [Passage] {
    var pool = try allIDs().filter { !excluding.contains($0) }
    var random = SplitMix64(seed: seed)
    let take = min(max(0, count), pool.count)
    // Partial Fisher–Yates: the first `take` slots become a uniform sample without repeats.
    for i in 0..<take {
      pool.swapAt(i, i + random.below(pool.count - i))
    }
    return try passages(ids: Array(pool.prefix(take)))
  }

  /// Every passage id of the dataset, in the store's order.
  private func allIDs() throws -> [String] {
    try lock.withLock {
      if let ids { return ids }
      let all = try store.allPassages(dataset: dataset).map(\.id)
      ids = all
      return all
    }
  }
}
