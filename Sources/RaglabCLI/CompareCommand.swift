import ArgumentParser
import Experiments
import Reports

/// `raglab compare NAME`: every strategy against a baseline strategy on the same questions, with
/// paired intervals, McNemar's exact test and Holm's correction.
struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Compare an experiment's strategies with a baseline strategy, question by question.",
    discussion: """
      For each retriever, k and strategy (e.g. of a `reorder` experiment): accuracy with a 95 %
      bootstrap interval; the mean paired difference to the baseline strategy at the same
      retriever and k over the questions both answered, with a paired-bootstrap 95 % interval;
      McNemar's exact two-sided p-value from the discordant questions (a trial counts as right
      when the metric is ≥ 0.5, exact for subem and em); and Holm's correction over every
      comparison shown. Intervals are seeded, so reruns print the same numbers.
      """)

  @Argument(help: "The experiment's name (from its spec).")
  var name: String

  @OptionGroup var options: ReportOptions

  @Option(name: .long, help: "The strategy every other is compared with.")
  var baseline: String = "retrieval"

  @Option(name: .long, help: "The stored metric compared (subem, em, f1, …).")
  var metric: String = "subem"

  @Option(
    name: .long,
    help: "Output format: \(ResultsFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: ResultsFormat = .table

  func run() throws {
    // No question catalog: the comparison reads stored scores only.
    let experiments = try StoredExperiments.open(path: options.db)
    let comparison = try experiments.strategyComparison(
      of: options.select(name, from: experiments),
      StrategyFinding(baseline: baseline, metric: metric))
    print(ComparisonView.render(comparison, as: format), terminator: "")
  }
}
