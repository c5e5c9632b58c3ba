import Experiments

@testable import Reports

/// Three strategies at k = 4 on questions q0…q3 (right = true), for comparison tests:
/// retrieval [T, F, F, T], gold_first [T, T, T, T], reverse [F, F, F, T].
/// By hand against retrieval: gold_first +0.5 (q1, q2 only it right: discordant 0 / 2,
/// McNemar p = 2 · 2⁻² = 0.5); reverse −0.25 (q0 only retrieval right: 1 / 0, p = 1).
/// Holm over (0.5, 1): 2 · 0.5 = 1, then max(1, 1) = 1 — nothing is significant.
enum StrategySummaryFixture {
  /// The summary with `report` (its `valueLabels` set to label gold_first an oracle).
  static func summary(_ report: ModuleReport) -> ExperimentSummary {
    var report = report
    report.valueLabels = ["strategy": ["gold_first": "gold_first (oracle)"]]
    let strategies = ["retrieval", "gold_first", "reverse"]
    let right: [[Bool]] = [
      [true, false, false, true], [true, true, true, true], [false, false, false, true],
    ]
    var outcomes: [TrialOutcome] = []
    for (condition, answers) in right.enumerated() {
      for (q, correct) in answers.enumerated() {
        outcomes.append(
          TrialOutcome(
            condition: condition, questionID: "q\(q)", answer: "", correct: correct,
            metrics: ["subem": correct ? 1 : 0]))
      }
    }
    return ExperimentSummary(
      name: "reorder", specYAML: "name: reorder",
      provenance: Provenance(specHash: "s", modelSHA256: "m", dataChecksum: "d", trialCount: 12),
      conditions: zip(strategies, [0.5, 1, 0.25]).map { strategy, subem in
        ConditionSummary(
          keys: [ConditionKey("k", "4"), ConditionKey("strategy", strategy)], n: 4,
          metrics: ["subem": Estimate(value: subem)])
      }, report: report, outcomes: outcomes)
  }
}
