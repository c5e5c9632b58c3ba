import Experiments
import Store
import Testing

@testable import Reports

/// Three strategies at k = 4 on questions q0…q3 (right = true):
/// retrieval [T, F, F, T], gold_first [T, T, T, T], reverse [F, F, F, T].
/// By hand against retrieval: gold_first +0.5 (q1, q2 only it right: discordant 0 / 2,
/// McNemar p = 2 · 2⁻² = 0.5); reverse −0.25 (q0 only retrieval right: 1 / 0, p = 1).
/// Holm over (0.5, 1): 2 · 0.5 = 1, then max(1, 1) = 1 — nothing is significant.
private func strategiesSummary() -> ExperimentSummary {
  var report = ModuleReport(
    figures: [], notes: [], findings: [.strategies(StrategyFinding())])
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

@Test func aReorderNotebookStatesThePairedComparisonAndItsTable() {
  let markdown = Notebook(
    summary: strategiesSummary(), path: "/tmp/reorder.md", images: [], database: "db"
  ).markdown()
  #expect(markdown.contains("- No significant difference from retrieval"))
  #expect(markdown.contains("## Paired comparison with retrieval"))
  #expect(markdown.contains("`raglab compare reorder`"))
  let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("|") }
  let oracle = rows.first { $0.contains("gold_first (oracle)") }
  #expect(oracle?.contains("+0.500") == true)
  #expect(rows.first { $0.contains("| reverse") }?.contains("-0.250") == true)
}

@Test func aNotebookWithoutStrategiesHasNoComparisonSection() {
  let markdown = Notebook(
    summary: Fixtures.sweep(), path: "/tmp/sweep.md", images: [], database: "db"
  ).markdown()
  #expect(!markdown.contains("## Paired comparison"))
}

@Test func aNotebookWithRerankingPassesPutsTheirCostBesideAnswering() {
  var summary = strategiesSummary()
  summary.rerankCost = RerankCostSummary(
    rerankers: [RerankCostRecord(strategy: "attention", passes: 4, promptTokens: 2800, seconds: 6)],
    answers: 12, answerPromptTokens: 8400, answerSeconds: 30)
  let markdown = Notebook(summary: summary, path: "/tmp/r.md", images: [], database: "db")
    .markdown()
  let rows = markdown.split(separator: "\n").map {
    $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
  }
  // By hand: 2800 / 4 = 700 tokens and 6 / 4 = 1.50 s a pass; 8400 / 12 = 700, 30 / 12 = 2.50 s.
  #expect(rows.contains(["re-ranking: attention", "4", "2800", "700", "6.0", "1.50"]))
  #expect(rows.contains(["answering (generated trials)", "12", "8400", "700", "30.0", "2.50"]))
  #expect(
    !Notebook(summary: strategiesSummary(), path: "/tmp/r.md", images: [], database: "db")
      .markdown().contains("## Cost"))
}
