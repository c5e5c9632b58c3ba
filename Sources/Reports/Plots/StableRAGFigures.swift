import Experiments

extension ExperimentSummary {
  /// The stems of the Stable-RAG figures (shown in their own notebook section, not under Plots).
  static let stableRAGStems: Set<String> = [
    "accuracy-by-method", "clusters-per-question", "cluster-quality-by-layer",
    "sensitivity-auroc-by-layer",
  ]

  /// A `stable_rag` experiment's figures: methods, K per question, and — with two or more
  /// captured layers — cluster quality and sensitivity AUROC against layer; none otherwise.
  /// - Throws: `ReportsError.nothingToPlot` when there are no clustered questions.
  public func stableRAGFigures() throws -> [any GnuplotFigure] {
    guard let stable = stableRAG else { return [] }
    let reader = StoredSpecNames.generatorModel(in: specYAML) ?? GeneratorSpec.defaultModel
    var figures: [any GnuplotFigure] = [
      MethodAccuracyPlot(experiment: name, methods: stable.methods, reader: reader),
      try Histogram(
        experiment: name, values: stable.clusterCounts.map(Double.init),
        recipe: HistogramRecipe(
          stem: "clusters-per-question",
          title: "Into how many clusters do a question's orders fall? (K by eigengap)",
          xLabel: "clusters K of the \(stable.orders) orders' states at layer "
            + "\(stable.methodLayer) (count)",
          bins: .integers(2...max(2, stable.clusterCounts.max() ?? 2)))),
    ]
    guard stable.layers.count >= 2 else { return figures }
    let layers = stable.layers.map(\.layer)
    let finalNorm = stable.methodLayerIsFinalNorm ? stable.methodLayer : nil
    figures.append(
      LayerCurvePlot(
        experiment: name, stem: "cluster-quality-by-layer",
        title: "Do deeper layers cluster the orders by their answers?",
        yLabel: "cluster quality (0–1)", layers: layers,
        series: [
          .init(name: "purity vs correctness", values: stable.layers.map(\.purityCorrectness)),
          .init(name: "pair F1 vs correctness", values: stable.layers.map(\.f1Correctness)),
          .init(name: "purity vs answers", values: stable.layers.map(\.purityAnswers)),
          .init(name: "pair F1 vs answers", values: stable.layers.map(\.f1Answers)),
        ], reference: nil, finalNormLayer: finalNorm))
    let scores = stable.layers.first?.auroc.map(\.score) ?? []
    figures.append(
      LayerCurvePlot(
        experiment: name, stem: "sensitivity-auroc-by-layer",
        title: "Can one prefill per order tell which questions are order-sensitive?",
        yLabel: "AUROC for 'some orders right, some wrong'", layers: layers,
        series: scores.map { score in
          .init(
            name: "score: \(score)",
            values: stable.layers.map { layer in
              layer.auroc.first { $0.score == score }?.auroc ?? Estimate(value: .nan)
            })
        }, reference: (0.5, "chance (0.5)"), finalNormLayer: finalNorm))
    return figures
  }
}
