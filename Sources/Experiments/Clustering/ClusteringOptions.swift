/// The knobs of `SpectralClustering.run`; the defaults reproduce Stable-RAG's released code
/// (PCA to 30, σ = 0.1, K by eigengap) with sklearn's k-means defaults (300 iterations,
/// tolerance 1e-4) and 10 seeded k-means++ restarts.
public struct ClusteringOptions: Sendable, Equatable {
  /// PCA components requested; min(this, n, d) are kept, as scikit-learn requires.
  public var pcaComponents: Int
  /// Scale σ of the affinity exp(−(1 − cos)/σ).
  public var sigma: Double
  /// A fixed number of clusters instead of the eigengap's (1…n).
  public var fixedK: Int?
  /// Seed of the k-means++ draws (same seed, same labels).
  public var seed: UInt64
  /// k-means runs from different seeds; the lowest inertia is kept.
  public var restarts: Int
  /// Lloyd iterations per run at most.
  public var maxIterations: Int
  /// Convergence threshold on the summed squared centre shift, relative to the mean column
  /// variance of the features (sklearn's `tol`).
  public var tolerance: Double

  /// Options with Stable-RAG's defaults unless given.
  public init(
    pcaComponents: Int = 30, sigma: Double = 0.1, fixedK: Int? = nil, seed: UInt64 = 42,
    restarts: Int = 10, maxIterations: Int = 300, tolerance: Double = 1e-4
  ) {
    self.pcaComponents = pcaComponents
    self.sigma = sigma
    self.fixedK = fixedK
    self.seed = seed
    self.restarts = restarts
    self.maxIterations = maxIterations
    self.tolerance = tolerance
  }

  /// Checks every knob's range.
  /// - Throws: `ClusteringError.invalidOption` naming the first knob out of range.
  func validate() throws {
    func fail(_ name: String, _ message: String) -> ClusteringError {
      .invalidOption(name: name, message: message)
    }
    guard pcaComponents >= 1 else {
      throw fail("pcaComponents", "must be 1 or more (got \(pcaComponents))")
    }
    guard sigma.isFinite, sigma > 0 else {
      throw fail("sigma", "must be a finite number above 0, e.g. 0.1 (got \(sigma))")
    }
    if let fixedK, fixedK < 1 { throw fail("fixedK", "must be 1 or more (got \(fixedK))") }
    guard restarts >= 1 else { throw fail("restarts", "must be 1 or more (got \(restarts))") }
    guard maxIterations >= 1 else {
      throw fail("maxIterations", "must be 1 or more (got \(maxIterations))")
    }
    guard tolerance.isFinite, tolerance >= 0 else {
      throw fail("tolerance", "must be a finite number ≥ 0 (got \(tolerance))")
    }
  }
}
