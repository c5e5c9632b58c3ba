import Experiments
import Foundation
import Store
import Testing

@testable import Reports

/// Per (k, strategy) the SubEM of questions q0…q9 (nil: no trial), all with retriever bm25.
///
/// Worked out by hand, against `retrieval` at the same k:
/// - k 5 `reverse`: 0.0 vs 0.5, difference −0.5, only retrieval right 5, only reverse 0,
///   McNemar p = 2·2⁻⁵ = 0.0625;
/// - k 5 `gold_first`: 0.9, difference +0.4, discordant 0 / 4, p = 2·2⁻⁴ = 0.125;
/// - k 5 `interleave` (q9 missing): 5/9, paired on q0…q8 where retrieval has 5/9 too, difference
///   0, discordant 1 / 1 (q4 / q5), p = min(1, 2·P(X ≤ 1 | n = 2)) = 1;
/// - k 10 `reverse`: 1.0 vs 0.0, difference +1 (every question: interval [1, 1]), discordant
///   0 / 10, p = 2·2⁻¹⁰ = 0.001953125.
/// Holm over the 4 p-values (0.0625, 0.125, 1, 0.001953125): sorted 4·0.001953125 = 0.0078125,
/// 3·0.0625 = 0.1875, 2·0.125 = 0.25, 1 → in row order 0.1875, 0.25, 1, 0.0078125.
private let handExample: [(k: Int, strategy: String, subem: [Double?])] = [
  (5, "retrieval", [1, 1, 1, 1, 1, 0, 0, 0, 0, 0]),
  (5, "reverse", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
  (5, "gold_first", [1, 1, 1, 1, 1, 1, 1, 1, 1, 0]),
  (5, "interleave", [1, 1, 1, 1, 0, 1, 0, 0, 0, nil]),
  (10, "retrieval", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
  (10, "reverse", [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
]

/// Stores `conditions` as experiment `name` (keys `{k, retriever, strategy}`, module `reorder`)
/// in a fresh database; F1 is half the SubEM.
private func storeStrategies(
  _ conditions: [(k: Int, strategy: String, subem: [Double?])], name: String = "strategies"
) throws -> (folder: String, db: String, store: ResultsStore) {
  let folder = try Fixtures.temporaryFolder()
  let db = "\(folder)/lab.sqlite"
  let store = ResultsStore(database: try LabDatabase.open(path: db))
  let (experiment, _) = try store.beginExperiment(
    ExperimentRecord(
      name: name, specYAML: "name: \(name)\n", specHash: "c0ffee", modelSHA256: "m",
      dataChecksum: "d", gitCommit: "abc", raglabVersion: "0",
      startedAt: Date(timeIntervalSince1970: 1_700_000_000), module: "reorder"))
  let id = experiment.id!
  for (position, condition) in conditions.enumerated() {
    let keys =
      "{\"k\":\(condition.k),\"retriever\":\"bm25\",\"strategy\":\"\(condition.strategy)\"}"
    let stored = try store.condition(experimentId: id, keysJSON: keys, position: position)
    for (q, subem) in condition.subem.enumerated() {
      guard let subem else { continue }
      try store.record(
        TrialRecord(
          experimentId: id, conditionId: stored.id!, questionId: "q\(q)", passageIdsJSON: "[]",
          promptHash: "p", promptTokenCount: 10, answer: "a", outputTokensJSON: "[]",
          logprobsJSON: "[]", metricsJSON: "{\"f1\":\(subem / 2),\"subem\":\(subem)}",
          prefillSeconds: 0, generateSeconds: 0, fromCache: false))
    }
  }
  return (folder, db, store)
}

/// The comparison of the stored hand example.
private func handComparison(_ finding: StrategyFinding = StrategyFinding()) throws
  -> StrategyComparison
{
  let (folder, _, store) = try storeStrategies(handExample)
  defer { try? FileManager.default.removeItem(atPath: folder) }
  let experiments = StoredExperiments(database: store.database)
  return try experiments.strategyComparison(
    of: experiments.record(named: "strategies"), finding)
}

@Test func compareRowsEqualTheHandComputedExample() throws {
  let comparison = try handComparison()
  let rows = comparison.rows
  #expect(rows.map(\.strategy) == handExample.map(\.strategy))
  let groups = rows.map { $0.group.map(\.value) }
  #expect(
    groups == [
      ["bm25", "5"], ["bm25", "5"], ["bm25", "5"], ["bm25", "5"], ["bm25", "10"], ["bm25", "10"],
    ])
  #expect(rows.map(\.n) == [10, 10, 10, 9, 10, 10])
  let accuracies = [0.5, 0.0, 0.9, 5.0 / 9.0, 0.0, 1.0]
  for (row, accuracy) in zip(rows, accuracies) {
    #expect(abs(row.accuracy.value - accuracy) < 1e-12, "\(row.strategy) k \(row.group)")
    #expect(row.accuracy.low <= row.accuracy.value && row.accuracy.value <= row.accuracy.high)
  }
  #expect(rows.map(\.isBaseline) == [true, false, false, false, true, false])
  #expect(rows[0].paired == nil && rows[4].paired == nil)
  let paired = rows.compactMap(\.paired)
  #expect(paired.map(\.questions) == [10, 10, 9, 10])
  let differences = [-0.5, 0.4, 0.0, 1.0]
  for (comparison, difference) in zip(paired, differences) {
    #expect(abs(comparison.difference.value - difference) < 1e-12)
  }
  #expect(paired[3].difference.low == 1 && paired[3].difference.high == 1)
  #expect(paired.map(\.onlyBaseline) == [5, 0, 1, 0])
  #expect(paired.map(\.onlyStrategy) == [0, 4, 1, 10])
  #expect(paired.map(\.pValue) == [0.0625, 0.125, 1, 0.001953125])
  #expect(paired.map(\.holmPValue) == [0.1875, 0.25, 1, 0.0078125])
}

@Test func compareThresholdsAContinuousMetricAtOneHalfForMcNemar() throws {
  // F1 is half the SubEM here: 0.5 counts as right, so McNemar sees the SubEM pattern.
  let comparison = try handComparison(StrategyFinding(metric: "f1"))
  let paired = comparison.rows.compactMap(\.paired)
  #expect(abs(paired[0].difference.value + 0.25) < 1e-12)
  #expect(paired.map(\.onlyBaseline) == [5, 0, 1, 0])
  #expect(paired.map(\.onlyStrategy) == [0, 4, 1, 10])
  #expect(comparison.rightAt == 0.5)
}

@Test func compareIsSeededSoRerunsPrintTheSameNumbers() throws {
  let first = try handComparison()
  let second = try handComparison()
  #expect(first == second)
  #expect(ComparisonView.render(first, as: .json) == ComparisonView.render(second, as: .json))
  #expect(first.rows[1].accuracy.low < first.rows[0].accuracy.value)
}

@Test func compareRefusesAnExperimentWithoutStrategies() throws {
  let folder = try Fixtures.temporaryFolder()
  defer { try? FileManager.default.removeItem(atPath: folder) }
  let store = ResultsStore(database: try LabDatabase.open(path: "\(folder)/lab.sqlite"))
  try storeExperiment(store, name: "sweep", specHash: "5eed")
  let experiments = StoredExperiments(database: store.database)
  #expect(
    throws: ComparisonError.noStrategyKey(
      experiment: "sweep", module: nil, key: "strategy", keys: ["retriever", "k"])
  ) {
    try experiments.strategyComparison(of: experiments.record(named: "sweep"), StrategyFinding())
  }
}

@Test func compareRefusesAMissingBaselineAndAnUnknownMetricListingWhatThereIs() throws {
  #expect(
    throws: ComparisonError.noBaseline(
      experiment: "strategies", baseline: "random",
      strategies: ["retrieval", "reverse", "gold_first", "interleave"])
  ) { try handComparison(StrategyFinding(baseline: "random")) }
  #expect(
    throws: ComparisonError.unknownMetric(
      experiment: "strategies", metric: "em", stored: ["subem", "f1"])
  ) { try handComparison(StrategyFinding(metric: "em")) }
}

@Test func compareCommandPrintsTheTableAndExplainsBadInput() throws {
  let (folder, db, _) = try storeStrategies(handExample)
  defer { try? FileManager.default.removeItem(atPath: folder) }
  let table = try RaglabProcess.run(["compare", "strategies", "--db", db])
  #expect(table.status == 0, "\(table.errors)")
  #expect(table.output.contains("Holm p"), "\(table.output)")
  #expect(table.output.contains("+1.000 [1.000, 1.000]"), "\(table.output)")
  let csv = try RaglabProcess.run(["compare", "strategies", "--format", "csv", "--db", db])
  #expect(
    csv.output.contains(
      "bm25,10,reverse,reverse,false,10,1.0000,1.0000,1.0000,"
        + "1.0000,1.0000,1.0000,10,0,10,0.001953125,0.0078125"), "\(csv.output)")
  let again = try RaglabProcess.run(["compare", "strategies", "--format", "csv", "--db", db])
  #expect(again.output == csv.output)
  let baseline = try RaglabProcess.run([
    "compare", "strategies", "--baseline", "random", "--db", db,
  ])
  #expect(baseline.status != 0)
  #expect(baseline.errors.contains("its strategies are retrieval, reverse, gold_first, interleave"))
  let metric = try RaglabProcess.run(["compare", "strategies", "--metric", "em", "--db", db])
  #expect(metric.status != 0)
  #expect(metric.errors.contains("its trials store subem, f1; pass one with --metric"))
  let unknown = try RaglabProcess.run(["compare", "nothing", "--db", db])
  #expect(unknown.status != 0)
  #expect(unknown.errors.contains("no experiment named nothing"))
}
