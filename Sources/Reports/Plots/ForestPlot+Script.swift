extension ForestPlot {
  /// The gnuplot script that draws the `.dat` file into `<stem>.png` and `<stem>.svg`.
  ///
  /// Labels enter as single-quoted tic labels, so no stored name can add a command; paths resolve
  /// against the script's own folder, as for `LinePlot`.
  public func scriptText() -> String {
    var lines = [
      GnuplotText.comment("raglab: forest plot of \(xLabel) for experiment \(experiment).")
    ]
    lines += GnuplotScript.rerunComments(experiment: experiment, stem: stem)
    lines += [GnuplotText.comment("Data: \(stem).dat, one row per strategy and group."), ""]
    lines += GnuplotScript.pathVariables(stem: stem) + GnuplotScript.pngTerminal()
    let range = xRange
    let tics = rows.map { "\(GnuplotText.quoted($0.label)) \(Self.number($0.y))" }
    let heights = rows.map(\.y) + headings.map(\.y)
    lines += [
      GnuplotScript.title(
        title,
        subtitle: "experiment \(experiment): mean paired difference with its 95 % bootstrap CI"),
      "set xlabel \(GnuplotText.quoted(xLabel))",
      "unset ylabel",
      "set xrange [\(Self.number(range.lowerBound)):\(Self.number(range.upperBound))]",
      "set yrange [\(Self.number((heights.min() ?? 1) - 0.6)):"
        + "\(Self.number((heights.max() ?? 1) + 0.6))]",
      "set ytics (\(tics.joined(separator: ", "))) nomirror",
      "set grid xtics lc rgb '#dddddd'",
      "set arrow from 0, graph 0 to 0, graph 1 nohead lc rgb '#555555' dt 2 lw 1.5",
      "set bmargin 6",
      "set key at screen 0.5, screen 0.01 center bottom horizontal maxrows 1 samplen 1.5 width 1 "
        + "title 'McNemar after Holm, 5 %:'",
      "set datafile missing '?'",
    ]
    lines += headings.map {
      "set label \(GnuplotText.quoted($0.label)) at screen 0.015, first \(Self.number($0.y)) left"
    }
    lines += [
      "",
      "plot \\",
    ]
    let kinds: [(verdict: Int, colour: String, name: String)] = [
      (0, "#1f77b4", "no significant difference"),
      (1, "#2ca02c", "better than \(baseline)"),
      (-1, "#d62728", "worse than \(baseline)"),
    ]
    let clauses = kinds.filter { kind in rows.contains { $0.verdict == kind.verdict } }.map {
      "datafile using 2:($6 == \($0.verdict) ? $1 : 1/0):3:4 with xerrorbars pt 7 ps 1.3 lw 2 "
        + "lc rgb '\($0.colour)' title \(GnuplotText.quoted($0.name))"
    }
    lines.append(clauses.map { "  " + $0 }.joined(separator: ", \\\n"))
    lines += GnuplotScript.svgEpilogue()
    return lines.joined(separator: "\n") + "\n"
  }
}
