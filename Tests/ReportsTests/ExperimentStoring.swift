import Foundation
import Store

/// Stores one experiment called `name` through the lab's `ResultsStore`: a condition per
/// retriever and k ∈ {1, 2}, and `questions` trials in each (question `qN` answered correctly
/// when N is even). `questions: 0` leaves it without trials, as `raglab run --limit 0` does.
/// - Returns: the experiment's row id.
@discardableResult
func storeExperiment(
  _ store: ResultsStore, name: String, specHash: String, retrievers: [String] = ["bm25"],
  questions: Int = 2, startedAt: Date = Date(timeIntervalSince1970: 1_700_000_000),
  finished: Bool = true
) throws -> Int64 {
  let (experiment, _) = try store.beginExperiment(
    ExperimentRecord(
      name: name, specYAML: "name: stored\n", specHash: specHash, modelSHA256: "m",
      dataChecksum: "d", gitCommit: "abc", raglabVersion: "0", startedAt: startedAt))
  let id = experiment.id!
  var position = 0
  for retriever in retrievers {
    for k in [1, 2] {
      let keys = try JSONSerialization.data(
        withJSONObject: ["k": k, "retriever": retriever], options: [.sortedKeys])
      let condition = try store.condition(
        experimentId: id, keysJSON: String(decoding: keys, as: UTF8.self), position: position)
      position += 1
      for q in 0..<questions {
        let correct = q % 2 == 0
        try store.record(
          TrialRecord(
            experimentId: id, conditionId: condition.id!, questionId: "q\(q)",
            passageIdsJSON: "[\"p\(q)\"]", promptHash: "p", promptTokenCount: 10,
            answer: correct ? "yes" : "no", outputTokensJSON: "[]", logprobsJSON: "[]",
            metricsJSON: "{\"em\":\(correct ? 1 : 0),\"f1\":\(correct ? 1 : 0),"
              + "\"subem\":\(correct ? 1 : 0)}",
            prefillSeconds: 0, generateSeconds: 0, fromCache: false))
      }
    }
  }
  if finished { try store.finish(experimentId: id, at: startedAt.addingTimeInterval(60)) }
  return id
}
