import Foundation

/// Reference values written once by scripts/sensitivity-fixtures.py (scikit-learn's
/// `roc_auc_score`, `silhouette_score`, `adjusted_rand_score`, `pair_confusion_matrix`).
struct StableRAGMeasuresReference: Decodable {
  /// Scores, labels and their AUROC.
  struct AUROCCase: Decodable {
    let scores: [Double]
    let labels: [Bool]
    let auroc: Double
  }
  /// Rows, cluster labels and their silhouette score.
  struct SilhouetteCase: Decodable {
    let rows: [[Double]]
    let labels: [Int]
    let silhouette: Double
  }
  /// Two partitions, their ARI and pair precision/recall (clusters against labels).
  struct PartitionCase: Decodable {
    let clusters: [Int]
    let labels: [Int]
    let ari: Double
    let pairPrecision: Double
    let pairRecall: Double
  }
  let auroc: [AUROCCase]
  let silhouette: [SilhouetteCase]
  let partitions: [PartitionCase]

  /// Reads Tests/ExperimentsTests/Fixtures/stable-rag-measures-reference.json.
  static func load() throws -> StableRAGMeasuresReference {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/stable-rag-measures-reference.json")
    return try JSONDecoder().decode(StableRAGMeasuresReference.self, from: Data(contentsOf: url))
  }
}
