import ArgumentParser
import Foundation
import Reports

/// `raglab report NAME`: the markdown notebook with findings, plots, results, provenance and spec.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write an experiment's markdown notebook to notebooks-md/NAME.md.",
    discussion: """
      Links the images `raglab plot NAME` rendered; run that first to include them. An existing
      notebook is not replaced by the empty one of an experiment without trials unless --force.
      """)

  @Argument(help: "The experiment's name (from its spec).")
  var name: String

  @OptionGroup var options: ReportOptions

  @Option(name: .long, help: "Folder the notebook is written to.")
  var out: String = "notebooks-md"

  @Option(name: .long, help: "Folder `raglab plot` wrote to (images are linked from there).")
  var plots: String = "plots"

  @Flag(name: .long, help: "Overwrite the notebook even with one of an experiment without trials.")
  var force = false

  func run() throws {
    let experiments = try options.experiments()
    let summary = try options.summary(name, from: experiments)
    let folder = ReportPaths.plotFolder(root: plots, experiment: summary.name)
    let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    let images = files.filter { $0.hasSuffix(".png") }.sorted().map { "\(folder)/\($0)" }
    let notebook = Notebook(
      summary: summary, path: Notebook.defaultPath(root: out, experiment: name), images: images,
      database: options.db)
    try notebook.write(force: force)
    print("wrote \(notebook.path)")
    for sentence in Findings.sentences(for: summary) { print("  \(sentence)") }
  }
}
