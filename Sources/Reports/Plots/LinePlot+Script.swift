extension LinePlot {
  /// The gnuplot script that draws the `.dat` file into `<stem>.png` and `<stem>.svg`.
  ///
  /// Paths resolve against the script's own folder, so `gnuplot plots/NAME/STEM.gp` works from
  /// anywhere; `-e "outbase='…'"` or `-e "datafile='…'"` before the script redirects them.
  public func scriptText() -> String {
    var lines = header() + GnuplotScript.pngTerminal() + setup()
    lines.append("plot \\")
    // Every band first, so no band covers a line; baseline bands lightest, beneath the rest.
    let baselineBands = baselines.indices.map {
      "datafile index \(series.count + $0) using 1:3:4 with filledcurves "
        + "lt \(series.count + $0 + 1) fs transparent solid 0.10 noborder notitle"
    }
    let bands = series.indices.map {
      "datafile index \($0) using 1:3:4 with filledcurves lt \($0 + 1) notitle"
    }
    let curves = series.enumerated().flatMap { index, curve in lineClauses(index, curve) }
    let baselineLines = baselines.enumerated().map { offset, baseline in
      "datafile index \(series.count + offset) using 1:2 with lines lt \(series.count + offset + 1) "
        + "dt 4 title \(GnuplotText.quoted(baseline.name))"
    }
    let clauses = baselineBands + bands + curves + baselineLines
    lines.append(clauses.map { "  " + $0 }.joined(separator: ", \\\n"))
    lines += GnuplotScript.svgEpilogue()
    return lines.joined(separator: "\n") + "\n"
  }

  /// The title: the recipe's question, else `NAME: accuracy (SubEM) and recall@k vs passages in
  /// context (k)` (recall only when drawn).
  public var title: String {
    if let title = recipe.title { return title }
    return
      "\(experiment): \(recipe.yLabel)\(drawsRecall ? " and recall@k" : "") vs \(recipe.xLabel)"
  }

  /// What the solid lines show: the metric's label, or `metric` when there are several.
  private var valueName: String {
    recipe.metrics.count == 1 ? recipe.metrics[0].label : "metric"
  }

  /// Whether any series has a recall@k line.
  private var drawsRecall: Bool {
    series.contains(where: Self.hasRecall)
  }

  /// Whether `curve` has a recall@k line.
  private static func hasRecall(_ curve: CurveSeries) -> Bool {
    curve.points.contains { $0.recall != nil }
  }

  /// Comments saying what the script draws and how to re-run it, then the path variables.
  ///
  /// Every piece of stored text goes through `GnuplotText`, so a name cannot add a command.
  private func header() -> [String] {
    var lines = [
      GnuplotText.comment(
        "raglab: \(recipe.yLabel) vs \(recipe.xLabel) for experiment \(experiment).")
    ]
    lines += GnuplotScript.rerunComments(experiment: experiment, stem: stem)
    let then = baselines.isEmpty ? "" : ", then one per baseline"
    lines.append(
      GnuplotText.comment(
        "Data: \(stem).dat, one index block per series\(then); shaded bands are 95 % confidence "
          + "intervals,"))
    if drawsRecall {
      lines.append(
        "# dashed lines are recall@k of the same retriever (Jin et al. 2024, Fig. 2 style).")
    }
    if !baselines.isEmpty {
      lines.append("# dash-dot horizontal lines are baselines (conditions outside the sweep).")
    }
    return lines + [""] + GnuplotScript.pathVariables(stem: stem)
  }

  /// Title, labels, axes and line styles.
  private func setup() -> [String] {
    let subtitle = recipe.title == nil ? nil : "experiment \(experiment)"
    let x = xRange
    var lines = [
      GnuplotScript.title(title, subtitle: subtitle),
      "set xlabel \(GnuplotText.quoted(recipe.xLabel))",
      "set ylabel \(GnuplotText.quoted(recipe.yLabel))",
    ]
    if let y = recipe.yRange {
      lines.append("set yrange [\(Self.number(y.lowerBound)):\(Self.number(y.upperBound))]")
      lines.append(y == 0...1 ? "set ytics 0.1" : "set ytics autofreq")
    } else {
      lines.append("set autoscale y")
    }
    lines += [
      "set xrange [\(Self.number(x.lowerBound)):\(Self.number(x.upperBound))]",
      GnuplotScript.xtics(xValues),
      "set grid ytics xtics lc rgb '#dddddd'",
      "set key outside right top vertical Left reverse noautotitle title 'bands: 95% CI'",
      "set datafile missing '?'",
      "set style fill transparent solid 0.18 noborder",
      "",
      GnuplotText.comment(
        "One colour per series: solid = \(valueName)\(drawsRecall ? ", dashed = recall@k" : "")"
          + "\(baselines.isEmpty ? "" : "; baselines dash-dot")."),
    ]
    for index in series.indices {
      let colour = GnuplotScript.colours[index % GnuplotScript.colours.count]
      lines.append("set linetype \(index + 1) lc rgb '\(colour)' lw 2 pt 7 ps 1.2")
    }
    for index in baselines.indices {
      let colour = GnuplotScript.baselineColours[index % GnuplotScript.baselineColours.count]
      lines.append("set linetype \(series.count + index + 1) lc rgb '\(colour)' lw 2")
    }
    lines.append("")
    return lines
  }

  /// The value line and (if known) dashed recall line of one series.
  private func lineClauses(_ index: Int, _ curve: CurveSeries) -> [String] {
    let style = "lt \(index + 1)"
    let source = "datafile index \(index)"
    let recall = Self.hasRecall(curve)
    let name: String
    if curve.keys.isEmpty {
      name = curve.metric.label
    } else if recall || recipe.metrics.count > 1 {
      name = "\(curve.name) \(curve.metric.label)"
    } else {
      name = curve.name
    }
    var clauses = [
      "\(source) using 1:2 with linespoints \(style) title \(GnuplotText.quoted(name))"
    ]
    if recall {
      let recallName = curve.keys.isEmpty ? "recall@k" : "\(curve.name) recall@k"
      clauses.append(
        "\(source) using 1:5 with linespoints \(style) dt 2 lw 1.5 pt 6 ps 1.5 "
          + "title \(GnuplotText.quoted(recallName))")
    }
    return clauses
  }
}
