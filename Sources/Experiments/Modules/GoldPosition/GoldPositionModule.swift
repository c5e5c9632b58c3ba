import Foundation

/// "Lost in the Middle" (Liu et al., 2023, §2): the gold passage at each position among `total − 1`
/// distractors — the retriever's top-ranked passages that contain no gold answer (the recall rule),
/// in retrieval order or shuffled — plus closed-book (no passages) and oracle (gold only) baselines.
/// With `distractors: file` the distractors are each LitM/DPR record's own (`FileDistractors`).
public struct GoldPositionModule: ExperimentModule {
  /// The module's name in specs.
  public static let name = "gold_position"

  /// Validation, decoding and construction.
  static let entry = ModuleEntry(
    name: name, knobs: GoldPositionKnobs.self,
    fields: PlacementSweep.fields.merging([
      "distractors": .choice(GoldPositionKnobs.distractorSources, what: "distractor source")
    ]) { shared, _ in shared }, required: ["total"],
    check: check,
    defaultReport: GoldPositionModule(retrievers: [], knobs: GoldPositionKnobs(total: [])).report
  ) { spec, knobs in
    GoldPositionModule(retrievers: spec.retrievers, knobs: knobs)
  }

  /// The retrievers distractors come from, each a series.
  public let retrievers: [String]
  /// The knobs.
  public let knobs: GoldPositionKnobs
  /// Conditions `{retriever, total, gold_position}` and the placement itself.
  let sweep: PlacementSweep

  /// Creates the module.
  public init(retrievers: [String], knobs: GoldPositionKnobs) {
    self.retrievers = retrievers
    self.knobs = knobs
    sweep = PlacementSweep(knobs: knobs, positionKey: "gold_position")
  }

  /// Every (retriever, total, gold position), then `{baseline: closed_book}` and
  /// `{baseline: oracle}` unless `baselines: false`. With `distractors: file` there is one series,
  /// `retriever: file`, whose conditions need no ranked list.
  public func conditions() throws -> [Condition] {
    guard usesFile else {
      return sweep.conditions(retrievers: retrievers, baselines: ["closed_book", "oracle"])
    }
    return sweep.conditions(
      retrievers: [FileDistractors.series], baselines: ["closed_book", "oracle"]
    ).map { condition in
      var unranked = condition
      unranked.retriever = nil
      return unranked
    }
  }

  /// Whether distractors come from each record's own ctxs.
  private var usesFile: Bool { knobs.distractors == "file" }

  public func passages(for condition: Condition, context: QuestionContext) throws -> [Passage] {
    if let baseline = sweep.baseline(of: condition) {
      return baseline == "closed_book" ? [] : try gold(context)
    }
    guard usesFile else {
      return try sweep.arrange(
        try gold(context)[0], for: condition, context: context,
        excluding: context.question.answers, what: "answer-free distractors")
    }
    let file = try context.fileDistractors()
    let needed = try sweep.total(of: condition) - 1
    guard file.passages.count >= needed else { throw ModuleSkip(file.shortage(needed: needed)) }
    return try sweep.place(
      try gold(context)[0], for: condition, context: context, among: file.passages)
  }

  /// The question's gold passages.
  /// - Throws: `ModuleSkip` for a question without a gold passage.
  private func gold(_ context: QuestionContext) throws -> [Passage] {
    let gold = try context.goldPassages()
    guard !gold.isEmpty else { throw ModuleSkip("the question names no gold passage") }
    return gold
  }

  public var report: ModuleReport {
    ModuleReport(
      figures: [
        .line(
          LineFigure(
            stem: "accuracy-vs-gold-position",
            title: "Does accuracy depend on where the gold passage sits? (SubEM vs gold position)",
            xKey: "gold_position", xLabel: "position of the gold passage (1 = first)",
            yLabel: "accuracy (SubEM)", baselineKey: "baseline"))
      ],
      notes: [
        (usesFile
          ? "Distractors are each record's own ctxs flagged hasanswer=false (Liu et al.'s; the "
            + "file lists them in retrieval order), minus any that contain a gold answer all the same "
          : "Distractors are the retriever's top-ranked passages that contain no gold answer ")
          + "(SQuAD-normalised whole-token containment, the rule recall@k uses), "
          + (knobs.distractorOrder == "random"
            ? "shuffled once per question and total (seeded), so only the gold passage moves. "
            : "in retrieval order. ")
          + "Closed-book shows no passage; oracle shows only the gold passage(s). A question with "
          + "too few answer-free distractors is skipped under that condition (counted below), "
          + "never padded with answer-bearing passages."
      ],
      findings: [
        .positionExtremes(position), .endsVsMiddle(position), .baselines(BaselineFinding()),
        .nearBaseline(position, value: "closed_book"),
      ])
  }

  /// Accuracy along the gold passage's position, per retriever and total.
  private var position: PositionFinding {
    PositionFinding(positionKey: "gold_position", subject: "the gold passage")
  }
}
