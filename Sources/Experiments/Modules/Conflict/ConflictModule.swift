import Foundation

/// Knowledge conflicts (BIG-bench `contextual_parametric_knowledge_conflicts`): the question's
/// counterfactual context — its gold passage, whose answer was substituted — at each position
/// among `total − 1` distractors retrieved from the task's own contexts (none containing the
/// substituted or the original answer), plus a closed-book baseline; every reply is classified
/// `context`, `memory` or `other` (`ConflictAnswer`), stored as three 0/1 metrics.
public struct ConflictModule: ExperimentModule {
  /// The module's name in specs.
  public static let name = "conflict"

  /// Validation, decoding and construction.
  static let entry = ModuleEntry(
    name: name, knobs: ConflictKnobs.self, fields: PlacementSweep.fields, required: ["total"],
    check: check,
    defaultReport: ConflictModule(retrievers: [], knobs: ConflictKnobs(total: [])).report
  ) { spec, knobs in
    ConflictModule(retrievers: spec.retrievers, knobs: knobs)
  }

  /// The retrievers distractors come from, each a set of curves.
  public let retrievers: [String]
  /// The knobs (those of `gold_position`; `baselines` adds closed book only).
  public let knobs: ConflictKnobs
  /// Conditions `{retriever, total, context_position}` and the placement itself.
  let sweep: PlacementSweep

  /// Creates the module.
  public init(retrievers: [String], knobs: ConflictKnobs) {
    self.retrievers = retrievers
    self.knobs = knobs
    sweep = PlacementSweep(knobs: knobs, positionKey: "context_position")
  }

  /// Every (retriever, total, context position), then `{baseline: closed_book}` unless
  /// `baselines: false`.
  public func conditions() throws -> [Condition] {
    sweep.conditions(retrievers: retrievers, baselines: ["closed_book"])
  }

  public func passages(for condition: Condition, context: QuestionContext) throws -> [Passage] {
    let question = context.question
    guard !question.memoryAnswers.isEmpty else {
      throw ModuleSkip(
        "the example has no original answer besides the substituted one, so memory answers "
          + "cannot be told apart")
    }
    if sweep.baseline(of: condition) != nil { return [] }
    guard let counterfactual = try context.goldPassages().first else {
      throw ModuleSkip("the question names no counterfactual context (gold passage)")
    }
    return try sweep.arrange(
      counterfactual, for: condition, context: context,
      excluding: question.answers + question.memoryAnswers,
      what: "distractors without either answer")
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
      ],
      findings: [
        .rates(
          RatesFinding(
            position: PositionFinding(
              positionKey: "context_position", subject: "the counterfactual context"),
            metrics: ConflictAnswer.allCases.map(\.rawValue))),
        .baselines(BaselineFinding(metric: ConflictAnswer.memory.rawValue)),
      ])
  }
}
