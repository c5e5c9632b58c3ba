import Testing

@testable import Experiments

@Test func aurocMatchesScikitLearnIncludingTies() throws {
  let reference = try StableRAGMeasuresReference.load()
  #expect(reference.auroc.count >= 6)
  for fixture in reference.auroc {
    let value = try #require(try AUROC.value(scores: fixture.scores, labels: fixture.labels))
    #expect(abs(value - fixture.auroc) < 1e-9, "\(fixture.scores)")
  }
}

@Test func aurocCountsATieAsHalfAPair() throws {
  // Positives {2, 3}, negatives {1, 2}: pairs 1 + ½ + 1 + 1 over 4.
  #expect(try AUROC.value(scores: [2, 3, 1, 2], labels: [true, true, false, false]) == 0.875)
}

@Test func aurocIsUndefinedWithOneClassAndRefusesBadInput() throws {
  #expect(try AUROC.value(scores: [0.1, 0.2], labels: [true, true]) == nil)
  #expect(try AUROC.value(scores: [], labels: []) == nil)
  #expect(try AUROC.interval(scores: [0.1, 0.2], labels: [false, false]) == nil)
  #expect(throws: MeasureInputError.self) { try AUROC.value(scores: [1], labels: [true, false]) }
  #expect(throws: MeasureInputError.self) {
    try AUROC.value(scores: [1, .nan], labels: [true, false])
  }
}

@Test func aurocIntervalIsSeededAndHoldsThePointValue() throws {
  let scores: [Double] = (0..<60).map { Double(($0 * 37) % 11) }
  let labels: [Bool] = (0..<60).map { ($0 * 37) % 11 + $0 % 3 > 6 }
  let point = try #require(try AUROC.value(scores: scores, labels: labels))
  let a = try #require(try AUROC.interval(scores: scores, labels: labels, seed: 5))
  #expect(a == (try AUROC.interval(scores: scores, labels: labels, seed: 5)))
  #expect(a != (try AUROC.interval(scores: scores, labels: labels, seed: 6)))
  #expect(a.mean == point && a.n == 60)
  #expect(a.lower <= point && point <= a.upper && a.lower < a.upper)
  // Perfect separation stays perfect in every resample that has both classes.
  let separated = try #require(
    try AUROC.interval(
      scores: [1, 2, 3, 4, 5, 6], labels: [false, false, false, true, true, true]))
  #expect(separated.lower == 1 && separated.upper == 1)
}

@Test func statisticIntervalDrawsTheSameResamplesAsTheMeanInterval() throws {
  let values: [Double] = (0..<40).map { Double(($0 * 13) % 7) / 7 }
  let generic = try #require(
    Bootstrap.statisticInterval(count: values.count, seed: 11) { indices in
      indices.reduce(0) { $0 + values[$1] } / Double(indices.count)
    })
  #expect(generic == Bootstrap.meanInterval(values, seed: 11))
  #expect(Bootstrap.statisticInterval(count: 0) { _ in 1 } == nil)
}
