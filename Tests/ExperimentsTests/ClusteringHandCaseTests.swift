import Foundation
import Testing

@testable import Experiments

@Test func pcaDiagonalisesAHandComputedCovariance() throws {
  // Rows (2, 2), (−2, −2), (1, −1), (−1, 1): mean 0, XᵀX = [[10, 6], [6, 10]], eigenvalues
  // 16 along (1, 1)/√2 and 4 along (1, −1)/√2; variances 16/3 and 4/3, ratios 0.8 and 0.2.
  let points: [Double] = [2, 2, -2, -2, 1, -1, -1, 1]
  let (pca, features) = try PCA.fit(points, rows: 4, columns: 2, components: 30)
  let r = 1 / 2.0.squareRoot()
  #expect(pca.componentCount == 2)
  #expect(pca.route == .covariance)
  #expect(zip(pca.explainedVariance, [16.0 / 3, 4.0 / 3]).allSatisfy { abs($0 - $1) < 1e-12 })
  #expect(zip(pca.explainedVarianceRatio, [0.8, 0.2]).allSatisfy { abs($0 - $1) < 1e-12 })
  // Signs: each component's largest entry (the first, on ties) is positive.
  #expect(zip(pca.components, [r, r, r, -r]).allSatisfy { abs($0 - $1) < 1e-12 })
  let s = 2.0.squareRoot()
  let expected: [Double] = [2 * s, 0, -2 * s, 0, 0, s, 0, -s]
  #expect(zip(features, expected).allSatisfy { abs($0 - $1) < 1e-12 })
  let back = try pca.inverseTransform(features, rows: 4)
  #expect(zip(back, points).allSatisfy { abs($0 - $1) < 1e-12 })
  #expect(
    try pca.transform([3, 1], rows: 1).enumerated().allSatisfy { index, value in
      abs(value - [4 * r, 2 * r][index]) < 1e-12
    })
}

@Test func gramRouteGivesTheRankLostToCentringAZeroComponent() throws {
  // Rows (3, 1, 0) and (1, 1, 0): mean (2, 1, 0), centred (±1, 0, 0). Fewer rows than
  // columns, so the 2 × 2 Gram matrix [[1, −1], [−1, 1]] is solved: eigenvalues 2 and 0.
  let (pca, features) = try PCA.fit(
    [3, 1, 0, 1, 1, 0] as [Float], rows: 2, columns: 3, components: 30)
  #expect(pca.route == .gram)
  #expect(pca.componentCount == 2)
  #expect(pca.mean == [2, 1, 0])
  #expect(zip(pca.explainedVarianceRatio, [1.0, 0.0]).allSatisfy { abs($0 - $1) < 1e-12 })
  #expect(zip(pca.components, [1.0, 0, 0, 0, 0, 0]).allSatisfy { abs($0 - $1) < 1e-12 })
  #expect(zip(features, [1.0, 0, -1, 0]).allSatisfy { abs($0 - $1) < 1e-12 })
}

@Test func twoRowsGiveTwoClustersWithHandComputedLaplacianEigenvalues() throws {
  // Features (1, 0) and (−1, 0): cos = −1, off-diagonal affinity e = exp(−2/0.1); the
  // Laplacian's eigenvalues are 1 − (1 ± e)/(1 + e + 1e−10).
  let result = try SpectralClustering.run([3, 1, 0, 1, 1, 0] as [Double], rows: 2, columns: 3)
  let e = exp(-20.0)
  let expected = [1 - (1 + e) / (1 + e + 1e-10), 1 - (1 - e) / (1 + e + 1e-10)]
  #expect(result.laplacianEigenvalues.count == 2)
  #expect(zip(result.laplacianEigenvalues, expected).allSatisfy { abs($0 - $1) < 1e-12 })
  #expect(result.k == 2)
  #expect(result.labels == [0, 1])
  #expect(result.representatives == [0, 1])
}

@Test func symmetricEigenReturnsAscendingValuesAndUnitVectors() throws {
  // [[2, 1], [1, 2]]: eigenvalues 1 along (1, −1)/√2 and 3 along (1, 1)/√2.
  let (values, vectors) = try SymmetricEigen.decompose([2, 1, 1, 2], n: 2)
  #expect(abs(values[0] - 1) < 1e-14 && abs(values[1] - 3) < 1e-14)
  let r = 1 / 2.0.squareRoot()
  #expect(abs(abs(vectors[0]) - r) < 1e-14 && abs(vectors[0] + vectors[1]) < 1e-14)
  #expect(abs(vectors[2] - vectors[3]) < 1e-14 && abs(abs(vectors[2]) - r) < 1e-14)
}
