import Foundation

/// Why an experiment's strategies cannot be compared, worded with the fix.
public enum ComparisonError: Error, Equatable, CustomStringConvertible, LocalizedError {
  /// No condition has the strategy key: not an experiment of strategies (e.g. not `reorder`).
  case noStrategyKey(experiment: String, module: String?, key: String, keys: [String])
  /// No condition runs the baseline strategy.
  case noBaseline(experiment: String, baseline: String, strategies: [String])
  /// No trial stores the metric.
  case unknownMetric(experiment: String, metric: String, stored: [String])

  public var description: String {
    switch self {
    case .noStrategyKey(let experiment, let module, let key, let keys):
      let held = keys.isEmpty ? "no condition keys" : "keys \(keys.joined(separator: ", "))"
      return "experiment \(experiment) (module \(module ?? "unknown")) has no `\(key)` key in its "
        + "conditions (it has \(held)); compare reads experiments that run several strategies "
        + "on the same questions, such as `module: reorder`"
    case .noBaseline(let experiment, let baseline, let strategies):
      return "experiment \(experiment) has no condition with strategy \(baseline); its "
        + "strategies are \(strategies.joined(separator: ", ")); pass one with --baseline"
    case .unknownMetric(let experiment, let metric, let stored):
      return "experiment \(experiment) stores no metric \(metric); its trials store "
        + "\(stored.joined(separator: ", ")); pass one with --metric"
    }
  }

  /// The same text as `description`, for `localizedDescription`.
  public var errorDescription: String? { description }
}
