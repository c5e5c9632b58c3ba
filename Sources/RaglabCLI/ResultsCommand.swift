import ArgumentParser
import Reports

/// `raglab results NAME`: per-condition n, SubEM, EM, F1 with 95 % intervals, and recall@k.
struct ResultsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "results",
    abstract: "Print an experiment's per-condition results as a table, CSV or JSON.")

  @Argument(help: "The experiment's name (from its spec).")
  var name: String

  @OptionGroup var options: ReportOptions

  @Option(
    name: .long,
    help: "Output format: \(ResultsFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: ResultsFormat = .table

  func run() throws {
    let summary = try options.experiments().summary(named: name)
    print(ResultsView.render(summary, as: format), terminator: "")
  }
}
