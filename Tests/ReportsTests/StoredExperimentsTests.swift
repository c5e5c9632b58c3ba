import Foundation
import Store
import Testing

@testable import Reports

/// A catalog where question `qN` has gold passage `gN`.
struct GoldCatalog: QuestionCatalog {
  func question(dataset: String, id: String) throws -> CatalogQuestion? {
    CatalogQuestion(
      id: id, text: "what is \(id)?", answers: ["answer \(id)"],
      goldPassageIDs: ["g" + id.dropFirst()])
  }
  func isRecallHit(dataset: String, question: CatalogQuestion, passageIDs: [String]) throws -> Bool
  {
    passageIDs.contains { question.goldPassageIDs.contains($0) }
  }
}

/// The spec text `storedSweep` stores by default.
let storedSweepYAML = """
  name: stored
  dataset: {name: squad-dev, path: data/squad/squaddev_v1.1.json}
  retrievers: [bm25, dense]
  module: {name: passage_count, k: [1, 2]}
  """

/// Stores a two-retriever, two-k experiment of four questions through the lab's `ResultsStore`
/// (`datasetName` nil stores it the way experiments were stored before that column existed).
func storedSweep(yaml: String = storedSweepYAML, datasetName: String? = nil) throws -> LabDatabase {
  let database = try LabDatabase.inMemory()
  let store = ResultsStore(database: database)
  let (experiment, _) = try store.beginExperiment(
    ExperimentRecord(
      name: "stored", specYAML: yaml, specHash: "h", modelSHA256: "m", dataChecksum: "d",
      gitCommit: "abc", raglabVersion: "0", datasetName: datasetName))
  var position = 0
  for retriever in ["bm25", "dense"] {
    for k in [1, 2] {
      let condition = try store.condition(
        experimentId: experiment.id!, keysJSON: "{\"k\":\(k),\"retriever\":\"\(retriever)\"}",
        position: position)
      position += 1
      for q in 0..<4 {
        // dense answers everything at k = 2; the gold passage g_q is shown at k = 2 for q < 2.
        let correct = retriever == "dense" ? k == 2 || q == 0 : q == 0
        let passages = k == 2 && q < 2 ? ["x\(q)", "g\(q)"] : Array(["x\(q)", "y\(q)"].prefix(k))
        try store.record(
          TrialRecord(
            experimentId: experiment.id!, conditionId: condition.id!, questionId: "q\(q)",
            passageIdsJSON: String(decoding: try JSONEncoder().encode(passages), as: UTF8.self),
            promptHash: "p", promptTokenCount: 10, answer: correct ? "answer q\(q)" : "no",
            outputTokensJSON: "[]", logprobsJSON: "[]",
            metricsJSON: "{\"em\":\(correct ? 1 : 0),\"f1\":\(correct ? 1 : 0.5),"
              + "\"matcher\":\"substring\",\"subem\":\(correct ? 1 : 0)}",
            prefillSeconds: 0, generateSeconds: 0, fromCache: false))
      }
    }
  }
  return database
}

@Test func storedTrialsBecomeASummaryWithOrderedKeysAndIntervals() throws {
  let reader = StoredExperiments(database: try storedSweep(), catalog: GoldCatalog())
  let summary = try reader.summary(named: "stored")
  #expect(summary.keyNames == ["retriever", "k"])
  #expect(
    summary.conditions.map(\.label) == [
      "retriever=bm25, k=1", "retriever=bm25, k=2", "retriever=dense, k=1", "retriever=dense, k=2",
    ])
  #expect(summary.provenance.trialCount == 16)
  #expect(summary.provenance.gitCommit == "abc")
  let denseAt2 = summary.conditions[3]
  #expect(denseAt2.n == 4)
  #expect(denseAt2.metrics["subem"] == Estimate(value: 1, low: 1, high: 1))
  #expect(denseAt2.metrics["matcher"] == nil)
  let bm25At1 = summary.conditions[0].metrics["subem"]!
  #expect(bm25At1.value == 0.25)
  #expect(bm25At1.low <= 0.25 && bm25At1.high > 0.25)
  #expect(summary.conditions[1].recall?.value == 0.5)
  #expect(summary.conditions[0].recall?.value == 0)
}

@Test func summaryWithoutCatalogHasNoRecall() throws {
  let summary = try StoredExperiments(database: try storedSweep()).summary(named: "stored")
  #expect(summary.conditions.allSatisfy { $0.recall == nil })
}

@Test func unknownExperimentNamesTheDatabaseAndTheKnownOnes() throws {
  let reader = StoredExperiments(database: try storedSweep())
  let error = #expect(throws: ReportsError.self) { try reader.summary(named: "nope") }
  #expect(
    error?.description
      == "no experiment named nope in :memory: (known: stored); run `raglab run SPEC` first")
}

@Test func missingDatabaseFileIsNotCreated() throws {
  let path = NSTemporaryDirectory() + "raglab-missing-\(UUID().uuidString).sqlite"
  #expect(throws: ReportsError.noDatabase(path: path)) { try StoredExperiments.open(path: path) }
  #expect(!FileManager.default.fileExists(atPath: path))
}

@Test func inspectionListsEveryConditionsPassagesAnswerAndScores() throws {
  let reader = StoredExperiments(database: try storedSweep(), catalog: GoldCatalog())
  let inspection = try reader.inspection(experiment: "stored", questionID: "q1")
  #expect(inspection.question == "what is q1?")
  #expect(inspection.goldAnswers == ["answer q1"])
  #expect(inspection.trials.count == 4)
  #expect(inspection.trials[1].keys == [ConditionKey("retriever", "bm25"), ConditionKey("k", "2")])
  #expect(inspection.trials[1].passageIDs == ["x1", "g1"])
  #expect(inspection.trials[3].answer == "answer q1")
  let text = InspectionView.text(inspection)
  #expect(
    text.contains(
      "retriever=bm25, k=2\n  passages: x1 g1*\n  answer:   \"no\"\n  scores:   subem 0  em 0  f1 0.500"
    ))
  #expect(text.contains("gold answers: \"answer q1\""))
  #expect(throws: ReportsError.noQuestion(id: "q9", experiment: "stored")) {
    try reader.inspection(experiment: "stored", questionID: "q9")
  }
}
