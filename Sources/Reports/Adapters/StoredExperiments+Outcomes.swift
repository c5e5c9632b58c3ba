import Experiments
import Store

extension ModuleReport {
  /// Whether some figure, table or finding needs every trial's outcome, not just per-condition
  /// means.
  var needsTrialOutcomes: Bool {
    !tables.isEmpty
      || figures.contains { figure in
        if case .line = figure { return false }
        return true
      }
      || findings.contains { finding in
        switch finding {
        case .endsVsMiddle, .orderMeasures, .strategies: true
        default: false
        }
      }
  }
}

extension StoredExperiments {
  /// The outcomes of one condition's trials: answer, scores, and the gold passage's prompt
  /// position (the first shown passage whose id is one of the question's gold passage ids, looked
  /// up in the catalog; nil without a catalog or when no gold passage is shown).
  func outcomes(of trials: [TrialRecord], condition: Int, dataset: String?) throws
    -> [TrialOutcome]
  {
    try trials.map { trial in
      var goldPosition: Int?
      if let catalog, let dataset,
        let question = try catalog.question(dataset: dataset, id: trial.questionId)
      {
        let gold = Set(question.goldPassageIDs)
        goldPosition = StoredValues.passageIDs(trial.passageIdsJSON).firstIndex {
          gold.contains($0)
        }.map { $0 + 1 }
      }
      let metrics = StoredValues.metrics(trial.metricsJSON)
      return TrialOutcome(
        condition: condition, questionID: trial.questionId, answer: trial.answer,
        correct: metrics["subem"] == 1, goldPosition: goldPosition, metrics: metrics)
    }
  }
}
