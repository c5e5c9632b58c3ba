import ArgumentParser
import Foundation
import Reports

/// `raglab report NAME`: the markdown notebook with findings, plots, results, provenance and spec.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write an experiment's markdown notebook to notebooks-md/NAME.md.",
    discussion: "Links the images `raglab plot NAME` rendered; run that first to include them.")

  @Argument(help: "The experiment's name (from its spec).")
  var name: String

  @OptionGroup var options: ReportOptions

  @Option(name: .long, help: "Folder the notebook is written to.")
  var out: String = "notebooks-md"

  @Option(name: .long, help: "Folder `raglab plot` wrote to (images are linked from there).")
  var plots: String = "plots"

  func run() throws {
    let summary = try options.experiments().summary(named: name)
    let folder = ReportPaths.plotFolder(root: plots, experiment: summary.name)
    let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    let images = files.filter { $0.hasSuffix(".png") }.sorted().map { "\(folder)/\($0)" }
    let notebook = Notebook(
      summary: summary, path: Notebook.defaultPath(root: out, experiment: name), images: images,
      database: options.db)
    try notebook.write()
    print("wrote \(notebook.path)")
    for sentence in Findings.sentences(for: summary) { print("  \(sentence)") }
  }
}
