import Foundation

/// Picks next tokens from logits: greedy, or temperature + top-p with a seeded generator.
struct Sampler {
  let temperature: Float
  let topP: Float
  var rng: SplitMix64

  /// Index of the largest logit (the lowest index on ties).
  static func argmax(_ logits: [Float]) -> Int {
    var best = 0
    for i in logits.indices where logits[i] > logits[best] { best = i }
    return best
  }

  /// log softmax(logits)[index].
  static func logprob(_ logits: [Float], _ index: Int) -> Float {
    let m = logits.max() ?? 0
    var sum: Double = 0
    for v in logits { sum += exp(Double(v - m)) }
    return Float(Double(logits[index] - m) - log(sum))
  }

  /// Chooses the next token.
  mutating func pick(_ logits: [Float]) -> Int {
    guard temperature > 0 else { return Sampler.argmax(logits) }
    let m = logits.max() ?? 0
    var probs = logits.map { exp(Double(($0 - m) / temperature)) }
    let total = probs.reduce(0, +)
    for i in probs.indices { probs[i] /= total }
    // Nucleus: the smallest set of most likely tokens whose mass reaches topP.
    let order = probs.indices.sorted { probs[$0] > probs[$1] }
    var kept: [Int] = []
    var mass = 0.0
    for i in order {
      kept.append(i)
      mass += probs[i]
      if mass >= Double(topP) { break }
    }
    var u = Double(rng.next() >> 11) / Double(1 << 53) * mass
    for i in kept {
      u -= probs[i]
      if u <= 0 { return i }
    }
    return kept.last!
  }
}
