/// One point of a curve: the plotted metric (and recall) at one x value, with intervals.
public struct CurvePoint: Sendable, Equatable {
  /// The x value (k, a gold position, …).
  public var x: Double
  /// Trials aggregated at this point.
  public var n: Int
  /// The plotted metric (accuracy for `subem`) with its interval.
  public var accuracy: Estimate
  /// recall@k at this point, when known and asked for.
  public var recall: Estimate?
}

/// One line of the plot: the conditions sharing every series key (e.g. one retriever), sorted by x.
public struct CurveSeries: Sendable, Equatable {
  /// The series' name from its keys, e.g. `bm25` or `dense, order=reverse` (`all` without keys).
  public var name: String
  /// Points by increasing x.
  public var points: [CurvePoint]
  /// The keys the series' conditions share (empty when the recipe groups by none).
  public var keys: [ConditionKey] = []
  /// The metric on its y values.
  public var metric: PlotMetric = .subem

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
    let recipe = LinePlotRecipe(
      stem: "", xKey: xKey, xLabel: xKey, metrics: [PlotMetric(metric)], overlayRecall: true)
    return try group(summary, recipe: recipe)
  }

  /// Groups a summary's conditions into the recipe's series: per metric, one series per
  /// combination of series keys, in order of first appearance.
  ///
  /// Conditions without a numeric x key or the metric, and those a baseline selects, are left out.
  /// - Throws: `ReportsError.nothingToPlot` when no condition remains, or when two conditions of
  ///   one series share an x value (a key that tells them apart is missing from `seriesKeys`).
  public static func group(_ summary: ExperimentSummary, recipe: LinePlotRecipe) throws
    -> [CurveSeries]
  {
    var result: [CurveSeries] = []
    for metric in recipe.metrics {
      var order: [[ConditionKey]] = []
      var byKeys: [[ConditionKey]: [(CurvePoint, ConditionSummary)]] = [:]
      for condition in summary.conditions where !recipe.isBaseline(condition) {
        guard let raw = condition.value(of: recipe.xKey), let x = Double(raw), x.isFinite,
          let value = condition.metrics[metric.key]
        else { continue }
        let keys = condition.keys.filter {
          $0.name != recipe.xKey && (recipe.seriesKeys?.contains($0.name) ?? true)
        }
        if let clash = byKeys[keys]?.first(where: { $0.0.x == x }) {
          throw ReportsError.nothingToPlot(
            experiment: summary.name,
            reason: "conditions '\(clash.1.label)' and '\(condition.label)' both fall at "
              + "\(recipe.xKey)=\(raw) on one line; add the key that tells them apart to the "
              + "plot's series keys")
        }
        if byKeys[keys] == nil { order.append(keys) }
        let recall = recipe.overlayRecall && metric == recipe.metrics.first ? condition.recall : nil
        let point = CurvePoint(x: x, n: condition.n, accuracy: value, recall: recall)
        byKeys[keys, default: []].append((point, condition))
      }
      for keys in order {
        let points = (byKeys[keys] ?? []).map(\.0).sorted { $0.x < $1.x }
        let name = keys.isEmpty ? "all" : recipe.label(of: keys)
        result.append(CurveSeries(name: name, points: points, keys: keys, metric: metric))
      }
    }
    guard !result.isEmpty else {
      let metrics = recipe.metrics.map { "'\($0.key)'" }.joined(separator: " or ")
      throw ReportsError.nothingToPlot(
        experiment: summary.name,
        reason: "no condition has a numeric '\(recipe.xKey)' key and a \(metrics) metric")
    }
    return result
  }
}
