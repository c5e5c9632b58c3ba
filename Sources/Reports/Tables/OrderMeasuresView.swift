import Experiments

/// The permutation measures of an experiment's passage sets as a table, one row per set: what the
/// notebook shows for a module whose report asks for `TableSpec.orderMeasures`.
public enum OrderMeasuresView {
  /// One row per passage set of `summary` (conditions grouped by `setKeys`): questions, trials,
  /// mean / best-order / worst-order accuracy and sensitivity rate with 95 % intervals over
  /// questions (percentile bootstrap with `seed`), then the means over questions of distinct
  /// answers, answer entropy and majority share. Nil when no set has trials.
  public static func table(_ summary: ExperimentSummary, setKeys: [String], seed: UInt64 = 0)
    -> TextTable?
  {
    let rows: [[String]] = summary.passageSets(setKeys: setKeys).compactMap { set in
      guard let m = PassageSetMeasures(set, seed: seed) else { return nil }
      return [
        m.label, "\(m.questions)", "\(m.trials)",
        NumberFormat.withInterval(m.meanAccuracy), NumberFormat.withInterval(m.bestOrderAccuracy),
        NumberFormat.withInterval(m.worstOrderAccuracy),
        NumberFormat.withInterval(m.sensitivityRate), NumberFormat.fixed(m.distinctAnswers),
        NumberFormat.fixed(m.answerEntropyBits), NumberFormat.fixed(m.majorityShare),
      ]
    }
    guard !rows.isEmpty else { return nil }
    let headers = [
      "set", "questions", "trials", "mean accuracy [95% CI]", "best-order accuracy [95% CI]",
      "worst-order accuracy [95% CI]", "sensitivity rate [95% CI]", "distinct answers (mean)",
      "answer entropy (bits, mean)", "majority share (mean)",
    ]
    return TextTable(headers: headers, rows: rows, numeric: Set(1..<headers.count))
  }
}
