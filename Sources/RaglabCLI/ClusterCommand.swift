import ArgumentParser
import Experiments
import Foundation

/// `raglab cluster FILE`: Stable-RAG's spectral clustering on any matrix a researcher brings.
struct ClusterCommand: ParsableCommand {
  /// How the result is printed.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  static let configuration = CommandConfiguration(
    commandName: "cluster",
    abstract: "Cluster the rows of a matrix the way Stable-RAG clusters hidden states.",
    discussion: """
      Stable-RAG (arXiv 2601.02993) clusters a question's last-prompt-token hidden states, one \
      row per order of its passages, then decodes one representative order per cluster. This \
      is its released procedure:
        1. PCA: centre the columns, keep min(--pca, rows, columns) components.
        2. Affinity A = exp(−(1 − cos)/σ) between the PCA rows (σ = --sigma).
        3. Laplacian L = I − D^−½ A D^−½ (D: row sums of A), eigenvalues ascending.
        4. K = 1 + the index of the largest gap among the first min(20, rows − 1) + 1
           eigenvalues, at least 2; --k N fixes K instead.
        5. k-means with K clusters on the PCA rows (k-means++, 10 seeded restarts,
           lowest inertia kept); a cluster's representative is the member nearest
           its centre.

      FILE is a CSV (one row per sample, numbers only; an optional first row of names is \
      skipped) or a NumPy .npy (2-D, C order, float32 or float64, little endian). Prints the \
      PCA's explained-variance ratios, the Laplacian eigenvalues, K, the cluster sizes, \
      representatives and labels (rows and clusters count from 0); --format json prints one \
      object with the same fields.

        $ raglab cluster states.npy
        $ raglab cluster states.csv --pca 10 --k 3 --format json

      docs/clustering.md has the details and the agreement with scikit-learn.
      """)

  @Argument(help: "A CSV or .npy matrix: one row per sample.")
  var file: String

  @Option(help: "PCA components requested (min(this, rows, columns) are kept).")
  var pca = 30

  @Option(help: "Scale σ of the affinity exp(−(1 − cos)/σ).")
  var sigma = 0.1

  @Option(help: "auto (K from the largest eigengap) or a fixed number of clusters.")
  var k = "auto"

  @Option(help: "Seed of the k-means++ draws (same seed, same labels).")
  var seed: UInt64 = 42

  @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: Format = .text

  func validate() throws {
    try OptionCheck.require(pca, in: 1...OptionCheck.countLimit, "--pca")
    guard sigma.isFinite, sigma > 0 else {
      throw ValidationError("--sigma must be a finite number above 0, e.g. 0.1 (got \(sigma))")
    }
    _ = try fixedK()
  }

  func run() throws {
    let matrix = try NumericMatrix.read(path: file)
    let options = ClusteringOptions(
      pcaComponents: pca, sigma: sigma, fixedK: try fixedK(), seed: seed)
    let result: ClusteringResult
    do {
      result = try SpectralClustering.run(
        matrix.values, rows: matrix.rows, columns: matrix.columns, options: options)
    } catch let error as ClusteringError {
      throw MatrixFileError(file: file, message: error.description)
    }
    let summary = ClusterSummary(file: file, matrix: matrix, result: result)
    print(format == .json ? try summary.json() : summary.text())
  }

  /// `nil` for `--k auto`, else the fixed K.
  /// - Throws: `ValidationError` unless `--k` is `auto` or a positive integer.
  private func fixedK() throws -> Int? {
    if k == "auto" { return nil }
    guard let value = Int(k), value >= 1 else {
      throw ValidationError("--k must be auto or a number of clusters ≥ 1 (got '\(k)')")
    }
    return value
  }
}
