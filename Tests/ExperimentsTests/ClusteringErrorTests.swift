import Testing

@testable import Experiments

/// Three well-separated rows in 2-d, for error cases that need a valid matrix around them.
private let threeRows: [Double] = [0, 1, 1, 0, -1, -1]

@Test func aNaNEntryIsNamedByRowAndColumn() {
  var matrix = threeRows
  matrix[5] = .nan
  do {
    _ = try SpectralClustering.run(matrix, rows: 3, columns: 2)
    Issue.record("a NaN entry was accepted")
  } catch let error as ClusteringError {
    #expect(error.description.hasPrefix("row 3, column 2 is nan"))
  } catch {
    Issue.record("unexpected \(error)")
  }
}

@Test func aFixedKAboveTheRowsIsRefused() {
  #expect(throws: ClusteringError.tooManyClusters(k: 4, rows: 3)) {
    _ = try SpectralClustering.run(threeRows, rows: 3, columns: 2, options: .init(fixedK: 4))
  }
}

@Test func identicalRowsAndSingleRowsAreRefused() {
  #expect(throws: ClusteringError.noVariance(rows: 3)) {
    _ = try SpectralClustering.run([0.1, 2, 0.1, 2, 0.1, 2], rows: 3, columns: 2)
  }
  #expect(throws: ClusteringError.tooFewRows(1)) {
    _ = try SpectralClustering.run([1.0, 2], rows: 1, columns: 2)
  }
  #expect(throws: ClusteringError.shape(rows: 3, columns: 3, count: 6)) {
    _ = try SpectralClustering.run(threeRows, rows: 3, columns: 3)
  }
}

@Test func outOfRangeOptionsAreNamed() {
  #expect(throws: ClusteringError.self) {
    _ = try SpectralClustering.run(threeRows, rows: 3, columns: 2, options: .init(sigma: 0))
  }
  do {
    _ = try SpectralClustering.run(threeRows, rows: 3, columns: 2, options: .init(pcaComponents: 0))
    Issue.record("pcaComponents 0 was accepted")
  } catch {
    #expect("\(error)".hasPrefix("pcaComponents must be 1 or more"))
  }
}

@Test func aRowAtTheMeanHasCosineZeroWithTheOthers() throws {
  // (−1), (0), (1): the middle row is the mean, a zero feature, with no direction.
  let result = try SpectralClustering.run([-1.0, 0, 1], rows: 3, columns: 1)
  #expect(result.laplacianEigenvalues.allSatisfy { $0.isFinite })
  #expect(result.k == 2)
  #expect(Set(result.labels).count == 2)
}
