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
  /// The layer that is the final-norm output, labelled as such on the x axis.
  public var finalNormLayer: Int?

  public static func == (a: Self, b: Self) -> Bool {
    a.experiment == b.experiment && a.stem == b.stem && a.title == b.title
      && a.yLabel == b.yLabel && a.layers == b.layers && a.series == b.series
      && a.reference?.value == b.reference?.value && a.reference?.label == b.reference?.label
      && a.finalNormLayer == b.finalNormLayer
  }

  /// The x position of series `s`'s point at the layer with index `i`: layers are evenly spaced
  /// (1, 2, …) whatever their numbers, and the series are dodged apart so whiskers do not hide
  /// each other.
  func x(series s: Int, layerIndex i: Int) -> Double {
    Double(i + 1) + (Double(s) - Double(series.count - 1) / 2) * 0.07
  }

  /// A layer's tic label: its number, `norm` added for the final-norm output.
  func tic(_ layer: Int) -> String { layer == finalNormLayer ? "\(layer) (norm)" : "\(layer)" }

  /// The `.dat` file: one block per series (`x layer value low high`, x the evenly spaced and
  /// dodged position), blocks separated by two blank lines, each named in a comment.
  public func dataText() -> String {
    var lines = [
      GnuplotText.comment("raglab layer curves for experiment \(experiment): \(title)"),
      "# columns: x layer value low high; one block per series",
    ]
    for (s, one) in series.enumerated() {
      lines += ["", "", GnuplotText.comment(one.name)]
      for (i, (layer, e)) in zip(layers, one.values).enumerated() {
        lines.append(
          [x(series: s, layerIndex: i), Double(layer), e.value, e.low, e.high].map(Self.number)
            .joined(separator: " "))
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
    let tics = layers.enumerated().map { i, layer in "\(GnuplotText.quoted(tic(layer))) \(i + 1)" }
    lines += [
      GnuplotScript.title(
        title, subtitle: "experiment \(experiment): mean over questions, 95 % bootstrap CI"),
      "set xlabel 'captured layer, evenly spaced (L: the residual after block L; norm: the "
        + "final-norm output)'",
      "set ylabel \(GnuplotText.quoted(yLabel))",
      "set xrange [0.5:\(Self.number(Double(layers.count) + 0.5))]",
      "set yrange [0:1.05]",
      "set xtics (\(tics.joined(separator: ", ")))",
      "set grid lc rgb '#dddddd'",
      "set key outside right top vertical",
      "set datafile missing '?'",
    ]
    let clauses = series.enumerated().map { i, s in
      let colour = GnuplotScript.colours[i % GnuplotScript.colours.count]
      return "datafile index \(i) using 1:3:4:5 with yerrorlines pt 7 ps 1.1 lw 2 "
        + "lc rgb '\(colour)' title \(GnuplotText.quoted(s.name))"
    }
    // The reference is a dashed line in the key, so its name never sits on a point.
    let reference =
      self.reference.map {
        [
          "\(Self.number($0.value)) with lines dt 2 lw 1.5 lc rgb '#555555' title "
            + GnuplotText.quoted($0.label)
        ]
      } ?? []
    lines += ["", "plot \\", (clauses + reference).map { "  " + $0 }.joined(separator: ", \\\n")]
    lines += GnuplotScript.svgEpilogue()
    return lines.joined(separator: "\n") + "\n"
  }
}
