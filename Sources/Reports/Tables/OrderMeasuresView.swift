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
      guard let measures = PermutationMeasures(trialsByQuestion: set.trials) else { return nil }
      let questions = measures.questions
      let parts = set.trials.filter { !$0.isEmpty }.map { trials in
        (numerator: Double(trials.count { $0.correct }), denominator: Double(trials.count))
      }
      /// A share over questions with its interval.
      func share(_ included: (QuestionOrderMeasures) -> Bool) -> String {
        interval(Bootstrap.meanInterval(questions.map { included($0) ? 1 : 0 }, seed: seed))
      }
      /// A mean over questions.
      func mean(_ value: (QuestionOrderMeasures) -> Double) -> String {
        NumberFormat.fixed(questions.reduce(0) { $0 + value($1) } / Double(questions.count))
      }
      return [
        set.label, "\(questions.count)", "\(measures.trials)",
        interval(Bootstrap.ratioInterval(parts, seed: seed)),
        share { $0.accuracy > 0 }, share { $0.accuracy == 1 }, share(\.sensitive),
        mean { Double($0.distinctAnswers) }, mean(\.answerEntropyBits), mean(\.majorityShare),
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

  /// `value [low, high]` of an interval.
  private static func interval(_ interval: ConfidenceInterval) -> String {
    NumberFormat.withInterval(
      Estimate(value: interval.mean, low: interval.lower, high: interval.upper))
  }
}
