extension ReorderModule {
  public var report: ModuleReport {
    let strategies = knobs.strategies.compactMap(ReorderStrategies.named)
    let definitions = strategies.map { "`\($0.label)`: \($0.definition)" }
    let oracles = strategies.filter(\.isOracle).map(\.name)
    var report = ModuleReport(
      figures: [
        .line(
          LineFigure(
            stem: "accuracy-vs-k-by-strategy",
            title:
              "Which order of the same top-k passages answers best? (SubEM vs k, per strategy)",
            xKey: "k", xLabel: "passages in context (k)", yLabel: "accuracy (SubEM)"))
      ],
      notes: [
        "Every strategy reorders the same list: the question's top k passages of the retriever, "
          + "so conditions of one (retriever, k) differ only in the order of the passages and are "
          + "compared question by question. Condition keys `{k, retriever, strategy}`; a "
          + "question with fewer than k retrieved passages is skipped under every strategy."
          + (oracles.isEmpty
            ? ""
            : " The oracles (\(oracles.joined(separator: ", "))) read the gold labels, so they "
              + "bound what a re-ranker could reach; they are labelled \"oracle\" in tables and "
              + "plots and skip the questions whose top k holds no gold passage (counted below).")
      ] + definitions, findings: [.strategies(StrategyFinding())])
    report.valueLabels = [
      "strategy": Dictionary(
        uniqueKeysWithValues: strategies.filter(\.isOracle).map { ($0.name, $0.label) })
    ]
    // Paired differences to the retrieval order, when it runs beside another strategy.
    if knobs.strategies.contains("retrieval"), knobs.strategies.count > 1 {
      report.figures.append(
        .forest(
          ForestFigure(
            stem: "paired-differences",
            title: "Which orders beat the retrieval order on the same questions?")))
    }
    return report
  }
}
