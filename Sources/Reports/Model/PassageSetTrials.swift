import Experiments

/// The trials of one passage set — the conditions that share the values of the set keys, e.g. one
/// retriever's orders of each question's passages — grouped by question.
public struct PassageSetTrials: Sendable, Equatable {
  /// The set keys with this set's values, e.g. `retriever = bm25`.
  public var keys: [ConditionKey]
  /// The questions, in order of first appearance.
  public var questionIDs: [String]
  /// Per question (parallel to `questionIDs`), its trials under the set's conditions.
  public var trials: [[OrderTrial]]

  /// The set's label, e.g. `retriever=bm25` (`all` without keys).
  public var label: String {
    keys.isEmpty ? "all" : keys.map { "\($0.name)=\($0.value)" }.joined(separator: ", ")
  }

  /// The per-question measures (accuracy over orders, distinct answers, …), one per question.
  public var questionMeasures: [QuestionOrderMeasures] {
    trials.compactMap { QuestionOrderMeasures(trials: $0) }
  }
}

extension ExperimentSummary {
  /// The outcomes grouped into passage sets by the values of `setKeys` (conditions lacking one of
  /// them are left out), then by question; sets and questions in order of first appearance.
  public func passageSets(setKeys: [String]) -> [PassageSetTrials] {
    var sets: [PassageSetTrials] = []
    var setIndex: [[ConditionKey]: Int] = [:]
    var questionIndex: [[ConditionKey]: [String: Int]] = [:]
    for outcome in outcomes where conditions.indices.contains(outcome.condition) {
      let condition = conditions[outcome.condition]
      let keys = setKeys.compactMap { name in condition.keys.first { $0.name == name } }
      guard keys.count == setKeys.count else { continue }
      let s =
        setIndex[keys]
        ?? {
          sets.append(PassageSetTrials(keys: keys, questionIDs: [], trials: []))
          setIndex[keys] = sets.count - 1
          return sets.count - 1
        }()
      let trial = OrderTrial(
        answer: outcome.answer, correct: outcome.correct, goldPosition: outcome.goldPosition)
      if let q = questionIndex[keys]?[outcome.questionID] {
        sets[s].trials[q].append(trial)
      } else {
        questionIndex[keys, default: [:]][outcome.questionID] = sets[s].questionIDs.count
        sets[s].questionIDs.append(outcome.questionID)
        sets[s].trials.append([trial])
      }
    }
    return sets
  }
}
