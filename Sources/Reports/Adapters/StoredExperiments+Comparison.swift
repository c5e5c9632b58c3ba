import Experiments
import Store

extension StoredExperiments {
  /// The strategy comparison of one stored experiment (`raglab compare`): its summary with every
  /// trial's outcome, compared as `finding` says, bootstrap intervals seeded with `bootstrapSeed`.
  /// - Throws: `ComparisonError` or `ReportsError` as `ExperimentSummary.strategyComparison` does.
  public func strategyComparison(of record: ExperimentRecord, _ finding: StrategyFinding)
    throws -> StrategyComparison
  {
    try summary(of: record, trialOutcomes: true).strategyComparison(finding, seed: bootstrapSeed)
  }
}
