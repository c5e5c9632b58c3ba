import Foundation

@testable import Reports

/// Hand-made summaries and recipes for the line-plot and histogram tests.
enum PlotFixtures {
  /// A gold-position experiment: accuracy at gold positions per `total` (a U-curve), and two
  /// baseline conditions (`closed_book`, `oracle`) that have no `position` key.
  static func goldPosition(name: String = "gold") -> ExperimentSummary {
    let curves: [(total: Int, points: [(position: Int, subem: Double)])] = [
      (5, [(1, 0.60), (3, 0.50), (5, 0.55)]),
      (10, [(1, 0.55), (5, 0.40), (10, 0.50)]),
    ]
    var conditions: [ConditionSummary] = []
    for curve in curves {
      for point in curve.points {
        conditions.append(
          ConditionSummary(
            keys: [
              ConditionKey("total", "\(curve.total)"),
              ConditionKey("position", "\(point.position)"),
            ],
            n: 50,
            metrics: [
              "subem": Estimate(value: point.subem, low: point.subem - 0.1, high: point.subem + 0.1)
            ],
            recall: Estimate(value: 1)))
      }
    }
    conditions.append(
      ConditionSummary(
        keys: [ConditionKey("baseline", "closed_book")], n: 50,
        metrics: ["subem": Estimate(value: 0.3, low: 0.2, high: 0.4)]))
    conditions.append(
      ConditionSummary(
        keys: [ConditionKey("baseline", "oracle")], n: 50,
        metrics: ["subem": Estimate(value: 0.7, low: 0.65, high: 0.75)]))
    return ExperimentSummary(
      name: name, specYAML: "name: \(name)\n",
      provenance: Provenance(
        specHash: "9a11", modelSHA256: "b179", dataChecksum: "4508", trialCount: 400),
      conditions: conditions)
  }

  /// The recipe of the gold-position figure: series by `total`, both baselines.
  static func goldPositionRecipe() -> LinePlotRecipe {
    LinePlotRecipe(
      stem: "accuracy-vs-gold-position",
      title: "Does accuracy depend on where the gold passage sits?",
      xKey: "position", xLabel: "position of the gold passage (1 = first in the prompt)",
      seriesKeys: ["total"], keyLabels: ["total": "{} passages"],
      baselines: [
        PlotBaseline(value: "closed_book", label: "closed book (no passages)"),
        PlotBaseline(value: "oracle", label: "oracle (gold passage only)"),
      ])
  }

  /// The recipe of a histogram of per-question accuracy over orders, in five bins over [0, 1].
  static func accuracyOverOrders() -> HistogramRecipe {
    HistogramRecipe(
      stem: "accuracy-over-orders", title: "How much does the order of the passages matter?",
      xLabel: "accuracy over the 120 orders of one question (share of orders answered right)",
      bins: .uniform(from: 0, to: 1, count: 5))
  }
}
