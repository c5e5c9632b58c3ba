/// Merges the bytes of one pre-token by rank, as llama.cpp's `llm_tokenizer_bpe_session`.
///
/// The lowest-ranked adjacent pair merges first; among equal ranks the leftmost wins. A priority
/// queue over a linked list of symbols keeps this O(n log n) even for very long pre-tokens.
struct BytePairMerger {
  private struct Candidate: Comparable {
    let rank: Int32
    let left: Int32
    let right: Int32
    let leftId: Int32
    let rightId: Int32
    let merged: Int32

    static func < (a: Candidate, b: Candidate) -> Bool {
      a.rank != b.rank ? a.rank < b.rank : a.left < b.left
    }
  }

  private let vocabulary: Vocabulary
  private var ids: [Int32] = []
  private var next: [Int32] = []
  private var prev: [Int32] = []
  private var alive: [Bool] = []
  private var queue = MinHeap<Candidate>()

  init(vocabulary: Vocabulary) { self.vocabulary = vocabulary }

  /// Symbol ids of one pre-token's raw bytes after all merges (virtual ids possible).
  mutating func merge(_ bytes: some Collection<UInt8>) -> [Int32] {
    ids = bytes.map { vocabulary.byteSymbols[Int($0)] }
    let n = ids.count
    if n < 2 { return ids }
    next = (0..<n).map { $0 + 1 < n ? Int32($0 + 1) : -1 }
    prev = (0..<n).map { Int32($0 - 1) }
    alive = [Bool](repeating: true, count: n)
    queue.removeAll()
    for i in 1..<n { consider(Int32(i - 1), Int32(i)) }
    while let best = queue.pop() {
      let l = Int(best.left)
      let r = Int(best.right)
      // Skip outdated pairs: a side merged away or grew since the pair was queued.
      guard alive[l], alive[r], ids[l] == best.leftId, ids[r] == best.rightId else { continue }
      ids[l] = best.merged
      alive[r] = false
      next[l] = next[r]
      if next[r] >= 0 { prev[Int(next[r])] = best.left }
      consider(prev[l], best.left)
      consider(best.left, next[l])
    }
    var out: [Int32] = []
    var i: Int32 = 0
    while i >= 0 {
      out.append(ids[Int(i)])
      i = next[Int(i)]
    }
    return out
  }

  private mutating func consider(_ left: Int32, _ right: Int32) {
    guard left >= 0, right >= 0 else { return }
    let a = ids[Int(left)]
    let b = ids[Int(right)]
    guard let rule = vocabulary.merges[UInt64(UInt32(a)) << 32 | UInt64(UInt32(b))] else { return }
    queue.push(
      Candidate(rank: rule.rank, left: left, right: right, leftId: a, rightId: b, merged: rule.merged))
  }
}

/// A binary min-heap.
struct MinHeap<Element: Comparable> {
  private var items: [Element] = []

  mutating func removeAll() { items.removeAll(keepingCapacity: true) }

  mutating func push(_ item: Element) {
    items.append(item)
    var child = items.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard items[child] < items[parent] else { break }
      items.swapAt(child, parent)
      child = parent
    }
  }

  mutating func pop() -> Element? {
    guard let top = items.first else { return nil }
    let last = items.removeLast()
    if !items.isEmpty {
      items[0] = last
      var parent = 0
      while true {
        let l = 2 * parent + 1
        let r = l + 1
        var smallest = parent
        if l < items.count && items[l] < items[smallest] { smallest = l }
        if r < items.count && items[r] < items[smallest] { smallest = r }
        if smallest == parent { break }
        items.swapAt(parent, smallest)
        parent = smallest
      }
    }
    return top
  }
}
