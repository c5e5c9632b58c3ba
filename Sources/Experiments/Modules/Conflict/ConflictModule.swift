import Foundation

/// Knowledge conflicts (BIG-bench `contextual_parametric_knowledge_conflicts`): the question's
/// counterfactual context — its gold passage, whose answer was substituted — at each position
/// among `total − 1` distractors retrieved from the task's own contexts (none containing the
/// substituted or the original answer), plus a closed-book baseline; every reply is classified
/// `context`, `memory` or `other` (`ConflictAnswer`), stored as three 0/1 metrics.
public struct ConflictModule: ExperimentModule {
  /// The knobs of one position condition.
  public struct Keys: Codable, Sendable, Equatable {
    /// The retriever the distractors come from.
    public var retriever: String
    /// Passages shown.
    public var total: Int
    /// 1-based position of the counterfactual context.
    public var contextPosition: Int

    enum CodingKeys: String, CodingKey {
      case retriever, total
      case contextPosition = "context_position"
    }
  }

  /// The knobs of the baseline condition: `closed_book`.
  public struct Baseline: Codable, Sendable, Equatable {
    /// The baseline's name.
    public var baseline: String
  }

  /// The module's name in specs.
  public static let name = "conflict"

  /// Validation, decoding and construction.
  static let entry = ModuleEntry(
    name: name, knobs: ConflictKnobs.self,
    fields: [
      "total": .list(.integer(minimum: 1), nonEmpty: true),
      "positions": .either(
        .choice(["all", "litm"], what: "position set"),
        .list(.integer(minimum: 1), nonEmpty: true)),
      "distractor_order": .choice(["retrieval", "random"], what: "distractor order"),
      "baselines": .boolean,
    ],
    required: ["total"], check: check,
    defaultReport: ConflictModule(retrievers: [], knobs: ConflictKnobs(total: [])).report
  ) { spec, knobs in
    ConflictModule(retrievers: spec.retrievers, knobs: knobs)
  }

  /// The retrievers distractors come from, each a set of curves.
  public let retrievers: [String]
  /// The knobs.
  public let knobs: ConflictKnobs

  /// Creates the module.
  public init(retrievers: [String], knobs: ConflictKnobs) {
    self.retrievers = retrievers
    self.knobs = knobs
  }

  public func conditions() throws -> [Condition] {
    var conditions: [Condition] = []
    for retriever in retrievers {
      for total in knobs.total {
        for position in knobs.positions.values(total: total) {
          conditions.append(
            Condition(
              retriever: retriever,
              keys: Keys(retriever: retriever, total: total, contextPosition: position)))
        }
      }
    }
    if knobs.baselines {
      conditions.append(Condition(retriever: nil, keys: Baseline(baseline: "closed_book")))
    }
    return conditions
  }

  public func passages(for condition: Condition, context: QuestionContext) throws -> [Passage] {
    let question = context.question
    guard !question.memoryAnswers.isEmpty else {
      throw ModuleSkip(
        "the example has no original answer besides the substituted one, so memory answers "
          + "cannot be told apart")
    }
    if (try? condition.keys(as: Baseline.self)) != nil { return [] }
    let keys = try condition.keys(as: Keys.self)
    guard let counterfactual = try context.goldPassages().first else {
      throw ModuleSkip("the question names no counterfactual context (gold passage)")
    }
    let ranked = try context.ranked(keys.retriever)
    let free = AnswerFreeDistractors(
      ranked: ranked, answers: question.answers + question.memoryAnswers,
      goldIDs: question.goldPassageIDs)
    guard free.passages.count >= keys.total - 1 else {
      throw ModuleSkip(
        "\(free.passages.count) distractors without either answer in the top \(ranked.count) of "
          + "\(keys.retriever), \(keys.total - 1) needed")
    }
    // One shuffle per (question, retriever, total), so only the context moves.
    let stream =
      knobs.distractorOrder == "random"
      ? context.random("\(keys.retriever)/\(keys.total)") : nil
    return try GoldLayout.arrange(
      gold: counterfactual, at: keys.contextPosition, total: keys.total,
      distractors: free.passages, shuffling: stream)
  }

  /// The reply's class as three 0/1 metrics `context`, `memory`, `other`.
  public func answerMetrics(_ answer: String, question: Question) -> [String: Double] {
    ConflictAnswer.metrics(
      answer, contextAnswers: question.answers, memoryAnswers: question.memoryAnswers)
  }

  public var report: ModuleReport {
    ModuleReport(
      figures: [
        .line(
          LineFigure(
            stem: "answer-source-vs-context-position",
            title: "Does the model answer from the context or from memory, by context position?",
            xKey: "context_position", xLabel: "position of the counterfactual context (1 = first)",
            yLabel: "share of answers (0–1)", metrics: ConflictAnswer.allCases.map(\.rawValue),
            baselineKey: "baseline"))
      ],
      notes: [
        "Each question's context had its answer span replaced (BIG-bench "
          + "contextual_parametric_knowledge_conflicts). A reply is `context` when it contains the "
          + "substituted answer, `memory` when it contains the original answer, `other` when it "
          + "contains neither or both (a hedge counts for neither side; an answer matched only "
          + "inside a longer matched answer of the other side, e.g. \"Paul\" in \"Paul Otlet\", "
          + "does not count). Containment is SubEM's: the SQuAD-normalised answer inside the "
          + "normalised first line of the reply. The three rates sum to 1 per condition.",
        "Distractors are the retriever's top-ranked contexts of the same task that contain "
          + "neither answer (whole-token containment, recall's rule), "
          + (knobs.distractorOrder == "random"
            ? "shuffled once per question and total (seeded), so only the context moves. "
            : "in retrieval order. ")
          + "Closed-book shows no passage: its `memory` rate is what the model knows alone. "
          + "A question with too few such distractors, or whose example has no original answer, "
          + "is skipped (counted below), never padded.",
      ])
  }
}
