import Experiments
import Store
import Testing

@testable import Reports

/// The fixture's summary with the strategies findings (nothing significant, by hand).
private func strategiesSummary() -> ExperimentSummary {
  StrategySummaryFixture.summary(
    ModuleReport(figures: [], notes: [], findings: [.strategies(StrategyFinding())]))
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
