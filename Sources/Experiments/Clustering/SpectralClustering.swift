import CBLAS

/// Stable-RAG's clustering of a question's hidden states (arXiv 2601.02993, released code;
/// REFERENCES.md): PCA, K from the eigengap of the normalised Laplacian of the cosine affinity,
/// k-means with K clusters on the PCA features, and a representative row per cluster.
public enum SpectralClustering {
  /// Clusters the rows of `matrix` (`rows × columns`, row-major; Float or Double, computed in
  /// double precision).
  ///
  /// Two rows give K = 2 (the eigengap's floor), one cluster each.
  /// - Throws: `ClusteringError` when the matrix is not `rows × columns`, has a NaN or infinite
  ///   entry (named by row and column), has fewer than 2 rows or all rows identical, when an
  ///   option is out of range or the fixed K exceeds the rows, or when LAPACK fails.
  public static func run<T: BinaryFloatingPoint>(
    _ matrix: [T], rows: Int, columns: Int, options: ClusteringOptions = ClusteringOptions()
  ) throws -> ClusteringResult {
    try options.validate()
    // Threaded OpenBLAS kernels sum in another order than one thread, and the eigengap's argmax
    // can flip on that last bit: one thread, as the engine uses, makes K and the labels the same
    // in every process (found when `raglab report` and `export-dpo` disagreed on 1 of 50 questions).
    openblas_set_num_threads(1)
    let (pca, features) = try PCA.fit(
      matrix, rows: rows, columns: columns, components: options.pcaComponents)
    if let fixedK = options.fixedK, fixedK > rows {
      throw ClusteringError.tooManyClusters(k: fixedK, rows: rows)
    }
    let eigenvalues = try SpectralEigengap.laplacianEigenvalues(
      features, rows: rows, width: pca.componentCount, sigma: options.sigma)
    let k = options.fixedK ?? SpectralEigengap.k(ascendingEigenvalues: eigenvalues, rows: rows)
    let kmeans = KMeans(points: features, rows: rows, width: pca.componentCount)
    let fit = kmeans.fit(
      k: k, seed: options.seed, restarts: options.restarts, maxIterations: options.maxIterations,
      tolerance: options.tolerance)
    return ClusteringResult(
      k: k, kFromEigengap: options.fixedK == nil, labels: fit.labels, centres: fit.centres,
      representatives: kmeans.representatives(of: fit), inertia: fit.inertia,
      laplacianEigenvalues: Array(eigenvalues.prefix(SpectralEigengap.eigenvalueCount(rows: rows))),
      pca: pca, features: features)
  }
}
