import Experiments
import Testing

@testable import Reports

/// gold_position over totals 5 and 20 (one retriever), closed book and oracle; conditions 0–1 are
/// total 5 at positions 1, 5; 2–4 total 20 at positions 1, 10, 20; 5 closed book; 6 oracle.
private func goldPosition(outcomes: [TrialOutcome]) -> ExperimentSummary {
  typealias F = FindingsFixtures
  func at(_ total: String, _ position: String, _ v: (Double, Double, Double)) -> ConditionSummary {
    F.condition(
      [("retriever", "bm25"), ("total", total), ("gold_position", position)], ["subem": v])
  }
  return F.summary(
    module: "gold_position",
    conditions: [
      at("5", "1", (0.4, 0.2, 0.6)), at("5", "5", (0.3, 0.15, 0.5)),
      at("20", "1", (0.5, 0.3, 0.7)), at("20", "10", (0.1, 0.0, 0.2)),
      at("20", "20", (0.45, 0.25, 0.65)),
      F.condition([("baseline", "closed_book")], ["subem": (0.05, 0.0, 0.1)]),
      F.condition([("baseline", "oracle")], ["subem": (0.6, 0.4, 0.8)]),
    ], outcomes: outcomes)
}

@Test func goldPositionStatesExtremesUShapeBaselinesAndClosedBookTies() {
  // Every question right at positions 1 and 20 of 20 and wrong at 10: ends 1, middle 0 each.
  let trials = ["q0", "q1", "q2"].flatMap { q in [(q, 2, true), (q, 3, false), (q, 4, true)] }
  let sentences = Findings.sentences(
    for: goldPosition(outcomes: FindingsFixtures.outcomes(trials)))
  #expect(
    sentences == [
      "With 5 passages, accuracy is highest with the gold passage at position 1 (0.400 [0.200, 0.600]) and lowest at position 5 (0.300 [0.150, 0.500]).",
      "With 20 passages, accuracy is highest with the gold passage at position 1 (0.500 [0.300, 0.700]) and lowest at position 10 (0.100 [0.000, 0.200]).",
      "With 20 passages, accuracy is U-shaped: the gold passage at positions 1 and 20 gives 1.000 [1.000, 1.000] against 0.000 [0.000, 0.000] at position 10 (the 95 % intervals do not overlap).",
      "Baseline accuracy: closed book 0.050 [0.000, 0.100], oracle 0.600 [0.400, 0.800].",
      "With 20 passages, the gold passage at position 10 is not distinguishable from closed book (0.050 [0.000, 0.100]; the 95 % intervals overlap).",
    ])
}

@Test func endsAboveTheMiddleWithOverlappingIntervalsIsNoUShape() {
  // q0 right at both ends, q1 at neither, both wrong in the middle: ends average 0.5 with a
  // bootstrap interval of [0, 1] (either question drawn twice), middle 0 [0, 0]; they touch at 0.
  let trials = [
    ("q0", 2, true), ("q0", 3, false), ("q0", 4, true),
    ("q1", 2, false), ("q1", 3, false), ("q1", 4, false),
  ]
  let sentences = Findings.sentences(
    for: goldPosition(outcomes: FindingsFixtures.outcomes(trials)))
  #expect(
    sentences.contains(
      "With 20 passages, no U-shape is shown: the gold passage at positions 1 and 20 gives 0.500 [0.000, 1.000] against 0.000 [0.000, 0.000] at position 10 (the 95 % intervals overlap)."
    ))
  #expect(!sentences.contains { $0.contains("U-shaped") })
}

@Test func goldPositionWithoutOutcomesOrClosedBookTiesStatesNeither() {
  var summary = goldPosition(outcomes: [])
  summary.conditions[3].metrics["subem"] = Estimate(value: 0.2, low: 0.15, high: 0.3)
  let sentences = Findings.sentences(for: summary)
  #expect(sentences.count == 3)
  #expect(!sentences.contains { $0.contains("U-shape") || $0.contains("distinguishable") })
}

@Test func hardNegativesNameTheLowestSourceAgainstRandomAndNeverRecall() {
  typealias F = FindingsFixtures
  func at(_ source: String, _ k: String, _ v: (Double, Double, Double)) -> ConditionSummary {
    F.condition([("source", source), ("k", k)], ["subem": v])
  }
  let summary = F.summary(
    module: "hard_negatives",
    conditions: [
      at("bm25", "2", (0.3, 0.15, 0.45)), at("bm25", "4", (0.3, 0.15, 0.45)),
      at("bm25", "8", (0.1, 0.0, 0.2)),
      at("dense", "2", (0.25, 0.1, 0.4)), at("dense", "4", (0.3, 0.15, 0.45)),
      at("dense", "8", (0.2, 0.1, 0.3)),
      at("random", "2", (0.5, 0.35, 0.65)), at("random", "4", (0.1, 0.0, 0.2)),
      at("random", "8", (0.5, 0.35, 0.65)),
      F.condition([("k", "1"), ("baseline", "oracle")], ["subem": (0.6, 0.45, 0.75)]),
    ])
  let sentences = Findings.sentences(for: summary)
  #expect(
    sentences == [
      "At K = 2, dense negatives give the lowest accuracy, 0.250 [0.100, 0.400], against 0.500 [0.350, 0.650] with random negatives (not separated: the 95 % intervals overlap).",
      "At K = 4, random negatives give the lowest accuracy, 0.100 [0.000, 0.200]; no other source is below them.",
      "At K = 8, bm25 negatives give the lowest accuracy, 0.100 [0.000, 0.200], against 0.500 [0.350, 0.650] with random negatives (separated: the 95 % intervals do not overlap).",
      "Baseline accuracy: oracle 0.600 [0.450, 0.750].",
    ])
  #expect(!sentences.contains { $0.contains("recall") })
}

@Test func conflictStatesTheThreeRatesPerPositionAndClosedBookMemory() {
  typealias F = FindingsFixtures
  func at(_ position: String, _ rates: [(Double, Double, Double)]) -> ConditionSummary {
    F.condition(
      [("retriever", "bm25"), ("total", "10"), ("context_position", position)],
      ["subem": rates[0], "context": rates[0], "memory": rates[1], "other": rates[2]])
  }
  let summary = F.summary(
    module: "conflict",
    conditions: [
      at("1", [(0.1, 0.0, 0.2), (0.3, 0.1, 0.5), (0.6, 0.4, 0.8)]),
      at("10", [(0.25, 0.1, 0.4), (0.05, 0.0, 0.1), (0.7, 0.5, 0.9)]),
      F.condition(
        [("baseline", "closed_book")],
        [
          "subem": (0, 0, 0), "context": (0, 0, 0), "memory": (0.4, 0.2, 0.6),
          "other": (0.6, 0.4, 0.8),
        ]
      ),
    ])
  #expect(
    Findings.sentences(for: summary) == [
      "With the counterfactual context at position 1, the answer rates are context 0.100 [0.000, 0.200], memory 0.300 [0.100, 0.500] and other 0.600 [0.400, 0.800].",
      "With the counterfactual context at position 10, the answer rates are context 0.250 [0.100, 0.400], memory 0.050 [0.000, 0.100] and other 0.700 [0.500, 0.900].",
      "Baseline memory rate: closed book 0.400 [0.200, 0.600].",
    ])
}

@Test func permutationsStateSensitivityOrderAccuraciesAndDistinctAnswersPerSet() {
  typealias F = FindingsFixtures
  // Two orders per retriever; with bm25 each question is right in exactly one order and answers
  // differently in the two, with dense every question is right twice with the same answer.
  let conditions = [("bm25", "0"), ("bm25", "1"), ("dense", "0"), ("dense", "1")].map {
    F.condition([("retriever", $0.0), ("order", $0.1)], ["subem": (0.5, 0.5, 0.5)])
  }
  let trials: [(String, Int, Bool, String)] = [
    ("q0", 0, true, "Rome"), ("q0", 1, false, "Milan"),
    ("q1", 0, false, "Lyon"), ("q1", 1, true, "Paris"),
    ("q0", 2, true, "Rome"), ("q0", 3, true, "rome."),
    ("q1", 2, true, "Paris"), ("q1", 3, true, "Paris"),
  ]
  let outcomes = trials.map {
    TrialOutcome(condition: $0.1, questionID: $0.0, answer: $0.3, correct: $0.2)
  }
  let summary = F.summary(module: "permutations", conditions: conditions, outcomes: outcomes)
  #expect(
    Findings.sentences(for: summary) == [
      "With bm25, the sensitivity rate is 1.000 [1.000, 1.000]: the share of the 2 questions right in some orders and wrong in others.",
      "With bm25, mean accuracy over orders is 0.500 [0.500, 0.500]; each question's best order gives 1.000 [1.000, 1.000] and its worst 0.000 [0.000, 0.000].",
      "With bm25, a question gets 2.000 distinct answers over its 2 orders on average.",
      "With dense, the sensitivity rate is 0.000 [0.000, 0.000]: the share of the 2 questions right in some orders and wrong in others.",
      "With dense, mean accuracy over orders is 1.000 [1.000, 1.000]; each question's best order gives 1.000 [1.000, 1.000] and its worst 1.000 [1.000, 1.000].",
      "With dense, a question gets 1.000 distinct answers over its 2 orders on average.",
    ])
}

@Test func passageCountKeepsTheSweepSentences() {
  var summary = Fixtures.sweep()
  summary.report = ModuleRegistry.report(module: "passage_count", specYAML: "")
  let sentences = Findings.sentences(for: summary)
  #expect(sentences.count == 2)
  #expect(sentences[0].hasPrefix("With bm25, accuracy keeps rising with k, from 0.200 at k = 1"))
  #expect(
    sentences[1].hasPrefix(
      "At k = 8, dense is the best retriever with accuracy 0.420 [0.320, 0.520] against 0.400 for bm25"
    ))
  #expect(sentences[1].contains("stays 0.480 below its recall@8 of 0.900"))
}

@Test func strategiesFindingsNeedThePerQuestionOutcomesToPairStrategies() {
  typealias F = FindingsFixtures
  let conditions = [("retrieval", 0.3), ("interleave", 0.4)].map {
    F.condition(
      [("k", "5"), ("retriever", "bm25"), ("strategy", $0.0)],
      ["subem": ($0.1, $0.1 - 0.1, $0.1 + 0.1)])
  }
  var summary = F.summary(module: "passage_count", conditions: conditions)
  summary.report = ModuleReport(figures: [], notes: [], findings: [.strategies(StrategyFinding())])
  // Means alone pair nothing: the paired sentences (NotebookComparisonTests) read the outcomes.
  #expect(summary.report?.needsTrialOutcomes == true)
  #expect(
    Findings.sentences(for: summary).first?.hasPrefix("No strategy could be compared") == true)
}

@Test func findingsWithoutNumbersFallBackToTheBestAndWorstCondition() {
  let summary = FindingsFixtures.summary(
    module: "gold_position",
    conditions: [
      FindingsFixtures.condition([("order", "forward")], ["subem": (0.6, 0.4, 0.8)], n: 10),
      FindingsFixtures.condition([("order", "reverse")], ["subem": (0.2, 0.1, 0.3)], n: 10),
    ])
  #expect(
    Findings.sentences(for: summary).first
      == "The best condition is order=forward with accuracy 0.600 [0.400, 0.800] over 10 questions; the worst is order=reverse with 0.200."
  )
}

@Test func tiedExtremePositionsAreAllNamedWithTheirIntervals() {
  typealias F = FindingsFixtures
  func at(_ position: String, _ v: (Double, Double, Double)) -> ConditionSummary {
    F.condition([("total", "20"), ("gold_position", position)], ["subem": v])
  }
  // One group (no opening): positions 1 and 20 tie at the top (0.2), 5 and 10 at the bottom
  // (0.04); both pairs are named.
  let summary = F.summary(
    module: "gold_position",
    conditions: [
      at("1", (0.2, 0.04, 0.36)), at("5", (0.04, 0.0, 0.12)), at("10", (0.04, 0.0, 0.1)),
      at("20", (0.2, 0.08, 0.4)),
    ], outcomes: [])
  let sentence = Findings.positionExtremes(
    PositionFinding(positionKey: "gold_position", subject: "the gold passage"), summary)
  #expect(
    sentence == [
      "Accuracy is highest with the gold passage at positions 1 (0.200 [0.040, 0.360]) and 20 (0.200 [0.080, 0.400]) and lowest at positions 5 (0.040 [0.000, 0.120]) and 10 (0.040 [0.000, 0.100])."
    ])
}
