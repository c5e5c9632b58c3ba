import Foundation

/// The Stable-RAG methods' accuracy as points with 95 % intervals, one row per method, each
/// labelled with what it costs per question (prefills, decodes, seconds).
public struct MethodAccuracyPlot: GnuplotFigure, Equatable {
  /// The experiment's name (names the plot folder; in the subtitle).
  public var experiment: String
  /// The methods, top row first.
  public var methods: [StableRAGMethodResult]
  /// Which reader answered (in the subtitle).
  public var reader: String

  /// File name stem shared by the `.gp`, `.dat`, `.png` and `.svg` files.
  public var stem: String { "accuracy-by-method" }

  /// The question the figure answers.
  static let title =
    "Does clustering the orders' hidden states answer as well as decoding every order?"

  /// A method's tic label: its name and cost.
  static func label(_ method: StableRAGMethodResult) -> String {
    "\(method.name): \(NumberFormat.fixed(method.prefills, 0)) "
      + (method.prefills == 1 ? "prefill, " : "prefills, ")
      + "\(NumberFormat.fixed(method.decodes, 1)) decodes, "
      + "\(NumberFormat.fixed(method.seconds, 1)) s"
  }

  /// The `.dat` file: `y accuracy low high`, top row highest, the label in a comment above.
  public func dataText() -> String {
    var lines = [
      GnuplotText.comment("raglab Stable-RAG methods for experiment \(experiment)"),
      "# columns: y accuracy low high",
    ]
    for (index, method) in methods.enumerated() {
      lines.append(GnuplotText.comment(Self.label(method)))
      let a = method.accuracy
      lines.append(
        [Double(methods.count - index), a.value, a.low, a.high].map(Self.number)
          .joined(separator: " "))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Points with horizontal whiskers on a 0–1 accuracy axis; labels as quoted tics.
  public func scriptText() -> String {
    var lines = [GnuplotText.comment("raglab: Stable-RAG methods for experiment \(experiment).")]
    lines += GnuplotScript.rerunComments(experiment: experiment, stem: stem)
    lines += [GnuplotText.comment("Data: \(stem).dat, one row per method."), ""]
    lines += GnuplotScript.pathVariables(stem: stem) + GnuplotScript.pngTerminal()
    let tics = methods.enumerated().map { index, method in
      "\(GnuplotText.quoted(Self.label(method))) \(methods.count - index)"
    }
    let reader = URL(fileURLWithPath: self.reader).deletingPathExtension().lastPathComponent
    let subtitle = "experiment \(experiment), reader \(reader): SubEM, 95 % bootstrap CI"
    // The long tic labels push the plot right, so the title is centred on the canvas instead.
    lines += [
      "set label \(GnuplotText.quoted(Self.title)) at screen 0.5, screen 0.965 center",
      "set label \(GnuplotText.quoted(subtitle)) at screen 0.5, screen 0.925 center",
      "set tmargin 5",
      "set xlabel 'accuracy (SubEM, share of questions)'",
      "unset ylabel",
      "set xrange [0:1]",
      "set yrange [0.4:\(Self.number(Double(methods.count) + 0.6))]",
      "set ytics (\(tics.joined(separator: ", "))) nomirror",
      "set lmargin 44",
      "set grid xtics lc rgb '#dddddd'",
      "unset key",
      "set datafile missing '?'",
      "",
      "plot datafile using 2:1:3:4 with xerrorbars pt 7 ps 1.4 lw 2 lc rgb '#1f77b4'",
    ]
    lines += GnuplotScript.svgEpilogue()
    return lines.joined(separator: "\n") + "\n"
  }
}
