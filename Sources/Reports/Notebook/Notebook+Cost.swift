extension Notebook {
  /// "Cost": each model re-ranker's passes, prompt tokens and seconds beside answering's, per
  /// pass and in total; nothing for an experiment without re-ranking passes.
  func costSection() -> [String] {
    guard let cost = summary.rerankCost else { return [] }
    func row(_ what: String, _ count: Int, _ tokens: Int, _ seconds: Double) -> [String] {
      let per = Double(max(count, 1))
      return [
        what, "\(count)", "\(tokens)", NumberFormat.fixed(Double(tokens) / per, 0),
        NumberFormat.fixed(seconds, 1), NumberFormat.fixed(seconds / per, 2),
      ]
    }
    var rows = cost.rerankers.map {
      row("re-ranking: \($0.strategy)", $0.passes, $0.promptTokens, $0.seconds)
    }
    rows.append(
      row("answering (generated trials)", cost.answers, cost.answerPromptTokens, cost.answerSeconds)
    )
    let table = TextTable(
      headers: ["pass", "count", "prompt tokens", "tokens each", "seconds", "seconds each"],
      rows: rows, numeric: [1, 2, 3, 4, 5])
    return [
      "## Cost", "",
      "A re-ranking pass scores one question's top k for one strategy with the reader model; "
        + "answering counts each generated trial's prompt before prefix sharing and its prefill "
        + "and generation time (trials from the generation cache cost nothing and are left out).",
      "", table.markdown(), "",
    ]
  }
}
