/// A question outcome the DPO rules cannot read, with what to fix.
public struct DPOInputError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What is wrong and how to fix it.
  public let description: String
}

/// Stable-RAG's four rules turning a question's cluster answers into DPO pairs, as
/// `data_construction/get_data.py` and `get_dpo_data.py` of github.com/zqc1023/Stable-RAG do.
///
/// Clusters are grouped by their exact answer string (order counts summed, the prompt of the first
/// cluster with that answer kept); "most common" means the most orders, ties to the answer seen
/// first. docs/experiments.md ("Stable-RAG measures") gives the rules in prose.
public enum DPORules {
  /// The abstention completion, exactly as published.
  public static let abstention = "I don't know."

  /// The rule that fires for `outcome` and its pairs.
  /// - Throws: `DPOInputError` when there are no clusters or a cluster has no orders.
  public static func pairs(for outcome: QuestionOutcome) throws -> DPOOutcome {
    guard !outcome.clusters.isEmpty else {
      throw DPOInputError(description: "a question outcome needs at least one cluster")
    }
    if let bad = outcome.clusters.first(where: { $0.size < 1 }) {
      throw DPOInputError(
        description: "cluster with prompt order \(bad.promptOrder) has size \(bad.size); "
          + "every cluster holds at least one order")
    }
    let groups = answerGroups(outcome.clusters, golds: outcome.golds)
    let correct = groups.filter(\.isCorrect)
    let wrong = groups.filter { !$0.isCorrect }
    guard let wrongest = mostCommon(wrong) else { return DPOOutcome(rule: .allCorrect, pairs: []) }
    if let best = mostCommon(correct) {
      // The same preference shown with the wrong order's prompt, then with the correct order's.
      return DPOOutcome(
        rule: .someCorrect,
        pairs: [wrongest, best].map {
          DPOPair(
            prompt: $0.prompt, chosen: best.answer, rejected: wrongest.answer,
            promptOrder: $0.promptOrder)
        })
    }
    if let gold = LenientMatch.firstGoldInPassages(
      golds: outcome.golds, passages: outcome.passages)
    {
      return DPOOutcome(
        rule: .noneCorrectGoldPresent,
        pairs: [
          DPOPair(
            prompt: wrongest.prompt, chosen: gold, rejected: abstention,
            promptOrder: wrongest.promptOrder)
        ])
    }
    return DPOOutcome(
      rule: .noneCorrectGoldAbsent,
      pairs: [
        DPOPair(
          prompt: wrongest.prompt, chosen: abstention, rejected: wrongest.answer,
          promptOrder: wrongest.promptOrder)
      ])
  }

  /// Clusters sharing an exact answer string, merged: orders summed, first cluster's prompt kept.
  private struct AnswerGroup {
    /// The answer, as decoded.
    let answer: String
    /// Orders giving it.
    var orders: Int
    /// Prompt of the first cluster with this answer.
    let prompt: String
    /// That prompt's order index.
    let promptOrder: Int
    /// The lenient label.
    let isCorrect: Bool
  }

  /// The answer groups in first-seen order (Python dict insertion order in `get_data.py`).
  private static func answerGroups(_ clusters: [ClusterOutcome], golds: [String]) -> [AnswerGroup] {
    var groups: [AnswerGroup] = []
    var index: [[UInt32]: Int] = [:]
    for cluster in clusters {
      // Keyed by scalars: Swift's String equality is canonical equivalence, Python's dict is not.
      let key = cluster.answer.unicodeScalars.map(\.value)
      if let i = index[key] {
        groups[i].orders += cluster.size
      } else {
        index[key] = groups.count
        groups.append(
          AnswerGroup(
            answer: cluster.answer, orders: cluster.size, prompt: cluster.prompt,
            promptOrder: cluster.promptOrder,
            isCorrect: LenientMatch.isCorrect(cluster.answer, golds: golds)))
      }
    }
    return groups
  }

  /// The group with the most orders, the first one on ties (Python's `max`); nil when empty.
  private static func mostCommon(_ groups: [AnswerGroup]) -> AnswerGroup? {
    groups.reduce(nil) { best, group in
      guard let best, best.orders >= group.orders else { return group }
      return best
    }
  }
}
