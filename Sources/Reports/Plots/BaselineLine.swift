/// One baseline condition's metric, drawn as a horizontal line (and interval band) across a plot.
public struct BaselineLine: Sendable, Equatable {
  /// Its name in the legend, e.g. `closed book` or `oracle accuracy`.
  public var name: String
  /// The condition's keys.
  public var keys: [ConditionKey]
  /// The metric drawn.
  public var metric: PlotMetric
  /// The metric's value with its interval.
  public var estimate: Estimate
  /// Trials aggregated.
  public var n: Int
}

extension BaselineLine {
  /// The recipe's baselines found in `summary`, in recipe order, one line per selected condition
  /// and metric; a baseline the summary lacks is left out.
  ///
  /// Lines that would share a name are told apart by the conditions' other keys, and with several
  /// metrics each line names its metric.
  public static func select(_ summary: ExperimentSummary, recipe: LinePlotRecipe) -> [BaselineLine]
  {
    var lines: [BaselineLine] = []
    for baseline in recipe.baselines {
      let conditions = summary.conditions.filter(baseline.matches)
      let names = conditions.map(baseline.name(of:))
      for (condition, plain) in zip(conditions, names) {
        var name = plain
        if names.filter({ $0 == plain }).count > 1 {
          name += " (" + recipe.label(of: condition.keys.filter { $0.name != baseline.key }) + ")"
        }
        for metric in recipe.metrics {
          guard let estimate = condition.metrics[metric.key] else { continue }
          let label = recipe.metrics.count > 1 ? "\(name) \(metric.label)" : name
          lines.append(
            BaselineLine(
              name: label, keys: condition.keys, metric: metric, estimate: estimate,
              n: condition.n))
        }
      }
    }
    return lines
  }
}
