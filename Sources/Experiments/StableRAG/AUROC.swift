/// Area under the ROC curve of a score for a binary label: the Mann–Whitney probability that a
/// random positive scores above a random negative, ties counting ½ (scikit-learn's `roc_auc_score`).
public enum AUROC {
  /// The AUROC of `scores` for `labels` (true = positive, higher scores predict positives); nil
  /// when one class is empty.
  /// - Throws: `MeasureInputError` when the lengths differ or a score is not finite.
  public static func value(scores: [Double], labels: [Bool]) throws -> Double? {
    guard scores.count == labels.count else {
      throw MeasureInputError(
        description:
          "AUROC needs one label per score: \(scores.count) scores, \(labels.count) labels")
    }
    if let bad = scores.firstIndex(where: { !$0.isFinite }) {
      throw MeasureInputError(
        description: "AUROC score \(bad) is \(scores[bad]); scores must be finite")
    }
    return ranked(scores: scores, labels: labels, indices: Array(scores.indices))
  }

  /// The AUROC of the samples at `indices` (repeats allowed, as in a bootstrap resample), from the
  /// rank-sum: (Σ positive ranks − p(p+1)/2) / (p·q), tied scores sharing their mean rank.
  static func ranked(scores: [Double], labels: [Bool], indices: [Int]) -> Double? {
    let positives = indices.reduce(0) { $0 + (labels[$1] ? 1 : 0) }
    let negatives = indices.count - positives
    guard positives > 0, negatives > 0 else { return nil }
    let sorted = indices.sorted { scores[$0] < scores[$1] }
    var positiveRankSum = 0.0
    var start = 0
    while start < sorted.count {  // one run of tied scores at a time
      var end = start + 1
      while end < sorted.count && scores[sorted[end]] == scores[sorted[start]] { end += 1 }
      let meanRank = Double(start + 1 + end) / 2  // ranks start+1 … end, 1-based
      for i in start..<end where labels[sorted[i]] { positiveRankSum += meanRank }
      start = end
    }
    let p = Double(positives)
    return (positiveRankSum - p * (p + 1) / 2) / (p * Double(negatives))
  }
}
