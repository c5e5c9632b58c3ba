import Foundation
import Testing

@testable import Experiments

/// The fixture cases, run through `SpectralClustering.run` with the paper's options.
private func clusteredCases() throws -> [(ClusteringReference.Case, ClusteringResult)] {
  try ClusteringReference.load().cases.map { item in
    (item, try SpectralClustering.run(item.matrix, rows: item.rows, columns: item.columns))
  }
}

/// The adjusted Rand index of two labellings (`ClusterQuality`'s, tested against scikit-learn).
private func adjustedRandIndex(_ a: [Int], _ b: [Int]) -> Double {
  ClusterQuality(clusters: a, labels: b)?.adjustedRandIndex ?? -1
}

@Test func eigengapChoosesScikitLearnsKOnEveryFixture() throws {
  let cases = try clusteredCases()
  #expect(cases.count == 5)
  for (reference, result) in cases {
    #expect(result.k == reference.k, "\(reference.name)")
    #expect(result.kFromEigengap)
  }
}

@Test func labelsAgreeWithScikitLearnAndTheBlobsOnSeparableFixtures() throws {
  let separable = try clusteredCases().filter { $0.0.separable }
  #expect(separable.count == 3)
  for (reference, result) in separable {
    #expect(adjustedRandIndex(result.labels, reference.kmeansLabels) >= 0.99, "\(reference.name)")
    #expect(adjustedRandIndex(result.labels, reference.truth ?? []) >= 0.99, "\(reference.name)")
  }
}

@Test func explainedVarianceRatiosMatchScikitLearnWithin1e4() throws {
  for (reference, result) in try clusteredCases() {
    let ratios = result.pca.explainedVarianceRatio
    #expect(ratios.count == reference.explainedVarianceRatio.count, "\(reference.name)")
    for (ours, theirs) in zip(ratios, reference.explainedVarianceRatio) {
      #expect(abs(ours - theirs) <= 1e-4, "\(reference.name): \(ours) vs \(theirs)")
    }
  }
}

@Test func laplacianEigenvaluesMatchScipyWithin1e6() throws {
  for (reference, result) in try clusteredCases() {
    #expect(result.laplacianEigenvalues.count == reference.laplacianEigenvalues.count)
    for (ours, theirs) in zip(result.laplacianEigenvalues, reference.laplacianEigenvalues) {
      #expect(abs(ours - theirs) <= 1e-6, "\(reference.name): \(ours) vs \(theirs)")
    }
  }
}

@Test func pcaKeepsAtMostOneComponentPerRowOrColumn() throws {
  let results = Dictionary(uniqueKeysWithValues: try clusteredCases().map { ($0.0.name, $0.1) })
  // 10 rows, 40 columns: 10 components through the 10 × 10 Gram matrix.
  #expect(results["blobs2_n10_d40"]?.pca.componentCount == 10)
  #expect(results["blobs2_n10_d40"]?.pca.route == .gram)
  // 60 rows, 20 columns: 20 components through the 20 × 20 covariance.
  #expect(results["noisy_n60_d20"]?.pca.componentCount == 20)
  #expect(results["noisy_n60_d20"]?.pca.route == .covariance)
  #expect(results["blobs5_n120_d128"]?.pca.componentCount == 30)
}

@Test func eachRepresentativeIsTheClusterMemberNearestItsCentre() throws {
  for (reference, result) in try clusteredCases() {
    let width = result.pca.componentCount
    func distance(_ row: Int, _ centre: [Double]) -> Double {
      (0..<width).reduce(0) { $0 + pow(result.features[row * width + $1] - centre[$1], 2) }
    }
    #expect(result.representatives.count == result.centres.count)
    for (cluster, representative) in result.representatives.enumerated() {
      #expect(result.labels[representative] == cluster, "\(reference.name)")
      let nearest = (0..<reference.rows).filter { result.labels[$0] == cluster }
        .map { distance($0, result.centres[cluster]) }.min()
      #expect(distance(representative, result.centres[cluster]) == nearest)
    }
  }
}

@Test func centresMappedBackAreTheMeansOfTheirMembersRows() throws {
  // 24 rows in 64 columns keep 24 components, which span the centred rows: the PCA loses
  // nothing, so a centre (the mean of its members' features) maps back to their mean row.
  let reference = try #require(ClusteringReference.load().cases.first { $0.rows == 24 })
  let result = try SpectralClustering.run(
    reference.matrix, rows: reference.rows, columns: reference.columns)
  let centres = try result.centresInInputSpace()
  for (cluster, centre) in centres.enumerated() {
    let members = (0..<reference.rows).filter { result.labels[$0] == cluster }
    for column in 0..<reference.columns {
      let mean =
        members.reduce(0) { $0 + reference.matrix[$1 * reference.columns + column] }
        / Double(members.count)
      #expect(abs(centre[column] - mean) < 1e-9)
    }
  }
}

@Test func theSameSeedGivesTheSameLabelsAndAFixedKOverridesTheEigengap() throws {
  let reference = try #require(
    ClusteringReference.load().cases.first { $0.name.hasPrefix("noisy") })
  let run = { (options: ClusteringOptions) in
    try SpectralClustering.run(
      reference.matrix, rows: reference.rows, columns: reference.columns, options: options)
  }
  #expect(try run(ClusteringOptions(seed: 7)).labels == run(ClusteringOptions(seed: 7)).labels)
  let fixed = try run(ClusteringOptions(fixedK: 4))
  #expect(fixed.k == 4)
  #expect(!fixed.kFromEigengap)
  #expect(Set(fixed.labels) == [0, 1, 2, 3])
  #expect(fixed.labels.first == 0)
}
