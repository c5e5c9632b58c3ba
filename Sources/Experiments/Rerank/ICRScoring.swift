/// ICR's passage scores from the attention two passes put on each prompt token (Chen, Jiménez
/// Gutiérrez and Su, 2024, "Attention in Large Language Models Yields Efficient Zero-Shot
/// Re-Rankers", arXiv 2410.02642).
///
/// A token's score is the attention the query tokens put on it, summed over layers and heads and
/// averaged over the query tokens; calibration subtracts the same score under the content-free
/// query "N/A" token by token. The paper filters tokens with extreme calibrated scores; its code
/// (OSU-NLP-Group/In-Context-Reranking, `masked_NA_calibration`, the default strategy) drops the
/// tokens of a document whose calibrated score is not above the document's mean minus two
/// sample standard deviations — tokens the model attends to mostly whatever the query — and a
/// document's score is the sum of its remaining calibrated token scores. Followed here exactly.
public enum ICRScoring {
  /// Filtered, calibrated score of each passage.
  /// - Parameters:
  ///   - query: per prompt token, the attention under the question (averaged over its tokens).
  ///   - calibration: the same under the content-free query.
  ///   - spans: each passage's token positions.
  public static func passageScores(query: [Float], calibration: [Float], spans: [Range<Int>])
    -> [Double]
  {
    spans.map { span in
      let calibrated = span.map { Double(query[$0]) - Double(calibration[$0]) }
      return filteredSum(calibrated)
    }
  }

  /// The sum of the values above `mean − 2·sd` (sample standard deviation; 0 for one value, so a
  /// passage whose tokens all score the same scores 0, as in the authors' code).
  static func filteredSum(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return 0 }
    let n = Double(values.count)
    let mean = values.reduce(0, +) / n
    let variance =
      values.count > 1 ? values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1) : 0
    let threshold = mean - 2 * variance.squareRoot()
    return values.filter { $0 > threshold }.reduce(0, +)
  }
}
