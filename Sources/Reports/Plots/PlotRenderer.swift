import Foundation

/// Writes an experiment's figures into `<root>/<experiment>/` and renders them with gnuplot.
public struct PlotRenderer: Sendable {
  /// The files one plot produced.
  public struct Output: Sendable, Equatable {
    /// The gnuplot script (kept so users can restyle and re-run it).
    public var script: String
    /// The data file the script reads.
    public var data: String
    /// The rendered PNG.
    public var png: String
    /// The rendered SVG.
    public var svg: String
    /// Warnings gnuplot printed while succeeding (usually empty).
    public var warnings: String
  }

  /// Folder that holds one sub-folder per experiment (`plots`).
  public var root: String
  /// The gnuplot process runner.
  public var runner: GnuplotRunner

  /// Creates a renderer writing under `root`.
  public init(root: String = "plots", runner: GnuplotRunner) {
    self.root = root
    self.runner = runner
  }

  /// The folder of one experiment's plots.
  public func folder(for experiment: String) -> String {
    ReportPaths.plotFolder(root: root, experiment: experiment)
  }

  /// Writes `.dat` and `.gp` atomically, runs gnuplot into temporary images, then renames them.
  /// - Throws: `ReportsError` when a file cannot be written (nothing is written when the folder's
  ///   path holds a control character gnuplot cannot be given, or the stem is not a plain file
  ///   name) or gnuplot fails.
  public func render(_ plot: some GnuplotFigure) throws -> Output {
    let base = URL(fileURLWithPath: folder(for: plot.experiment)).appendingPathComponent(plot.stem)
    guard !plot.stem.isEmpty, !plot.stem.hasPrefix("."), !plot.stem.contains("/") else {
      throw ReportsError.cannotWrite(
        path: GnuplotText.printable(base.path),
        reason: "the plot's file name stem '\(GnuplotText.printable(plot.stem))' must be a plain "
          + "file name (not empty, no '/', not starting with '.')")
    }
    try GnuplotText.requirePrintable(path: base.path)
    let script = base.appendingPathExtension("gp").path
    let data = base.appendingPathExtension("dat").path
    try AtomicFile.write(plot.dataText(), to: data)
    try AtomicFile.write(plot.scriptText(), to: script)
    let temporary = AtomicFile.temporarySibling(of: base.path)
    defer {
      for ext in ["png", "svg"] {
        try? FileManager.default.removeItem(atPath: "\(temporary).\(ext)")
      }
    }
    let warnings = try runner.run(script: script, variables: ["outbase": temporary])
    let png = base.appendingPathExtension("png").path
    let svg = base.appendingPathExtension("svg").path
    try AtomicFile.replace(png, with: "\(temporary).png")
    try AtomicFile.replace(svg, with: "\(temporary).svg")
    return Output(script: script, data: data, png: png, svg: svg, warnings: warnings)
  }
}
