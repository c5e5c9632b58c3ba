import Foundation

@testable import Reports

/// Small hand-made summaries shared by the tests.
enum Fixtures {
  /// A k-sweep over two retrievers; by default `bm25` keeps rising and `dense` rises then falls.
  static func sweep(
    bm25: [Double] = [0.20, 0.30, 0.35, 0.40],
    dense: [Double] = [0.30, 0.45, 0.50, 0.42],
    recall: [String: [Double]] = [
      "bm25": [0.40, 0.55, 0.65, 0.73], "dense": [0.55, 0.75, 0.85, 0.90],
    ],
    name: String = "sweep"
  ) -> ExperimentSummary {
    let ks = [1, 2, 4, 8]
    var conditions: [ConditionSummary] = []
    for (retriever, values) in [("bm25", bm25), ("dense", dense)] {
      for (index, k) in ks.enumerated() {
        let value = values[index]
        let metrics = [
          "subem": Estimate(value: value, low: max(0, value - 0.1), high: min(1, value + 0.1)),
          "em": Estimate(value: value / 2, low: value / 2 - 0.05, high: value / 2 + 0.05),
          "f1": Estimate(value: value * 0.8, low: value * 0.8 - 0.07, high: value * 0.8 + 0.07),
        ]
        let r = recall[retriever].map {
          Estimate(value: $0[index], low: $0[index] - 0.05, high: $0[index] + 0.05)
        }
        conditions.append(
          ConditionSummary(
            keys: [ConditionKey("retriever", retriever), ConditionKey("k", "\(k)")], n: 40,
            metrics: metrics, recall: r))
      }
    }
    return ExperimentSummary(
      name: name,
      specYAML: "name: \(name)\nmodule:\n  passage_count:\n    k: [1, 2, 4, 8]\n",
      provenance: Provenance(
        specHash: "5eedc0de", modelSHA256: "b179c952db53", dataChecksum: "45089eff523a",
        gitCommit: "4c5d508", startedAt: Date(timeIntervalSince1970: 1_700_000_000),
        finishedAt: Date(timeIntervalSince1970: 1_700_000_900), trialCount: 320),
      conditions: conditions)
  }

  /// A fresh empty temporary folder.
  static func temporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "raglab-reports-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }
}
