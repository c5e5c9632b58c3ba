extension PermutationsModule {
  /// How many orders each question's set is shown in (nil when k! does not fit in an `Int`).
  var orderCount: Int? {
    switch knobs.orders {
    case .all: PassageOrders.factorial(knobs.k)
    case .sample(let count, _): count
    }
  }

  public var report: ModuleReport {
    let orders = orderCount.map { "\($0)" } ?? "sampled"
    let set =
      knobs.set == .goldPlus
      ? "the question's gold passage followed by the retriever's k − 1 = \(knobs.k - 1) "
        + "best-ranked passages that are not gold and contain no gold answer (SQuAD-normalised "
        + "whole-token containment, the rule of recall@k), in rank order"
      : "the retriever's top k = \(knobs.k) passages, in rank order"
    let choice: String
    switch knobs.orders {
    case .all: choice = "all \(orders) orders (lexicographic)"
    case .sample(let count, let seed):
      choice =
        "\(count) distinct orders drawn with seed \(seed) (the same orders for every question)"
    }
    return ModuleReport(
      figures: [
        Self.goldPositionFigure,
        Self.accuracyOverOrdersFigure(orders: "\(orders) "),
        .histogram(
          HistogramFigure(
            stem: "distinct-answers",
            title: "How many different answers does one question get across orders?",
            xLabel: "distinct SQuAD-normalised answers per question (count)",
            measure: .distinctAnswers, setKeys: ["retriever"])),
      ],
      notes: [
        "Each question's passage set is \(set); every condition shows that set in one order, "
          + "\(choice). Condition keys: `order` is the order's index (0 = the set's own order, "
          + "i.e. retrieval order), `perm` lists for each prompt position the 1-based index of "
          + "its passage in the set (`3-1-2` shows the set's third passage first)"
          + (knobs.set == .goldPlus
            ? ", and `gold_position` is the gold passage's prompt position (the gold is set "
              + "passage 1). "
            : ". ")
          + "A question with too few passages is skipped under every order (counted below), "
          + "never padded with answer-bearing passages.",
        "Per question and retriever, over its n orders answered (c right by SubEM): accuracy "
          + "over orders = c / n; distinct answers = number of different SQuAD-normalised "
          + "answers; answer entropy = −Σ pᵢ log₂ pᵢ bits over the answers' shares pᵢ; "
          + "majority share = the most frequent answer's share; sensitive = 0 < c < n. Per "
          + "retriever (table below): sensitivity rate = share of sensitive questions; mean "
          + "accuracy = correct trials / trials; best-order accuracy = share of questions right "
          + "under at least one order; worst-order accuracy = share right under every order "
          + "(so sensitivity rate = best − worst). Accuracy by gold position p = correct / "
          + "trials over the trials whose gold passage sat at prompt position p, read from the "
          + "trial's passages and the question's gold passage ids (a set without the gold "
          + "counts nowhere). Intervals are 95 % percentile bootstraps over questions.",
      ],
      tables: [.orderMeasures(setKeys: ["retriever"])],
      findings: [.orderMeasures(setKeys: ["retriever"])])
  }

  /// Accuracy by the gold passage's prompt position, read per trial (shared with `stable_rag`).
  static let goldPositionFigure = FigureSpec.goldPosition(
    GoldPositionFigure(
      stem: "accuracy-by-gold-position",
      title: "Does accuracy depend on where the order puts the gold passage? "
        + "(SubEM by gold position)",
      xLabel: "prompt position of the gold passage (1 = first)",
      yLabel: "accuracy (SubEM, share of trials)", seriesKeys: ["retriever"]))

  /// The histogram of per-question accuracy over `orders` (e.g. "120 ", or "" when it varies),
  /// shared with `stable_rag`.
  static func accuracyOverOrdersFigure(orders: String) -> FigureSpec {
    .histogram(
      HistogramFigure(
        stem: "accuracy-over-orders",
        title: "How much does the order of the same passages change correctness?",
        xLabel: "accuracy over a question's \(orders)orders (share of orders answered right)",
        measure: .accuracyOverOrders, setKeys: ["retriever"]))
  }
}
