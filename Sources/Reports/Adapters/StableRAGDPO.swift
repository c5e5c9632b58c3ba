import Experiments
import Store

/// Stable-RAG's DPO pairs of a stored experiment: the four rules (`DPORules`) applied to each
/// question's clusters at the method layer, labelled with the published lenient match.
public enum StableRAGDPO {
  /// Renders the chat-formatted prompt of a question shown with passages (in prompt order).
  public typealias PromptRenderer = (CatalogQuestion, [PassageRecord]) throws -> String

  /// Each question's rule and pairs, in question order; questions the catalog does not know are
  /// left out. Without `prompt`, pairs carry empty prompts (enough to count the rules).
  /// - Throws: `DPOInputError`, or the catalog's and renderer's errors.
  public static func outcomes(
    _ questions: [StableRAGQuestion], catalog: any QuestionCatalog, dataset: String,
    prompt: PromptRenderer? = nil
  ) throws -> [(questionID: String, outcome: DPOOutcome)] {
    try questions.compactMap { question in
      guard let method = question.method,
        let record = try catalog.question(dataset: dataset, id: question.questionID)
      else { return nil }
      let clusters = try method.representatives.indices.map { cluster -> ClusterOutcome in
        // The published code shows the prompt of the cluster's first member in order enumeration.
        let first = method.labels.firstIndex(of: cluster) ?? method.representatives[cluster]
        let shown = question.answers[first]
        let text =
          try prompt.map {
            try $0(record, try catalog.passages(dataset: dataset, ids: shown.passageIDs))
          } ?? ""
        return ClusterOutcome(
          size: method.sizes[cluster], promptOrder: shown.order, prompt: text,
          answer: question.answers[method.representatives[cluster]].answer)
      }
      let passages = try catalog.passages(
        dataset: dataset, ids: question.answers.first?.passageIDs ?? [])
      let outcome = try DPORules.pairs(
        for: QuestionOutcome(
          golds: record.answers, passages: passages.map(\.text), clusters: clusters))
      return (question.questionID, outcome)
    }
  }

  /// Questions and pairs per rule, in the rules' order.
  public static func counts(_ outcomes: [(questionID: String, outcome: DPOOutcome)])
    -> [StableRAGRuleCount]
  {
    DPORule.allCases.map { rule in
      let fired = outcomes.filter { $0.outcome.rule == rule }
      return StableRAGRuleCount(
        rule: rule.rawValue, questions: fired.count,
        pairs: fired.reduce(0) { $0 + $1.outcome.pairs.count })
    }
  }
}
