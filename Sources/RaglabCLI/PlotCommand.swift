import ArgumentParser
import Reports

/// `raglab plot NAME`: the figures of the experiment's module (e.g. accuracy vs k with recall@k,
/// accuracy vs gold position with baselines, histograms over questions), as PNG and SVG.
struct PlotCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plot",
    abstract: "Render an experiment's plots with gnuplot into plots/NAME/.",
    discussion: """
      Writes each figure of the experiment's module as FIGURE.{dat,gp,png,svg}
      (passage_count: accuracy-vs-k; gold_position: accuracy-vs-gold-position; permutations:
      accuracy-by-gold-position, accuracy-over-orders, distinct-answers), and for an experiment
      run with `diagnostics: [attention]` one attention-by-slot-kN figure per number of passages
      shown (attention by passage slot per layer quarter, above accuracy by gold slot where the
      module places the gold passage). The .gp script is
      kept so you can restyle it and re-run `gnuplot plots/NAME/FIGURE.gp`. An experiment without
      trials is refused, so the plots of an earlier run stay.
      """)

  @Argument(help: "The experiment's name (from its spec).")
  var name: String

  @OptionGroup var options: ReportOptions

  @Option(name: .long, help: "Folder that holds one sub-folder of plots per experiment.")
  var out: String = "plots"

  func run() throws {
    let experiments = try options.experiments()
    let summary = try options.summary(name, from: experiments)
    let plots =
      try summary.figures() + summary.attentionFigures + summary.stableRAGFigures()
    let renderer = PlotRenderer(root: out, runner: try GnuplotRunner())
    for plot in plots {
      let output = try renderer.render(plot)
      if !output.warnings.isEmpty { print("gnuplot: \(output.warnings)") }
      print(
        "wrote \(output.png)\nwrote \(output.svg)\nscript \(output.script) (data \(output.data))")
    }
  }
}
