import Foundation

/// "Lost in the Middle" (Liu et al., 2023, §2): the gold passage at each position among `total − 1`
/// distractors — the retriever's top-ranked passages that contain no gold answer (the recall rule),
/// in retrieval order or shuffled — plus closed-book (no passages) and oracle (gold only) baselines.
public struct GoldPositionModule: ExperimentModule {
  /// The knobs of one position condition.
  public struct Keys: Codable, Sendable, Equatable {
    /// The retriever the distractors come from.
    public var retriever: String
    /// Passages shown.
    public var total: Int
    /// 1-based position of the gold passage.
    public var goldPosition: Int

    enum CodingKeys: String, CodingKey {
      case retriever, total
      case goldPosition = "gold_position"
    }
  }

  /// The knobs of a baseline condition: `closed_book` or `oracle`.
  public struct Baseline: Codable, Sendable, Equatable {
    /// The baseline's name.
    public var baseline: String
  }

  /// The module's name in specs.
  public static let name = "gold_position"

  /// Validation, decoding and construction.
  static let entry = ModuleEntry(
    name: name, knobs: GoldPositionKnobs.self,
    fields: [
      "total": .list(.integer(minimum: 1), nonEmpty: true),
      "positions": .either(
        .choice(["all", "litm"], what: "position set"),
        .list(.integer(minimum: 1), nonEmpty: true)),
      "distractor_order": .choice(["retrieval", "random"], what: "distractor order"),
      "baselines": .boolean,
    ],
    required: ["total"], check: check,
    defaultReport: GoldPositionModule(retrievers: [], knobs: GoldPositionKnobs(total: [])).report
  ) { spec, knobs in
    GoldPositionModule(retrievers: spec.retrievers, knobs: knobs)
  }

  /// The retrievers distractors come from, each a series.
  public let retrievers: [String]
  /// The knobs.
  public let knobs: GoldPositionKnobs

  /// Creates the module.
  public init(retrievers: [String], knobs: GoldPositionKnobs) {
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
              keys: Keys(retriever: retriever, total: total, goldPosition: position)))
        }
      }
    }
    if knobs.baselines {
      conditions.append(Condition(retriever: nil, keys: Baseline(baseline: "closed_book")))
      conditions.append(Condition(retriever: nil, keys: Baseline(baseline: "oracle")))
    }
    return conditions
  }

  public func passages(for condition: Condition, context: QuestionContext) throws -> [Passage] {
    if let baseline = try? condition.keys(as: Baseline.self) {
      return baseline.baseline == "closed_book" ? [] : try gold(context)
    }
    let keys = try condition.keys(as: Keys.self)
    let gold = try gold(context)[0]
    let ranked = try context.ranked(keys.retriever)
    let free = AnswerFreeDistractors(
      ranked: ranked, answers: context.question.answers, goldIDs: context.question.goldPassageIDs)
    guard free.passages.count >= keys.total - 1 else {
      throw ModuleSkip(
        "\(free.passages.count) answer-free distractors in the top \(ranked.count) of "
          + "\(keys.retriever), \(keys.total - 1) needed")
    }
    // One shuffle per (question, retriever, total), so only the gold passage moves.
    let stream =
      knobs.distractorOrder == "random"
      ? context.random("\(keys.retriever)/\(keys.total)") : nil
    return try GoldLayout.arrange(
      gold: gold, at: keys.goldPosition, total: keys.total, distractors: free.passages,
      shuffling: stream)
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
        "Distractors are the retriever's top-ranked passages that contain no gold answer "
          + "(SQuAD-normalised whole-token containment, the rule recall@k uses), "
          + (knobs.distractorOrder == "random"
            ? "shuffled once per question and total (seeded), so only the gold passage moves. "
            : "in retrieval order. ")
          + "Closed-book shows no passage; oracle shows only the gold passage(s). A question with "
          + "too few answer-free distractors is skipped under that condition (counted below), "
          + "never padded with answer-bearing passages."
      ])
  }
}
