import Testing

@testable import Experiments

/// A hand-made corpus for module tests: look-ups by id, seeded samples (a shuffle's prefix, so a
/// larger count extends a smaller one, as the lab's corpus source does), and fixed rankers.
struct FixedCorpus: PassageSource {
  /// The passages, in `bm25` rank order.
  let passages: [Passage]

  /// Passages p0…p(count−1) titled T0…, "Text of passage n." except those in `paris`, which
  /// mention Paris (the answer of the tests' questions).
  static func paris(count: Int, mentioning paris: Set<Int>) -> FixedCorpus {
    FixedCorpus(
      passages: (0..<count).map {
        Passage(
          id: "p\($0)", title: "T\($0)",
          text: paris.contains($0)
            ? "Paris is mentioned in passage \($0)." : "Text of passage \($0).")
      })
  }

  func passages(ids: [String]) throws -> [Passage] {
    try ids.map { id in try #require(passages.first { $0.id == id }) }
  }

  func randomPassages(count: Int, seed: UInt64, excluding: Set<String>) throws -> [Passage] {
    var stream = SeededStream(seed: seed, questionID: "", condition: "pool")
    return Array(stream.shuffled(passages.filter { !excluding.contains($0.id) }).prefix(count))
  }

  /// `bm25` ranks the passages in order, `dense` in reverse, for every question.
  var rankers: [String: any PassageRanker] {
    [
      "bm25": FixedRanker(name: "bm25", passages: passages),
      "dense": FixedRanker(name: "dense", passages: passages.reversed()),
    ]
  }
}

/// A retriever that ranks a fixed list the same way for every question.
struct FixedRanker: PassageRanker {
  let name: String
  let passages: [Passage]

  func rank(_ question: Question, depth: Int) throws -> [Passage] {
    Array(passages.prefix(depth))
  }
}
