import Experiments

extension LinePlot {
  /// The plot of a module's gold-position figure: for each passage set (the figure's series keys)
  /// and gold position p, correct / trials over the trials that showed the gold at p, with a 95 %
  /// interval from resampling questions (`Bootstrap.ratioInterval`); n is the questions at p.
  /// - Throws: `ReportsError.noTrials` when the experiment has no trials yet,
  ///   `ReportsError.nothingToPlot` when no trial shows a gold passage.
  public init(summary: ExperimentSummary, figure: GoldPositionFigure, bootstrapSeed: UInt64 = 0)
    throws
  {
    guard summary.provenance.trialCount > 0 else {
      throw ReportsError.noTrials(experiment: summary.name, kept: nil)
    }
    var pooled = summary
    pooled.outcomes = []
    pooled.conditions = []
    for set in summary.passageSets(setKeys: figure.seriesKeys) {
      // per position, one (correct, trials) pair per question that had the gold there
      var parts: [Int: [(numerator: Double, denominator: Double)]] = [:]
      for trials in set.trials {
        var tally: [Int: (numerator: Double, denominator: Double)] = [:]
        for trial in trials {
          guard let position = trial.goldPosition else { continue }
          tally[position, default: (0, 0)].denominator += 1
          if trial.correct { tally[position, default: (0, 0)].numerator += 1 }
        }
        for (position, part) in tally { parts[position, default: []].append(part) }
      }
      for (position, questions) in parts.sorted(by: { $0.key < $1.key }) {
        let interval = Bootstrap.ratioInterval(questions, seed: bootstrapSeed)
        pooled.conditions.append(
          ConditionSummary(
            keys: set.keys + [ConditionKey("gold_position", "\(position)")], n: interval.n,
            metrics: [
              "subem": Estimate(interval)
            ]))
      }
    }
    guard !pooled.conditions.isEmpty else {
      throw ReportsError.nothingToPlot(
        experiment: summary.name,
        reason: "no trial shows one of its question's gold passages (or the database does not "
          + "hold the questions' gold passage ids)")
    }
    try self.init(
      summary: pooled,
      recipe: LinePlotRecipe(
        stem: figure.stem, title: figure.title, xKey: "gold_position", xLabel: figure.xLabel,
        yLabel: figure.yLabel, seriesKeys: figure.seriesKeys))
  }
}
