import Experiments

extension AttentionFigure {
  /// The gnuplot script: the panels drawn once into `<outbase>.png`, then again into
  /// `<outbase>.svg` (a multiplot cannot be `replot`ted).
  public func scriptText() -> String {
    let height = drawsAccuracy ? 900 : 600
    var lines = [
      GnuplotText.comment("raglab: attention mass by passage slot for experiment \(experiment).")
    ]
    lines += GnuplotScript.rerunComments(experiment: experiment, stem: stem)
    lines += [
      GnuplotText.comment(
        "Data: \(stem).dat, one index block per layer quarter (mean over heads and the quarter's "
          + "layers)\(drawsAccuracy ? ", then accuracy by gold slot with its 95 % interval" : "")."),
      "",
    ]
    lines += GnuplotScript.pathVariables(stem: stem)
    lines += [
      "if (strstrt(GPVAL_TERMINALS, ' pngcairo ') > 0) {",
      "  set terminal pngcairo size 960,\(height) font 'sans,12' noenhanced",
      "} else {",
      "  set terminal png truecolor size 960,\(height) font 'sans,12' noenhanced",
      "}",
      "set output outbase.'.png'",
    ]
    lines += panels()
    lines += [
      "",
      "# The same picture as SVG.",
      "set terminal svg size 960,\(height) dynamic background rgb 'white' font 'sans,12' noenhanced",
      "set output outbase.'.svg'",
    ]
    lines += panels()
    lines.append("unset output")
    return lines.joined(separator: "\n") + "\n"
  }

  /// Both panels (or the mass panel alone), with their titles, axes and styles.
  private func panels() -> [String] {
    let slots = Array(1...max(1, profile.slots)).map(Double.init)
    var lines = [
      "reset",
      "set datafile missing '?'",
      "set grid ytics xtics lc rgb '#dddddd'",
      "set xrange [0.5:\(Self.number(Double(profile.slots) + 0.5))]",
      GnuplotScript.xtics(slots, limit: 30),
      "set key outside right top vertical Left reverse",
      "set lmargin 12",
      "set rmargin 28",
    ]
    for (index, colour) in GnuplotScript.colours.prefix(LayerQuarters.count + 1).enumerated() {
      lines.append("set linetype \(index + 1) lc rgb '\(colour)' lw 2 pt 7 ps 1.2")
    }
    let subtitle = "experiment \(experiment), \(profile.trials) trials measured"
    if drawsAccuracy {
      lines.append(
        "set multiplot layout 2,1 title \(GnuplotText.quoted(title)).\"\\n\"."
          + GnuplotText.quoted(subtitle))
      lines.append(
        "set title 'attention mass of the last prompt token (mean over heads and the layers of "
          + "a quarter)'")
    } else {
      lines.append(GnuplotScript.title(title, subtitle: subtitle))
    }
    lines += [
      "set xlabel 'passage slot (1 = first in the prompt)'",
      "set ylabel 'attention mass'",
      "set autoscale y",
      "set yrange [0:*]",
      "plot \\",
      profile.quarters.enumerated().map { index, curve in
        "  datafile index \(index) using 1:2 with linespoints lt \(curve.quarter) title "
          + GnuplotText.quoted(Self.quarterName(curve.quarter))
      }.joined(separator: ", \\\n"),
    ]
    guard drawsAccuracy else { return lines }
    let block = profile.quarters.count
    let accuracy = LayerQuarters.count + 1
    lines += [
      "set title 'accuracy (SubEM) by the gold passage''s slot, 95 % CI over questions'",
      "set xlabel 'slot of the gold passage (1 = first in the prompt)'",
      "set ylabel 'accuracy (SubEM)'",
      "set yrange [0:1]",
      "set style fill transparent solid 0.18 noborder",
      "plot \\",
      "  datafile index \(block) using 1:3:4 with filledcurves lt \(accuracy) notitle, \\",
      "  datafile index \(block) using 1:2 with linespoints lt \(accuracy) title 'accuracy'",
      "unset multiplot",
    ]
    return lines
  }
}
