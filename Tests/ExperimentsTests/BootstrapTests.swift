import Inference
import Testing

@testable import Experiments

let scores: [Double] = (0..<200).map { $0 % 3 == 0 ? 1 : 0 }

@Test func bootstrapIntervalContainsTheMeanAndIsSeededDeterministic() {
  let a = Bootstrap.meanInterval(scores, seed: 42)
  let b = Bootstrap.meanInterval(scores, seed: 42)
  let c = Bootstrap.meanInterval(scores, seed: 43)
  #expect(a == b)
  #expect(a != c)
  #expect(a.lower <= a.mean && a.mean <= a.upper)
  #expect(abs(a.mean - 67.0 / 200.0) < 1e-12)
  #expect(a.upper - a.lower > 0.05 && a.upper - a.lower < 0.2)  // ≈ 2·1.96·sqrt(p(1−p)/n) ≈ 0.13
  #expect(a.n == 200)
}

@Test func bootstrapIntervalNarrowsWithMoreQuestions() {
  let small = Bootstrap.meanInterval(Array(scores.prefix(30)), seed: 1)
  let large = Bootstrap.meanInterval(scores + scores + scores + scores, seed: 1)
  #expect(large.upper - large.lower < small.upper - small.lower)
}

@Test func constantScoresGiveADegenerateInterval() {
  let interval = Bootstrap.meanInterval([1, 1, 1, 1], seed: 9)
  #expect(interval.lower == 1 && interval.upper == 1)
}

@Test func pairedDifferenceDetectsAConsistentImprovement() {
  let a: [Double] = (0..<100).map { $0 % 2 == 0 ? 1 : 0 }
  let b: [Double] = (0..<100).map { $0 % 2 == 0 || $0 % 5 == 1 ? 1 : 0 }
  let (interval, p) = Bootstrap.pairedDifference(a, b, seed: 3)
  #expect(abs(interval.mean - 0.1) < 1e-12)
  #expect(interval.lower > 0)
  #expect(p < 0.05)
  let (same, pSame) = Bootstrap.pairedDifference(a, a, seed: 3)
  #expect(same.mean == 0 && pSame == 1)
}

@Test func splitMixIsUniformEnoughAndReproducible() {
  var r1 = SplitMix64(seed: 5)
  var r2 = SplitMix64(seed: 5)
  var counts = [Int](repeating: 0, count: 10)
  for _ in 0..<10_000 {
    let x = r1.below(10)
    #expect(x == r2.below(10))
    counts[x] += 1
  }
  #expect(counts.allSatisfy { $0 > 850 && $0 < 1150 })
}
