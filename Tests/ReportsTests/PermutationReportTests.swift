import Experiments
import Foundation
import Store
import Testing

@testable import Reports

/// One hand-made trial: the passages shown in prompt order, the answer, and SubEM.
private struct HandTrial {
  var question: String
  var passages: [String]
  var answer: String
  var correct: Bool
}

/// Stores a `permutations` experiment of k = 2 (orders "1-2" and "2-1", one condition each) with
/// the given trials through the lab's `ResultsStore`; the catalog is `GoldCatalog` (qN → gN).
private func storedPermutations(set: String, trials: [[HandTrial]]) throws -> StoredExperiments {
  let database = try LabDatabase.inMemory()
  let store = ResultsStore(database: database)
  let (experiment, _) = try store.beginExperiment(
    ExperimentRecord(
      name: "perm",
      specYAML: """
        name: perm
        dataset: {name: fake, path: none}
        retrievers: [bm25]
        retrieval_depth: 5
        module: {name: permutations, k: 2, set: \(set)}
        """, specHash: "h", modelSHA256: "m", dataChecksum: "d", gitCommit: "abc",
      raglabVersion: "0", module: "permutations", datasetName: "fake"))
  let gold = set == "gold_plus" ? [#""gold_position":1,"#, #""gold_position":2,"#] : ["", ""]
  for (order, perm) in ["1-2", "2-1"].enumerated() {
    let condition = try store.condition(
      experimentId: experiment.id!,
      keysJSON: #"{\#(gold[order])"order":\#(order),"perm":"\#(perm)","retriever":"bm25"}"#,
      position: order)
    for trial in trials[order] {
      let subem = trial.correct ? 1 : 0
      try store.record(
        TrialRecord(
          experimentId: experiment.id!, conditionId: condition.id!, questionId: trial.question,
          passageIdsJSON: JSONText.encode(trial.passages), promptHash: "p",
          promptTokenCount: 10, answer: trial.answer, outputTokensJSON: "[]",
          logprobsJSON: "[]", metricsJSON: #"{"em":\#(subem),"f1":\#(subem),"subem":\#(subem)}"#,
          prefillSeconds: 0, generateSeconds: 0, fromCache: false))
    }
  }
  try store.finish(experimentId: experiment.id!)
  var experiments = StoredExperiments(database: database)
  experiments.catalog = GoldCatalog()
  return experiments
}

/// Gold plus one distractor d in both orders: q0 right twice ("Paris", "paris."), q1 right only
/// with the gold first, q2 never right.
private func goldPlusExperiment() throws -> StoredExperiments {
  try storedPermutations(
    set: "gold_plus",
    trials: [
      [
        HandTrial(question: "q0", passages: ["g0", "d"], answer: "Paris", correct: true),
        HandTrial(question: "q1", passages: ["g1", "d"], answer: "Rome", correct: true),
        HandTrial(question: "q2", passages: ["g2", "d"], answer: "x", correct: false),
      ],
      [
        HandTrial(question: "q0", passages: ["d", "g0"], answer: "paris.", correct: true),
        HandTrial(question: "q1", passages: ["d", "g1"], answer: "Milan", correct: false),
        HandTrial(question: "q2", passages: ["d", "g2"], answer: "y", correct: false),
      ],
    ])
}

@Test func permutationFiguresAreTheGoldPositionLineAndTwoHistogramsOverQuestions() throws {
  let summary = try goldPlusExperiment().summary(named: "perm")
  let figures = try summary.figures()
  #expect(
    figures.map(\.stem) == [
      "accuracy-by-gold-position", "accuracy-over-orders", "distinct-answers",
    ])
  // Accuracy over orders: q0 1, q1 1/2, q2 0 — one question each in [0, 0.1), [0.5, 0.6), [0.9, 1].
  let accuracy = try #require(figures[1] as? Histogram)
  #expect(accuracy.bins.map(\.count) == [1, 0, 0, 0, 0, 1, 0, 0, 0, 1])
  #expect(accuracy.total == 3 && accuracy.recipe.unit == "questions")
  // Distinct normalised answers: q0 1 ("paris" twice), q1 2, q2 2.
  let distinct = try #require(figures[2] as? Histogram)
  #expect(distinct.bins.map(\.count) == [1, 2])
  #expect(distinct.bins.map(\.centre) == [1, 2])
  // Gold first: q0 and q1 right of three; gold second: only q0.
  let line = try #require(figures[0] as? LinePlot)
  #expect(line.series.count == 1 && line.series[0].name == "bm25")
  let points = line.series[0].points
  #expect(points.map(\.x) == [1, 2])
  #expect(points.map(\.n) == [3, 3])
  #expect(abs(points[0].accuracy.value - 2.0 / 3) < 1e-12)
  #expect(abs(points[1].accuracy.value - 1.0 / 3) < 1e-12)
  #expect(
    points.allSatisfy {
      $0.accuracy.low <= $0.accuracy.value && $0.accuracy.value <= $0.accuracy.high
    })
}

@Test func topKGoldPositionsComeFromEachTrialsPassagesNotFromTheConditionKeys() throws {
  // q0's gold is retrieved first, q1's second, q2's not at all; the right answers come exactly
  // when the gold is shown first, so accuracy is 1 at position 1 and 0 at position 2 — though
  // each order (condition) mixes both positions.
  let experiments = try storedPermutations(
    set: "top_k",
    trials: [
      [
        HandTrial(question: "q0", passages: ["g0", "a"], answer: "right", correct: true),
        HandTrial(question: "q1", passages: ["b", "g1"], answer: "wrong", correct: false),
        HandTrial(question: "q2", passages: ["c", "e"], answer: "right", correct: true),
      ],
      [
        HandTrial(question: "q0", passages: ["a", "g0"], answer: "wrong", correct: false),
        HandTrial(question: "q1", passages: ["g1", "b"], answer: "right", correct: true),
        HandTrial(question: "q2", passages: ["e", "c"], answer: "right", correct: true),
      ],
    ])
  let summary = try experiments.summary(named: "perm")
  #expect(summary.conditions.allSatisfy { $0.metrics["subem"]?.value == 2.0 / 3 })
  let line = try LinePlot(
    summary: summary,
    figure: GoldPositionFigure(
      stem: "g", title: "t", xLabel: "x", yLabel: "y", seriesKeys: ["retriever"]))
  #expect(line.series[0].points.map(\.x) == [1, 2])
  #expect(line.series[0].points.map(\.accuracy.value) == [1, 0])
  #expect(line.series[0].points.map(\.n) == [2, 2])
}

@Test func theNotebookTabulatesThePermutationMeasuresWithTheirDefinitions() throws {
  let summary = try goldPlusExperiment().summary(named: "perm")
  let table = try #require(OrderMeasuresView.table(summary, setKeys: ["retriever"]))
  // 3 questions, 6 trials; 3 of 6 right; q0 and q1 right at least once (2/3), only q0 always
  // (1/3), only q1 sensitive (1/3); distinct answers 1, 2, 2; entropy 0, 1, 1 bits; majority
  // shares 1, 1/2, 1/2.
  #expect(table.rows.count == 1)
  let row = table.rows[0]
  #expect(Array(row.prefix(3)) == ["retriever=bm25", "3", "6"])
  #expect(row[3].hasPrefix("0.500 ["))
  #expect(row[4].hasPrefix("0.667 [") && row[5].hasPrefix("0.333 [") && row[6].hasPrefix("0.333 ["))
  #expect(Array(row.suffix(3)) == ["1.667", "0.667", "0.667"])
  let markdown = Notebook(summary: summary, path: "/tmp/n.md", images: [], database: "db")
    .markdown()
  #expect(markdown.contains("| retriever=bm25 | 3 | 6 | 0.500 ["))
  #expect(markdown.contains("sensitivity rate = share of sensitive questions"))
}

@Test func aPooledRatioIntervalResamplesWholeQuestions() {
  // Pooled 4 / 5 = 0.8 (the mean of the per-question ratios would be 0.5). A resample draws
  // (0,1) twice (ratio 0, a quarter of resamples), once each (0.8) or (4,4) twice (1, a quarter):
  // the 2.5th and 97.5th percentiles are 0 and 1.
  let interval = Bootstrap.ratioInterval([(0, 1), (4, 4)])
  #expect(interval.mean == 0.8 && interval.n == 2)
  #expect(interval.lower == 0 && interval.upper == 1)
}
