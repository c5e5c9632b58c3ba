import Experiments

/// The "Lost in the Middle" test in words: the ends of the context against its middle.
extension Findings {
  /// Per group with at least three positions: the first and last positions' accuracy against the
  /// middle positions', each the mean over questions of the question's share of right trials
  /// (SubEM) under those positions, with 95 % percentile-bootstrap intervals over the questions
  /// answered under both. "U-shaped" only when the ends' interval lies wholly above the middle's;
  /// otherwise "no U-shape is shown". Nothing without trial outcomes.
  static func endsVsMiddle(_ spec: PositionFinding, _ summary: ExperimentSummary) -> [String] {
    positionGroups(spec, summary).compactMap { group, scored in
      let members = scored.map(\.0)
      guard members.count >= 3, let first = members.first, let last = members.last else {
        return nil
      }
      let middle = Array(members.dropFirst().dropLast())
      let ends = questionMeans(summary, conditions: [first.index, last.index])
      let centre = questionMeans(summary, conditions: Set(middle.map(\.index)))
      let questions = ends.keys.filter { centre[$0] != nil }.sorted()
      guard !questions.isEmpty else { return nil }
      let endsEstimate = estimate(questions.compactMap { ends[$0] })
      let middleEstimate = estimate(questions.compactMap { centre[$0] })
      let verdict =
        endsEstimate.low > middleEstimate.high ? "accuracy is U-shaped" : "no U-shape is shown"
      let middlePositions = middle.map(\.value)
      return capitalised(
        group.opening() + "\(verdict): \(spec.subject) at positions \(first.value) and "
          + "\(last.value) gives \(NumberFormat.withInterval(endsEstimate)) against "
          + "\(NumberFormat.withInterval(middleEstimate)) at "
          + "position\(middlePositions.count == 1 ? "" : "s") \(list(middlePositions)) "
          + "\(overlapNote(endsEstimate, middleEstimate)).")
    }
  }

  /// Per question, its share of right trials over the conditions at `conditions` (indices).
  static func questionMeans(_ summary: ExperimentSummary, conditions: Set<Int>) -> [String: Double]
  {
    var tally: [String: (right: Int, trials: Int)] = [:]
    for outcome in summary.outcomes where conditions.contains(outcome.condition) {
      tally[outcome.questionID, default: (0, 0)].trials += 1
      if outcome.correct { tally[outcome.questionID, default: (0, 0)].right += 1 }
    }
    return tally.mapValues { Double($0.right) / Double($0.trials) }
  }

  /// The mean of per-question scores with its percentile-bootstrap 95 % interval (seed 0, as the
  /// results table's).
  static func estimate(_ values: [Double]) -> Estimate {
    Estimate(Bootstrap.meanInterval(values))
  }
}
