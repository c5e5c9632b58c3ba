extension StableRAGModule {
  public var report: ModuleReport {
    let orderCount: String
    switch knobs.orders {
    case .all: orderCount = PassageOrders.factorial(knobs.k).map { "all \($0)" } ?? "all"
    case .sample(let count, let seed): orderCount = "\(count) orders drawn with seed \(seed)"
    }
    let clusters =
      switch knobs.clusters {
      case .auto:
        "K = max(2, 1 + the index of the largest gap among the first min(20, n − 1) + 1 "
          + "ascending eigenvalues of the normalised Laplacian L = I − D^−½ A D^−½)"
      case .fixed(let k): "a fixed K = \(k)"
      }
    return ModuleReport(
      figures: [
        PermutationsModule.accuracyOverOrdersFigure(orders: ""),
        PermutationsModule.goldPositionFigure,
      ],
      notes: [
        "Each question's set is its gold passage and the retriever's k − 1 = \(knobs.k - 1) "
          + "best-ranked passages that are not gold and contain no gold answer, kept in "
          + "retrieval order (the gold at its rank among them, last when the retriever did not "
          + "return it); it is shown in \(orderCount), order 0 being the set's own order. Every "
          + "order is answered greedily and the last prompt token's hidden state is stored at "
          + "the captured layers — in process during the same trie-shared prefill, from a "
          + "server by a request to its `/embeddings` (final layer only) — (layer L is the "
          + "residual after block L; the last, the final-norm output, is Hugging Face's "
          + "`hidden_states[-1]`, what Stable-RAG clusters).",
        "Clustering per question and layer, Stable-RAG's procedure: PCA of the orders' states to "
          + "min(\(knobs.pca), n) dimensions, affinity A = exp(−(1 − cos)/σ) with σ = "
          + "\(knobs.sigma), \(clusters), then k-means++ (\(knobs.restarts) restarts, seed "
          + "\(knobs.seed)) on the PCA features; a cluster's representative is the member "
          + "nearest its centre.",
        "Methods, each scored by SubEM per question: `vanilla` answers order 0 (one decode); "
          + "`stable_rag` takes the answer of the largest cluster's representative (ties: the "
          + "representative with the higher mean log-probability), costing every prefill and K "
          + "decodes; `exhaustive_vote` decodes every order and takes the most frequent "
          + "SQuAD-normalised answer (ties: the earliest order's); `oracle_order` is right when "
          + "any order is (an upper bound); `centre_token` asks whether each cluster centre, "
          + "mapped back from PCA to the final-norm state and through the output head, has the "
          + "representative's first answer token as its top token (an agreement rate, not an "
          + "accuracy). Because every order is decoded here, a method's answers are read from "
          + "the stored trials (greedy decoding of the same prompt gives the same answer), and "
          + "its cost is what it would spend alone: prefills and decodes counted, seconds "
          + "summed from the measured prefill and decode times of the trials it uses.",
      ],
      tables: [.orderMeasures(setKeys: ["retriever"])],
      findings: [.orderMeasures(setKeys: ["retriever"])])
  }
}
