import Testing

@testable import Experiments

@Test func clusterQualityMatchesAHandCountedTable() throws {
  // Clusters {a a b} {b b} {a}: purity (2+2+1)/6; same-cluster pairs 3+1 = 4, of which 1+1 share a
  // label; same-label pairs 3+3 = 6. ARI: tp 2, fp 2, fn 4, tn 15−4−6+2 = 7 → 12/102.
  let quality = try #require(
    ClusterQuality(clusters: [0, 0, 0, 1, 1, 2], labels: ["a", "a", "b", "b", "b", "a"]))
  #expect(abs(quality.purity - 5.0 / 6) < 1e-15)
  #expect(abs(quality.pairPrecision - 0.5) < 1e-15)
  #expect(abs(quality.pairRecall - 1.0 / 3) < 1e-15)
  #expect(abs(quality.pairF1 - 0.4) < 1e-15)
  #expect(abs(quality.adjustedRandIndex - 2.0 / 17) < 1e-15)
}

@Test func clustersThatAreTheLabelsScoreOneWhateverTheirNames() throws {
  let quality = try #require(
    ClusterQuality(clusters: [7, 7, 2, 2, 2], labels: [true, true, false, false, false]))
  #expect(
    quality == ClusterQuality(table: ContingencyTable(zip([0, 0, 1, 1, 1], [1, 1, 0, 0, 0]))))
  #expect(quality.purity == 1 && quality.pairF1 == 1 && quality.adjustedRandIndex == 1)
}

@Test func pairCountingDefinesItsEmptyRatios() throws {
  // All singletons: no pair put together (precision 1), none of the label's pair recovered.
  let apart = try #require(ClusterQuality(clusters: [0, 1, 2], labels: ["x", "x", "y"]))
  #expect(apart.pairPrecision == 1 && apart.pairRecall == 0 && apart.pairF1 == 0)
  #expect(apart.purity == 1)
  // All labels distinct, one cluster: nothing to recover (recall 1), every pair wrong.
  let lumped = try #require(ClusterQuality(clusters: [0, 0, 0], labels: [1, 2, 3]))
  #expect(lumped.pairPrecision == 0 && lumped.pairRecall == 1 && lumped.pairF1 == 0)
  #expect(abs(lumped.purity - 1.0 / 3) < 1e-15)
  // Both empty: the partitions agree.
  let both = try #require(ClusterQuality(clusters: [0, 1], labels: ["a", "b"]))
  #expect(both.pairF1 == 1 && both.adjustedRandIndex == 1)
}

@Test func clusterQualityIsUndefinedWithoutSamplesOrWithMismatchedLengths() {
  #expect(ClusterQuality(clusters: [], labels: [String]()) == nil)
  #expect(ClusterQuality(clusters: [0, 1], labels: [true]) == nil)
}

@Test func adjustedRandAndPairCountsMatchScikitLearn() throws {
  let reference = try StableRAGMeasuresReference.load()
  #expect(reference.partitions.count >= 6)
  for fixture in reference.partitions {
    let quality = try #require(ClusterQuality(clusters: fixture.clusters, labels: fixture.labels))
    #expect(abs(quality.adjustedRandIndex - fixture.ari) < 1e-9, "\(fixture.clusters)")
    #expect(abs(quality.pairPrecision - fixture.pairPrecision) < 1e-9, "\(fixture.clusters)")
    #expect(abs(quality.pairRecall - fixture.pairRecall) < 1e-9, "\(fixture.clusters)")
  }
}
