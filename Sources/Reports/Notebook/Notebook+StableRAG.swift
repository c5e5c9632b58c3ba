import Experiments
import Foundation

extension Notebook {
  /// Whether `image` is one of the Stable-RAG figures (shown in their section, not Plots).
  func isStableRAGImage(_ image: String) -> Bool {
    let stem = URL(fileURLWithPath: image).deletingPathExtension().lastPathComponent
    return summary.stableRAG != nil && ExperimentSummary.stableRAGStems.contains(stem)
  }

  /// "Stable-RAG: one decode per cluster": the methods with their cost, `centre_token`, K, the
  /// layer analysis with the best layer for sensitivity prediction, and the DPO rules; nothing
  /// for other experiments.
  func stableRAGSection() -> [String] {
    guard let stable = summary.stableRAG else { return [] }
    let reader = StoredSpecNames.generatorModel(in: summary.specYAML) ?? "the default model"
    let remote =
      stable.methodLayer == HiddenLayerSelection.legacyRemoteFinalLayer
      || StoredSpecNames.generatorBackend(in: summary.specYAML) == "openai"
    let layerName =
      remote
      ? Self.remoteLayerName(stable.methodLayer)
      : stable.methodLayerIsFinalNorm
        ? "layer \(stable.methodLayer) (the final-norm output, Hugging Face's hidden_states[-1])"
        : "layer \(stable.methodLayer)"
    var lines = [
      "## Stable-RAG: one decode per cluster", "",
      "\(stable.questions) questions × \(stable.orders) orders answered by `\(reader)`; the "
        + "methods cluster \(layerName). Accuracy is SubEM per question with a 95 % bootstrap "
        + "interval; cost is per question, as each method would spend it alone.", "",
      TextTable(
        headers: ["method", "accuracy", "prefills", "decodes", "seconds"],
        rows: stable.methods.map { m in
          [
            "`\(m.name)`", NumberFormat.withInterval(m.accuracy), NumberFormat.fixed(m.prefills, 1),
            NumberFormat.fixed(m.decodes, 1), NumberFormat.fixed(m.seconds, 2),
          ]
        }
      ).markdown(), "",
    ]
    let exhaustive = stable.methods.first { $0.name == StableRAGMethod.exhaustiveVote.rawValue }
    let clustered = stable.methods.first { $0.name == StableRAGMethod.stableRAG.rawValue }
    if let exhaustive, let clustered, exhaustive.decodes > 0 {
      lines += [savingSentence(stable, clustered: clustered, exhaustive: exhaustive), ""]
    }
    lines += [centreSentence(stable), ""]
    lines += layerLines(stable)
    if stable.dpoRules.contains(where: { $0.questions > 0 }) {
      lines += [
        "DPO pairs (`raglab export-dpo \(summary.name) --out FILE.jsonl`), Stable-RAG's four "
          + "rules on the clusters of \(layerName), labelled by the published lenient match:", "",
        TextTable(
          headers: ["rule", "questions", "pairs"],
          rows: stable.dpoRules.map { ["`\($0.rule)`", "\($0.questions)", "\($0.pairs)"] }
        ).markdown(), "",
      ]
    }
    for png in images where png.hasSuffix(".png") && isStableRAGImage(png) {
      lines += imageLines(png) + [""]
    }
    return lines
  }

  /// The layer of a remote generator's states: blockCount + 1, or −1 in experiments stored
  /// before the served block count was learned (`HiddenLayerSelection.legacyRemoteFinalLayer`).
  static func remoteLayerName(_ layer: Int) -> String {
    "the final-norm output (layer \(layer), Hugging Face's "
      + "hidden_states[-1]; only the final layer is available remotely, from llama-server's "
      + "/embeddings with --pooling last, read raw with embd_normalize: -1, so PCA sees the same "
      + "scale as in-process states; cosine affinities ignore scale anyway)"
  }

  /// How many decodes clustering saves against decoding every order.
  private func savingSentence(
    _ stable: StableRAGSummary, clustered: StableRAGMethodResult,
    exhaustive: StableRAGMethodResult
  ) -> String {
    let saved = 100 * (1 - clustered.decodes / exhaustive.decodes)
    let k = NumberFormat.fixed(stable.meanK, 2)
    let decodes = NumberFormat.fixed(clustered.decodes, 2)
    let all = NumberFormat.fixed(exhaustive.decodes, 0)
    let clustering = NumberFormat.fixed(stable.clusteringSeconds, 2)
    return "Mean K = \(k) clusters per question, so `stable_rag` decodes \(decodes) answers per "
      + "question where `exhaustive_vote` decodes \(all): \(NumberFormat.fixed(saved, 1)) % of "
      + "the decodes saved. Clustering every question at every layer took \(clustering) s in "
      + "this report."
  }

  /// What `centre_token` measured, or why it was not.
  private func centreSentence(_ stable: StableRAGSummary) -> String {
    guard let agreement = stable.centreAgreement else {
      return "`centre_token` was not measured: it needs the reader's output head (run `raglab "
        + "report` where the spec's GGUF is installed)."
    }
    let norm = stable.methodLayerIsFinalNorm ? "" : " after the final norm"
    let rate = NumberFormat.withInterval(agreement)
    return "`centre_token`: the top token of a cluster's centre (mapped back from PCA to the "
      + "state space, then through the output head\(norm)) equals its representative's first "
      + "answer token for \(rate) of the clusters (mean share per question, "
      + "\(stable.centreClusters) clusters). It costs the \(stable.orders) prefills and one "
      + "output-head product per cluster, no decode; it is an agreement rate, not an accuracy."
  }

  /// The layer table and the best layer for predicting sensitivity, when several were captured.
  private func layerLines(_ stable: StableRAGSummary) -> [String] {
    guard stable.layers.count >= 2 else { return [] }
    let scores = stable.layers.first?.auroc.map(\.score) ?? []
    var lines = [
      "Per captured layer: mean K, purity and pair-counting F1 of the clusters against answer "
        + "correctness and against the distinct normalised answers, and the AUROC with which "
        + "each prefill-only score (K; spread = mean distance of the states to their centroid; "
        + "silhouette of the clustering) predicts that a question is permutation-sensitive "
        + "(right under some orders, wrong under others). Purity rises with K by construction "
        + "(one order per cluster scores 1); pair F1 does not reward splitting.", "",
      TextTable(
        headers: [
          "layer", "mean K", "purity (correct)", "F1 (correct)", "purity (answers)",
          "F1 (answers)",
        ] + scores.map { "AUROC \($0)" },
        rows: stable.layers.map { layer in
          [
            "\(layer.layer)", NumberFormat.fixed(layer.meanK, 2),
            NumberFormat.withInterval(layer.purityCorrectness),
            NumberFormat.withInterval(layer.f1Correctness),
            NumberFormat.withInterval(layer.purityAnswers),
            NumberFormat.withInterval(layer.f1Answers),
          ] + layer.auroc.map { $0.auroc.map { NumberFormat.withInterval($0) } ?? "–" }
        }
      ).markdown(), "",
    ]
    let best = stable.layers.flatMap { layer in
      layer.auroc.compactMap { score in score.auroc.map { (layer.layer, score.score, $0) } }
    }.max { $0.2.value < $1.2.value }
    if let (layer, score, auroc) = best {
      lines += [
        "Best layer for sensitivity prediction: layer \(layer), score \(score), AUROC "
          + "\(NumberFormat.withInterval(auroc))"
          + (auroc.low > 0.5
            ? " (its interval lies above chance)." : " (its interval includes chance, 0.5)."),
        "",
      ]
    } else {
      lines += [
        "Sensitivity prediction is undefined: every question is sensitive, or none is.", "",
      ]
    }
    return lines
  }
}
