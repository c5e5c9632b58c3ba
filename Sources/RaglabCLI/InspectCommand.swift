import ArgumentParser
import Reports

/// `raglab inspect NAME --question ID`: what one question saw and answered under every condition.
struct InspectCommand: ParsableCommand {
  /// Output formats of `inspect`.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  static let configuration = CommandConfiguration(
    commandName: "inspect",
    abstract: "Show one question's gold answers and, per condition, passages, answer and scores.")

  @Argument(help: "The experiment's name (from its spec).")
  var name: String

  @Option(name: .long, help: "The question's id in its dataset.")
  var question: String

  @OptionGroup var options: ReportOptions

  @Option(name: .long, help: "Output format: text or json.")
  var format: Format = .text

  func run() throws {
    let experiments = try options.experiments()
    let inspection = try experiments.inspection(
      of: options.select(name, from: experiments), questionID: question)
    switch format {
    case .text: print(InspectionView.text(inspection), terminator: "")
    case .json: print(InspectionView.json(inspection), terminator: "")
    }
  }
}
