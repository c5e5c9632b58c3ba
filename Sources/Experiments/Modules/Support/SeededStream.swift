import Inference

/// A deterministic random stream for one (spec seed, question, condition): the same three values
/// give the same draws on every run and machine, and different questions or conditions get
/// independent-looking streams.
///
/// The seed is the first 8 bytes (big-endian) of the SHA-256 of the UTF-8 string
/// `"<seed>\n<n>:<questionID>\n<m>:<condition>"` (`n`, `m`: UTF-8 byte lengths, so no two triples
/// collide), and drives `SplitMix64`. `scripts/seeded_stream_reference.py` reimplements it.
public struct SeededStream: RandomNumberGenerator, Sendable {
  private var generator: SplitMix64

  /// The stream for `questionID` under the condition labelled `condition` in a spec seeded `seed`.
  public init(seed: UInt64, questionID: String, condition: String) {
    generator = SplitMix64(
      seed: Self.derivedSeed(seed: seed, questionID: questionID, condition: condition))
  }

  /// The SplitMix64 seed of a (seed, question, condition) triple.
  public static func derivedSeed(seed: UInt64, questionID: String, condition: String) -> UInt64 {
    let key =
      "\(seed)\n\(questionID.utf8.count):\(questionID)\n\(condition.utf8.count):\(condition)"
    // 16 hex digits = the digest's first 8 bytes, read big-endian; always valid hex.
    return UInt64(SHA256.hex(of: key).prefix(16), radix: 16) ?? 0
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 { generator.next() }

  /// A uniform integer in `range` (one unbiased `SplitMix64.below` draw).
  public mutating func int(in range: ClosedRange<Int>) -> Int {
    range.lowerBound + generator.below(range.count)
  }

  /// `items` in a uniformly random order: Fisher–Yates (Durstenfeld) from the last index down,
  /// swapping index `i` with `below(i + 1)`. Spelled out because the standard library's
  /// `shuffled(using:)` does not promise its algorithm across Swift versions.
  public mutating func shuffled<T>(_ items: [T]) -> [T] {
    var result = items
    var i = result.count - 1
    while i > 0 {
      result.swapAt(i, generator.below(i + 1))
      i -= 1
    }
    return result
  }
}
