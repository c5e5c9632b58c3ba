/// Measures along the captured layers, one line with 95 % error bars per series (cluster quality,
/// or the AUROC of each sensitivity score).
public struct LayerCurvePlot: GnuplotFigure, Equatable {
  /// One series: its name and a value per layer (NaN where undefined).
  public struct Series: Sendable, Equatable {
    /// Legend text.
    public var name: String
    /// One estimate per layer of `layers`.
    public var values: [Estimate]
  }

  /// The experiment's name (names the plot folder; in the subtitle).
  public var experiment: String
  /// File name stem shared by the `.gp`, `.dat`, `.png` and `.svg` files.
  public var stem: String
  /// The question the figure answers.
  public var title: String
  /// The y-axis label with its unit.
  public var yLabel: String
  /// The layers on the x axis, ascending.
  public var layers: [Int]
  /// The series.
  public var series: [Series]
  /// A dashed horizontal reference (0.5 for AUROC: chance), if any.
  public var reference: (value: Double, label: String)?

  public static func == (a: Self, b: Self) -> Bool {
    a.experiment == b.experiment && a.stem == b.stem && a.title == b.title
      && a.yLabel == b.yLabel && a.layers == b.layers && a.series == b.series
      && a.reference?.value == b.reference?.value && a.reference?.label == b.reference?.label
  }

  /// The `.dat` file: one block per series (`layer value low high`), blocks separated by two
  /// blank lines, each named in a comment.
  public func dataText() -> String {
    var lines = [
      GnuplotText.comment("raglab layer curves for experiment \(experiment): \(title)"),
      "# columns: layer value low high; one block per series",
    ]
    for s in series {
      lines += ["", "", GnuplotText.comment(s.name)]
      for (layer, e) in zip(layers, s.values) {
        lines.append(
          [Double(layer), e.value, e.low, e.high].map(Self.number).joined(separator: " "))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Lines with points and error bars per series; the reference dashed.
  public func scriptText() -> String {
    var lines = [GnuplotText.comment("raglab: \(title) (experiment \(experiment)).")]
    lines += GnuplotScript.rerunComments(experiment: experiment, stem: stem)
    lines += [GnuplotText.comment("Data: \(stem).dat, one block per series."), ""]
    lines += GnuplotScript.pathVariables(stem: stem) + GnuplotScript.pngTerminal()
    let low = layers.first ?? 0
    let high = layers.last ?? 1
    let pad = max(0.5, Double(high - low) * 0.04)
    lines += [
      GnuplotScript.title(
        title, subtitle: "experiment \(experiment): mean over questions, 95 % bootstrap CI"),
      "set xlabel 'layer (residual after block L; the last is the final-norm output)'",
      "set ylabel \(GnuplotText.quoted(yLabel))",
      "set xrange [\(Self.number(Double(low) - pad)):\(Self.number(Double(high) + pad))]",
      "set yrange [0:1.05]",
      GnuplotScript.xtics(layers.map(Double.init)),
      "set grid lc rgb '#dddddd'",
      "set key outside right top vertical",
      "set datafile missing '?'",
    ]
    if let reference {
      lines.append(
        "set arrow from graph 0, first \(Self.number(reference.value)) to graph 1, first "
          + "\(Self.number(reference.value)) nohead lc rgb '#555555' dt 2 lw 1.5")
      lines.append(
        "set label \(GnuplotText.quoted(reference.label)) at graph 0.01, first "
          + "\(Self.number(reference.value + 0.02)) left")
    }
    let clauses = series.enumerated().map { i, s in
      let colour = GnuplotScript.colours[i % GnuplotScript.colours.count]
      return "datafile index \(i) using 1:2:3:4 with yerrorlines pt 7 ps 1.1 lw 2 "
        + "lc rgb '\(colour)' title \(GnuplotText.quoted(s.name))"
    }
    lines += ["", "plot \\", clauses.map { "  " + $0 }.joined(separator: ", \\\n")]
    lines += GnuplotScript.svgEpilogue()
    return lines.joined(separator: "\n") + "\n"
  }
}
