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

  @Flag(name: .long, help: "List the stored experiments of NAME (newest first) instead.")
  var list = false

  func run() throws {
    let experiments = try options.experiments()
    if list {
      _ = try experiments.record(named: name)  // none: the error lists the names there are
      for candidate in try experiments.candidates(named: name) { print(candidate) }
      return
    }
    let summary = try experiments.summary(of: options.select(name, from: experiments))
    print(ResultsView.render(summary, as: format), terminator: "")
  }
}
