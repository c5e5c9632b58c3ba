import Foundation

extension Histogram {
  /// The gnuplot script that draws the `.dat` file as boxes into `<stem>.png` and `<stem>.svg`.
  ///
  /// Paths resolve against the script's own folder, as for `LinePlot`.
  public func scriptText() -> String {
    var lines = [
      GnuplotText.comment("raglab: histogram of \(recipe.xLabel) for experiment \(experiment).")
    ]
    lines += GnuplotScript.rerunComments(experiment: experiment, stem: stem)
    lines += [
      GnuplotText.comment(
        "Data: \(stem).dat, one row per bin; up to \(Self.labelledBinLimit) bins the number above "
          + "a bar is its count."),
      "",
    ]
    lines += GnuplotScript.pathVariables(stem: stem) + GnuplotScript.pngTerminal()
    let subtitle =
      "experiment \(experiment): \(total) \(recipe.unit), mean \(String(format: "%.3f", mean))"
    let low = bins.first?.low ?? 0
    let high = bins.last?.high ?? 1
    let pad = (high - low) * 0.02
    let tallest = bins.map(\.count).max() ?? 0
    lines += [
      GnuplotScript.title(recipe.title, subtitle: subtitle),
      "set xlabel \(GnuplotText.quoted(recipe.xLabel))",
      "set ylabel \(GnuplotText.quoted(recipe.yLabel))",
      "set xrange [\(Self.number(low - pad)):\(Self.number(high + pad))]",
      // Room above the tallest bar for its count.
      "set yrange [0:\(tallest + max(1, Int((Double(tallest) * 0.12).rounded(.up))))]",
      GnuplotScript.xtics(ticks, limit: 30),
      tallest <= 10 ? "set ytics 1" : "set ytics autofreq",
      "set grid ytics lc rgb '#dddddd'",
      "unset key",
      "set datafile missing '?'",
      "set style fill solid 0.6 border lc rgb '#1f4e79'",
      "",
      "plot \\",
    ]
    let boxes = "  datafile using 3:4:\(width) with boxes lc rgb '#1f77b4' notitle"
    // Counts above the bars only while bars are wide enough for them not to run together.
    if bins.count <= Self.labelledBinLimit {
      lines += [
        boxes + ", \\",
        "  datafile using 3:4:(($4 > 0) ? sprintf('%d', int($4)) : '') with labels offset 0,0.7 notitle",
      ]
    } else {
      lines.append(boxes)
    }
    lines += GnuplotScript.svgEpilogue()
    return lines.joined(separator: "\n") + "\n"
  }

  /// Most bins whose bars get their count written above them.
  static let labelledBinLimit = 30

  /// Where the x tics go: every bin edge, or every whole number for whole-number bins.
  private var ticks: [Double] {
    switch recipe.bins {
    case .edges(let edges): edges
    case .integers(let range): range.map(Double.init)
    }
  }

  /// A bar's drawn width: the whole bin between edges, 80 % of it for whole numbers.
  private var width: String {
    switch recipe.bins {
    case .edges: "($2-$1)"
    case .integers: "(0.8)"
    }
  }
}
