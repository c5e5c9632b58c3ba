/// The sweep's sentences, after the observations Jin et al. (arXiv 2410.05983, §3.1) draw from
/// their Fig. 1–2: the shape of each accuracy curve, and which series leads at the largest x and
/// how far its accuracy is below its recall@k.
extension Findings {
  /// "With bm25, accuracy keeps rising …; with dense, it rises … then falls …."
  static func shapes(_ series: [CurveSeries]) -> String {
    let clauses = series.map { "with \($0.name), accuracy \(shape(of: $0))" }
    return capitalised(clauses.joined(separator: "; ")) + "."
  }

  /// How one curve moves along k, in words with its numbers.
  static func shape(of curve: CurveSeries) -> String {
    guard let first = curve.points.first, let last = curve.points.last, let peak = curve.peak
    else { return "has no points" }
    if curve.points.count == 1 { return "is \(value(first)) at k = \(k(first)) (a single k)" }
    let values = curve.points.map(\.accuracy.value)
    if values.max()! - values.min()! < tolerance {
      return "stays flat at about \(value(first)) from k = \(k(first)) to k = \(k(last))"
    }
    if peak.x == last.x {
      let steady = zip(values, values.dropFirst()).allSatisfy { $1 >= $0 - tolerance }
      return steady
        ? "keeps rising with k, from \(value(first)) at k = \(k(first)) to \(value(last)) at k = \(k(last))"
        : "rises unevenly from \(value(first)) at k = \(k(first)) to its best, \(value(last)), at k = \(k(last))"
    }
    if peak.x == first.x {
      return "is highest at the smallest k (\(value(first)) at k = \(k(first))) "
        + "and falls to \(value(last)) at k = \(k(last))"
    }
    if last.accuracy.value >= peak.accuracy.value - tolerance {
      return "rises from \(value(first)) at k = \(k(first)) to \(value(peak)) at k = \(k(peak)) "
        + "and then plateaus (\(value(last)) at k = \(k(last)))"
    }
    return "rises from \(value(first)) at k = \(k(first)) to a peak of \(value(peak)) at "
      + "k = \(k(peak)), then falls to \(value(last)) at k = \(k(last))"
  }

  /// Who leads at the largest k every series reached, and the gap to recall@k there.
  static func comparison(_ series: [CurveSeries], summary: ExperimentSummary) -> String {
    var shared = Set(series.first?.points.map(\.x) ?? [])
    for curve in series.dropFirst() { shared.formIntersection(curve.points.map(\.x)) }
    let x = shared.max() ?? series.flatMap { $0.points.map(\.x) }.max() ?? 0
    let atX = series.compactMap { curve in curve.points.first { $0.x == x }.map { (curve.name, $0) }
    }
    .sorted { $0.1.accuracy.value > $1.1.accuracy.value }
    guard let (bestName, best) = atX.first else { return "No condition reached a common k." }
    let kText = AccuracyPlot.number(x)
    var sentence: String
    var subject = "its accuracy"
    if atX.count == 1 {
      sentence =
        "At k = \(kText), \(bestName) reaches accuracy \(NumberFormat.withInterval(best.accuracy))"
    } else {
      let (secondName, second) = atX[1]
      let noun = summary.keyNames.filter { $0 != "k" } == ["retriever"] ? "retriever" : "setting"
      if best.accuracy.value - second.accuracy.value < tolerance {
        subject = "\(bestName)'s accuracy"
        sentence =
          "At k = \(kText), \(bestName) and \(secondName) are level "
          + "(accuracy \(value(best)) vs \(value(second)))"
      } else {
        let overlap = best.accuracy.low <= second.accuracy.high
        sentence =
          "At k = \(kText), \(bestName) is the best \(noun) with accuracy "
          + "\(NumberFormat.withInterval(best.accuracy)) against \(value(second)) for \(secondName)"
          + (overlap ? " (the 95 % intervals overlap)" : " (the 95 % intervals do not overlap)")
      }
    }
    if let recall = best.recall {
      let gap = recall.value - best.accuracy.value
      let recallText = "its recall@\(kText) of \(NumberFormat.fixed(recall.value))"
      if gap > tolerance {
        sentence += ", and \(subject) stays \(NumberFormat.fixed(gap)) below \(recallText)"
      } else if gap < -tolerance {
        sentence +=
          ", and \(subject) is \(NumberFormat.fixed(-gap)) above \(recallText), "
          + "so some answers come without the gold passage"
      } else {
        sentence += ", and \(subject) matches \(recallText)"
      }
    }
    return sentence + "."
  }

  private static func value(_ point: CurvePoint) -> String {
    NumberFormat.fixed(point.accuracy.value)
  }

  private static func k(_ point: CurvePoint) -> String { AccuracyPlot.number(point.x) }
}
