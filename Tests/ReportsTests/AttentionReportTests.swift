import Experiments
import Foundation
import Store
import Testing

@testable import Reports

/// A `gold_position` experiment of total 3 with the gold passage at slot 1 or 3 and an oracle
/// baseline, two questions, and hand-made attention rows for layer quarters 1 and 4 (the oracle
/// trial of q0 has one slot; that of q1 none). The catalog is `GoldCatalog` (qN → gN).
private func storedAttentionExperiment() throws -> StoredExperiments {
  let database = try LabDatabase.inMemory()
  let store = ResultsStore(database: database)
  let (experiment, _) = try store.beginExperiment(
    ExperimentRecord(
      name: "gp",
      specYAML: """
        name: gp
        dataset: {name: fake, path: none}
        retrievers: [bm25]
        retrieval_depth: 5
        module: {name: gold_position, total: [3], positions: [1, 3]}
        diagnostics: [attention]
        """, specHash: "h", modelSHA256: "m", dataChecksum: "d", gitCommit: "abc",
      raglabVersion: "0", module: "gold_position", datasetName: "fake"))
  let id = experiment.id!
  // (condition keys, passages of qN with N for "#", per question: correct, Q1 masses, Q4 masses)
  let design: [(String, [String], [(Bool, [Double], [Double])?])] = [
    (
      #"{"gold_position":1,"retriever":"bm25","total":3}"#, ["g#", "d1", "d2"],
      [
        (true, [0.5, 0.125, 0.125], [0.125, 0.125, 0.25]),
        (true, [0.25, 0.125, 0.125], [0.125, 0.125, 0.5]),
      ]
    ),
    (
      #"{"gold_position":3,"retriever":"bm25","total":3}"#, ["d1", "d2", "g#"],
      [
        (true, [0.25, 0.125, 0.25], [0.125, 0.125, 0.5]),
        (false, [0.5, 0.125, 0.25], [0.125, 0.125, 0.75]),
      ]
    ),
    (#"{"baseline":"oracle"}"#, ["g#"], [(true, [0.75], [0.5]), nil]),
  ]
  for (position, (keys, passages, trials)) in design.enumerated() {
    let condition = try store.condition(experimentId: id, keysJSON: keys, position: position)
    for (q, trial) in trials.enumerated() {
      let correct = trial?.0 ?? true
      let rows = (trial.map { [(1, $0.1), (4, $0.2)] } ?? []).flatMap { quarter, masses in
        masses.enumerated().map { AttentionMassRecord(slot: $0 + 1, quarter: quarter, mass: $1) }
      }
      try store.record(
        TrialRecord(
          experimentId: id, conditionId: condition.id!, questionId: "q\(q)",
          passageIdsJSON: JSONText.encode(
            passages.map { $0.replacingOccurrences(of: "#", with: "\(q)") }),
          promptHash: "p", promptTokenCount: 10, answer: "a", outputTokensJSON: "[]",
          logprobsJSON: "[]", metricsJSON: #"{"subem":\#(correct ? 1 : 0)}"#, prefillSeconds: 0,
          generateSeconds: 0, fromCache: false),
        attention: rows)
    }
  }
  try store.finish(experimentId: id)
  var experiments = StoredExperiments(database: database)
  experiments.catalog = GoldCatalog()
  return experiments
}

@Test func attentionSummaryAveragesEachSlotAndQuarterOverTrialsWithTheSameNumberOfPassages()
  throws
{
  let summary = try storedAttentionExperiment().summary(named: "gp")
  let attention = try #require(summary.attention)
  #expect(attention.measuredTrials == 5 && attention.trials == 6)
  // The one-passage oracle trial is measured but draws no profile.
  #expect(attention.profiles.map(\.slots) == [3])
  let profile = attention.profiles[0]
  #expect(profile.trials == 4)
  // Q1: (0.5+0.25+0.25+0.5)/4, (4 × 0.125)/4, (0.125+0.125+0.25+0.25)/4.
  #expect(
    profile.quarters == [
      QuarterMass(quarter: 1, mass: [0.375, 0.125, 0.1875]),
      QuarterMass(quarter: 4, mass: [0.125, 0.125, 0.5]),
    ])
  // Gold at slot 1: q0 and q1 right; at slot 3: q0 right, q1 wrong.
  #expect(profile.accuracy.map(\.slot) == [1, 3])
  #expect(profile.accuracy.map(\.estimate.value) == [1, 0.5])
  #expect(profile.accuracy.map(\.n) == [2, 2])
}

@Test func experimentWithoutAttentionRowsHasNoAttentionSummaryOrFigure() throws {
  let database = try LabDatabase.inMemory()
  try storeExperiment(ResultsStore(database: database), name: "plain", specHash: "h")
  let summary = try StoredExperiments(database: database).summary(named: "plain")
  #expect(summary.attention == nil)
  #expect(summary.attentionFigures.isEmpty)
}

@Test func attentionFigureDrawsMassByQuarterAboveAccuracyByGoldSlot() throws {
  let summary = try storedAttentionExperiment().summary(named: "gp")
  let figure = try #require(summary.attentionFigures.first)
  #expect(figure.stem == "attention-by-slot-k3")
  let data = figure.dataText()
  #expect(data.contains("# layer quarter 1: slot mean_mass\n1 0.3750\n2 0.1250\n3 0.1875\n"))
  #expect(data.contains("# layer quarter 4: slot mean_mass\n1 0.1250\n2 0.1250\n3 0.5000\n"))
  #expect(data.contains("\n1 1 1 1 2\n"))  // slot 1: accuracy 1 [1, 1] over 2 questions
  let script = figure.scriptText()
  #expect(script.contains("set multiplot layout 2,1 title 'Where does the model look?"))
  #expect(script.contains("title 'layers Q4 (output side)'"))
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
    "raglab-attention-\(UUID().uuidString)")
  defer { try? FileManager.default.removeItem(at: folder) }
  let output = try PlotRenderer(root: folder.path, runner: try GnuplotRunner()).render(figure)
  #expect(FileManager.default.fileExists(atPath: output.png))
  #expect(FileManager.default.fileExists(atPath: output.svg))
}

@Test func notebookStatesWhereTheModelLooksFromTheNumbersAndShowsTheFigureThere() throws {
  let summary = try storedAttentionExperiment().summary(named: "gp")
  let notebook = Notebook(
    summary: summary, path: "notebooks-md/gp.md",
    images: ["plots/gp/accuracy-vs-gold-position.png", "plots/gp/attention-by-slot-k3.png"],
    database: "lab.sqlite")
  let text = notebook.markdown()
  let section = try #require(text.range(of: "## Where does the model look?"))
  #expect(text.contains("Attention diagnostics cover 5 of 6 trials (a trial without passages"))
  #expect(
    text.contains(
      "With 3 passages (4 trials), the most attended slot is 1 in Q1 (0.375) and 3 in Q4 "
        + "(0.500); in Q4 slot 1 gets 0.125 and slot 3 0.500 against 0.125 on average between "
        + "them. Accuracy is highest (1.000) with the gold passage at slot 1 and lowest (0.500) at "
        + "slot 3."))
  let image = try #require(
    text.range(of: "![attention-by-slot-k3](../plots/gp/attention-by-slot-k3.png)"))
  #expect(image.lowerBound > section.lowerBound)
  #expect(text.components(separatedBy: "attention-by-slot-k3.png").count == 2)  // shown once
}

@Test func attentionSentenceNamesEveryTiedSlotAndSaysNothingOfFlatAccuracy() {
  func point(_ slot: Int, _ value: Double) -> SlotAccuracy {
    SlotAccuracy(slot: slot, estimate: Estimate(value: value), n: 2)
  }
  let mass = [QuarterMass(quarter: 1, mass: [0.5, 0.25])]
  let tied = AttentionProfile(
    slots: 3, trials: 6, quarters: mass, accuracy: [point(1, 0.5), point(2, 0.5), point(3, 0)])
  #expect(
    Notebook.attentionSentence(tied)
      == "With 3 passages (6 trials), the most attended slot is 1 in Q1 (0.500). Accuracy is "
      + "highest (0.500) with the gold passage at slots 1 and 2 and lowest (0.000) at slot 3.")
  let flat = AttentionProfile(
    slots: 2, trials: 4, quarters: mass, accuracy: [point(1, 0.5), point(2, 0.5)])
  #expect(!Notebook.attentionSentence(flat).contains("Accuracy"))
}
