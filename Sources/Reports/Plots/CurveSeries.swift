/// One point of a curve: accuracy (and recall) at one x value, with intervals.
public struct CurvePoint: Sendable, Equatable {
  /// The x value (k, the number of passages in context).
  public var x: Double
  /// Trials aggregated at this point.
  public var n: Int
  /// Accuracy (the plotted metric) with its interval.
  public var accuracy: Estimate
  /// recall@k at this point, when known.
  public var recall: Estimate?
}

/// One line of the plot: the conditions sharing every key but x (e.g. one retriever), sorted by x.
public struct CurveSeries: Sendable, Equatable {
  /// The series' name from its non-x keys, e.g. `bm25` or `dense, order=reverse`.
  public var name: String
  /// Points by increasing x.
  public var points: [CurvePoint]

  /// The point with the highest accuracy (the first one on ties).
  public var peak: CurvePoint? {
    var best: CurvePoint?
    for point in points where point.accuracy.value > (best?.accuracy.value ?? -.infinity) {
      best = point
    }
    return best
  }
}

extension CurveSeries {
  /// Groups a summary's conditions into series along `xKey`, one per combination of other keys.
  /// - Parameters:
  ///   - summary: the experiment.
  ///   - xKey: the numeric key on the x axis (`k`).
  ///   - metric: the metric on the y axis (`subem`).
  /// - Throws: `ReportsError.nothingToPlot` when no condition has a numeric `xKey` and the metric.
  public static func group(
    _ summary: ExperimentSummary, xKey: String = "k", metric: String = "subem"
  ) throws -> [CurveSeries] {
    var order: [String] = []
    var byName: [String: [CurvePoint]] = [:]
    for condition in summary.conditions {
      guard let raw = condition.value(of: xKey), let x = Double(raw),
        let accuracy = condition.metrics[metric]
      else { continue }
      let name = seriesName(condition.keys.filter { $0.name != xKey })
      if byName[name] == nil { order.append(name) }
      byName[name, default: []].append(
        CurvePoint(x: x, n: condition.n, accuracy: accuracy, recall: condition.recall))
    }
    guard !order.isEmpty else {
      throw ReportsError.nothingToPlot(
        experiment: summary.name,
        reason: "no condition has a numeric '\(xKey)' key and a '\(metric)' metric")
    }
    return order.map { name in
      CurveSeries(name: name, points: byName[name]!.sorted { $0.x < $1.x })
    }
  }

  /// `retriever=bm25` reads as `bm25`; other keys keep their names.
  private static func seriesName(_ keys: [ConditionKey]) -> String {
    if keys.isEmpty { return "all" }
    return keys.map { $0.name == "retriever" ? $0.value : "\($0.name)=\($0.value)" }
      .joined(separator: ", ")
  }
}
