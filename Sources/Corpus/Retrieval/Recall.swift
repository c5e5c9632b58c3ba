import Store

/// Recall@k of one retriever on a set of questions.
public struct RecallAtK: Sendable, Hashable, Codable {
  /// Cut-off.
  public var k: Int
  /// Questions answered within the top k.
  public var hits: Int
  /// Questions evaluated.
  public var total: Int

  /// `hits / total` (0 when there are no questions).
  public var value: Double { total == 0 ? 0 : Double(hits) / Double(total) }
}

/// Recall@k: a question counts as found in the top k when one of its gold passage ids is there,
/// or — for a question whose dataset names no gold passage — when one of its normalised answers
/// occurs (as whole tokens) in the text of a top-k passage, as DPR's `has_answer` does.
public enum Recall {
  /// Whether `question` is found within the first `k` passages of `ranking`.
  /// - Parameter normalizedText: the SQuAD-normalised text of a passage id (only called without
  ///   gold ids).
  public static func isHit(
    _ question: QuestionRecord, ranking: [ScoredPassage], k: Int,
    normalizedText: (String) throws -> String
  ) rethrows -> Bool {
    let top = ranking.prefix(max(0, k))
    if !question.goldPassageIDs.isEmpty {
      let gold = Set(question.goldPassageIDs)
      return top.contains { gold.contains($0.passageID) }
    }
    let answers = question.answers.map(SquadNormalizer.normalize).filter { !$0.isEmpty }
    for passage in top {
      let text = try normalizedText(passage.passageID)
      if answers.contains(where: { holds(text, $0) }) { return true }
    }
    return false
  }

  /// Whether `answer` occurs as whole tokens in `passage`, both SQuAD-normalised (DPR's
  /// `has_answer`); an answer that normalises to nothing never matches.
  public static func passage(_ passage: String, containsAnswer answer: String) -> Bool {
    let needle = SquadNormalizer.normalize(answer)
    return !needle.isEmpty && holds(SquadNormalizer.normalize(passage), needle)
  }

  /// Whether normalised `text` contains normalised `needle` as whole tokens.
  private static func holds(_ text: String, _ needle: String) -> Bool {
    (" " + text + " ").contains(" " + needle + " ")
  }

  /// Recall at each of `ks` over `rankings` (each question with its ranking).
  /// - Throws: `StoreError` when a ranked passage is not in the dataset.
  public static func evaluate(
    _ rankings: [(question: QuestionRecord, ranking: [ScoredPassage])], ks: [Int],
    store: CorpusStore, dataset: String
  ) throws -> [RecallAtK] {
    var texts: [String: String] = [:]  // normalised, each passage once
    func text(_ id: String) throws -> String {
      if let text = texts[id] { return text }
      let passage = try store.passages(dataset: dataset, ids: [id])[0]
      let text = SquadNormalizer.normalize(passage.text)
      texts[id] = text
      return text
    }
    return try ks.map { k in
      var hits = 0
      for (question, ranking) in rankings
      where try isHit(question, ranking: ranking, k: k, normalizedText: text) {
        hits += 1
      }
      return RecallAtK(k: k, hits: hits, total: rankings.count)
    }
  }
}
