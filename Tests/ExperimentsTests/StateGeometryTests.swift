import Testing

@testable import Experiments

@Test func silhouetteMatchesScikitLearn() throws {
  let reference = try StableRAGMeasuresReference.load()
  #expect(reference.silhouette.count >= 4)
  for fixture in reference.silhouette {
    let columns = fixture.rows[0].count
    let value = try #require(
      try Silhouette.score(
        fixture.rows.flatMap { $0 }, rows: fixture.rows.count, columns: columns,
        labels: fixture.labels))
    #expect(abs(value - fixture.silhouette) < 1e-6, "\(fixture.labels)")
  }
}

@Test func silhouetteOfTwoTightPairsIsTheHandValue() throws {
  // a = 1 for every point; b = 10.5, 9.5, 9.5, 10.5.
  let value = try Silhouette.score(
    [0, 1, 10, 11] as [Double], rows: 4, columns: 1, labels: [0, 0, 1, 1])
  let expected: Double = (9.5 / 10.5 + 8.5 / 9.5) / 2
  #expect(abs(try #require(value) - expected) < 1e-15)
}

@Test func silhouetteIsUndefinedForOneClusterOrOneClusterPerSample() throws {
  let points: [Float] = [0, 0, 1, 0, 0, 1]
  #expect(try Silhouette.score(points, rows: 3, columns: 2, labels: [4, 4, 4]) == nil)
  #expect(try Silhouette.score(points, rows: 3, columns: 2, labels: [0, 1, 2]) == nil)
  #expect(throws: MeasureInputError.self) {
    try Silhouette.score(points, rows: 3, columns: 2, labels: [0, 1])
  }
  #expect(throws: ClusteringError.self) {
    try Silhouette.score(points, rows: 2, columns: 2, labels: [0, 1])
  }
}

@Test func meanDistanceToCentroidIsTheHandValue() throws {
  // Square corners around (1, 1): each √2 away.
  let square: [Double] = [0, 0, 2, 0, 0, 2, 2, 2]
  let spread = try #require(try StateSpread.meanDistanceToCentroid(square, rows: 4, columns: 2))
  #expect(abs(spread - 2.0.squareRoot()) < 1e-15)
  // 0, 1, 5 around 2: (2 + 1 + 3) / 3.
  #expect(try StateSpread.meanDistanceToCentroid([0, 1, 5] as [Float], rows: 3, columns: 1) == 2)
  #expect(try StateSpread.meanDistanceToCentroid([Double](), rows: 0, columns: 3) == nil)
  #expect(throws: ClusteringError.self) {
    try StateSpread.meanDistanceToCentroid([0, .infinity] as [Double], rows: 1, columns: 2)
  }
}
