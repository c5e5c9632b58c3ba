import Experiments
import Foundation

@testable import Reports

/// Hand-made summaries for the module findings tests: conditions written as key lists and
/// estimates, reported through the named module's own report (its declared findings).
enum FindingsFixtures {
  /// A condition with `keys` (name, value) and metrics given as (value, low, high).
  static func condition(
    _ keys: [(String, String)], _ metrics: [String: (Double, Double, Double)], n: Int = 40
  ) -> ConditionSummary {
    ConditionSummary(
      keys: keys.map { ConditionKey($0.0, $0.1) }, n: n,
      metrics: metrics.mapValues { Estimate(value: $0.0, low: $0.1, high: $0.2) },
      recall: Estimate(value: 1))
  }

  /// A summary of `conditions` whose report is `module`'s (for default knobs), with `outcomes`.
  static func summary(
    module: String, conditions: [ConditionSummary], outcomes: [TrialOutcome] = []
  ) -> ExperimentSummary {
    ExperimentSummary(
      name: module, specYAML: "",
      provenance: Provenance(
        specHash: "h", modelSHA256: "m", dataChecksum: "d", trialCount: 1, module: module),
      conditions: conditions, report: ModuleRegistry.report(module: module, specYAML: ""),
      outcomes: outcomes)
  }

  /// One trial per (question, condition index, right or not) triple.
  static func outcomes(_ trials: [(String, Int, Bool)]) -> [TrialOutcome] {
    trials.map { TrialOutcome(condition: $0.1, questionID: $0.0, answer: "a", correct: $0.2) }
  }
}
