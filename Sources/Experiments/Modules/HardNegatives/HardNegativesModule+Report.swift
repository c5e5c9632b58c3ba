extension HardNegativesModule {
  public var report: ModuleReport {
    ModuleReport(
      figures: [
        .line(
          LineFigure(
            stem: "accuracy-vs-k-by-source",
            title: "Do harder negatives hurt more? (SubEM vs passages shown, per negative source)",
            xKey: "k", xLabel: "passages shown K (gold + K − 1 negatives)",
            yLabel: "accuracy (SubEM)", baselineKey: "baseline"))
      ],
      notes: [protocolNote, positionNote],
      findings: [
        .lowestSeries(
          SeriesFinding(xKey: "k", xName: "K", seriesKey: "source", reference: Self.randomSource)),
        .baselines(BaselineFinding()),
      ])
  }

  /// The protocol: what is shown at each K, from which source, and when a question is skipped.
  private var protocolNote: String {
    let mix =
      knobs.hardRatio < 1
      ? "With hard_ratio \(knobs.hardRatio), a retriever source takes round(hard_ratio · (K − 1)) "
        + "negatives from its ranking and the rest at random from the question's corpus sample. "
      : ""
    return "Hard negatives (Jin et al., 2024, §3.3 and App. C Alg. 1): each prompt shows the gold "
      + "passage and K − 1 negatives. A negative is neither gold nor answer-bearing "
      + "(SQuAD-normalised whole-token containment, the rule recall@k uses). A retriever source "
      + "(bm25, dense) walks its ranked list and keeps the first K − 1 such passages in rank "
      + "order; `random` keeps the first K − 1 such passages of a seeded uniform sample of "
      + "\(randomPoolSize) corpus passages drawn once per question, so a smaller K's negatives "
      + "are always among a larger K's. \(mix)K = 1 (the gold passage alone) is the oracle, "
      + "drawn as a horizontal line. A question with too few answer-free negatives is skipped "
      + "under that condition (counted below), never padded with answer-bearing passages."
  }

  /// Where the gold passage goes and how the passages are ordered.
  private var positionNote: String {
    if let position = knobs.goldPosition {
      return "The negatives are shuffled (seeded per question and condition) and the gold passage "
        + "is always passage \(position)."
    }
    return "Alg. 1 shuffles all K passages: the negatives are shuffled and the gold passage put at "
      + "a uniform random position in 1…K, both drawn from the seeded stream of the question and "
      + "condition (dataset.seed, question id, `source/K`), so every run draws the same layout."
  }
}
