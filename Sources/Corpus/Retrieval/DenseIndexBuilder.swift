import Foundation
import Inference
import Store

/// Computes and stores the passage embeddings of a dataset once per (dataset, encoder, model file).
public enum DenseIndexBuilder {
  /// The text embedded for a passage: its title and text on separate lines (the text alone when
  /// there is no title), so topic words in titles help as they do for BM25.
  public static func embeddedText(_ passage: PassageRecord) -> String {
    passage.title.isEmpty ? passage.text : passage.title + "\n" + passage.text
  }

  /// Embeds every passage of `dataset` that has no stored vector for `encoder` yet, committing
  /// each batch, and returns the (complete) index.
  /// - Parameter progress: called after each batch with (passages done, passages to embed).
  public static func build(
    store: CorpusStore, dataset: String, encoder: SentenceEncoder, batchSize: Int = 32,
    progress: ((Int, Int) -> Void)? = nil
  ) throws -> DenseStore.IndexInfo {
    let dense = DenseStore(store)
    let index = try dense.openIndex(
      dataset: dataset, encoder: encoder.name, modelSHA256: try encoder.fileSHA256(),
      dimension: encoder.dimension)
    if index.isComplete { return index }
    let missing = try dense.missingPassages(dataset: dataset, indexID: index.id)
    // Commit every few batches so an interrupted build keeps its work.
    let chunk = max(1, batchSize) * 8
    var done = 0
    progress?(0, missing.count)
    for start in stride(from: 0, to: missing.count, by: chunk) {
      let passages = missing[start..<min(missing.count, start + chunk)]
      let vectors = encoder.encode(
        passages.map(embeddedText), batchSize: batchSize,
        progress: { inner, _ in progress?(done + inner, missing.count) })
      try dense.store(
        zip(passages, vectors).map { (passageRowID: $0.rowid, vector: $1) }, indexID: index.id)
      done += passages.count
    }
    return try dense.openIndex(
      dataset: dataset, encoder: encoder.name, modelSHA256: try encoder.fileSHA256(),
      dimension: encoder.dimension)
  }
}
