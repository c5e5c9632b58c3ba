import Corpus

/// How `stable_rag` and `exhaustive_vote` pick one answer from a question's orders.
public enum AnswerSelection {
  /// Index (into `clusterSizes`) of the cluster whose answer `stable_rag` returns: the largest,
  /// ties to the one whose representative (`answers[representatives[c]]`) has the higher mean
  /// log-probability, then the lower cluster index; nil without clusters.
  public static func stableCluster(
    clusterSizes: [Int], representatives: [Int], answers: [OrderAnswer]
  ) -> Int? {
    clusterSizes.indices.max { a, b in
      if clusterSizes[a] != clusterSizes[b] { return clusterSizes[a] < clusterSizes[b] }
      let la = answers[representatives[a]].meanLogprob
      let lb = answers[representatives[b]].meanLogprob
      if la != lb { return la < lb }
      return a > b
    }
  }

  /// Index (into `answers`) of the answer `exhaustive_vote` returns: the first order giving the
  /// most frequent SQuAD-normalised answer (ties to the group whose first order comes first);
  /// nil for no answers.
  public static func majority(_ answers: [OrderAnswer]) -> Int? {
    var first: [[UInt32]: Int] = [:]
    var count: [[UInt32]: Int] = [:]
    for (i, answer) in answers.enumerated() {
      let key = SquadNormalizer.answerKey(answer.answer)
      if first[key] == nil { first[key] = i }
      count[key, default: 0] += 1
    }
    return count.max { a, b in
      a.value != b.value ? a.value < b.value : first[a.key]! > first[b.key]!
    }.map { first[$0.key]! }
  }
}
