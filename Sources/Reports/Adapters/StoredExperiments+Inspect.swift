import Store

extension StoredExperiments {
  /// Question `questionID` of experiment `name` under every condition: passages, answer, scores.
  /// - Throws: `ReportsError.noExperiment` or `.noQuestion` when either is unknown.
  public func inspection(experiment name: String, questionID: String) throws -> QuestionInspection {
    try inspection(of: try record(named: name), questionID: questionID)
  }

  /// Question `questionID` of one stored experiment (see `inspection(experiment:questionID:)`).
  public func inspection(of record: ExperimentRecord, questionID: String) throws
    -> QuestionInspection
  {
    let name = record.name
    let id = record.id ?? -1
    let trials = try store.trials(experimentId: id, questionId: questionID)
    guard !trials.isEmpty else { throw ReportsError.noQuestion(id: questionID, experiment: name) }
    let conditions = try store.conditions(experimentId: id)
    let stored = conditions.map { StoredValues.keys($0.keysJSON) }
    let order = StoredValues.orderedNames(stored)
    var keysByCondition: [Int64: [ConditionKey]] = [:]
    var position: [Int64: Int] = [:]
    for (condition, keys) in zip(conditions, stored) {
      guard let conditionID = condition.id else { continue }
      keysByCondition[conditionID] = order.compactMap { name in keys.first { $0.name == name } }
      position[conditionID] = condition.position
    }
    let views = trials.sorted { (position[$0.conditionId] ?? 0) < (position[$1.conditionId] ?? 0) }
      .map { trial in
        QuestionInspection.Trial(
          keys: keysByCondition[trial.conditionId] ?? [],
          passageIDs: StoredValues.passageIDs(trial.passageIdsJSON), answer: trial.answer,
          metrics: StoredValues.metrics(trial.metricsJSON))
      }
    let question = try record.datasetNameOrStored.flatMap { dataset in
      try catalog?.question(dataset: dataset, id: questionID)
    }
    return QuestionInspection(
      experiment: name, questionID: questionID,
      question: question?.text
        ?? "(question text not found: its dataset is not in the corpus tables)",
      goldAnswers: question?.answers ?? [],
      goldPassageIDs: question?.goldPassageIDs ?? [], trials: views)
  }
}
