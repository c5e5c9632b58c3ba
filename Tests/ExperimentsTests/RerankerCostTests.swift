import Foundation
import Inference
import Testing

@testable import Experiments

/// The first SQuAD-dev question and the first `k` paragraphs of its article.
private func squadList(k: Int) throws -> (question: String, passages: [Passage]) {
  let path = try AssetPaths.require("data/squad/squaddev_v1.1.json", what: "SQuAD dev set")
  let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
  guard let articles = (json as? [String: Any])?["data"] as? [[String: Any]],
    let title = articles.first?["title"] as? String,
    let paragraphs = articles.first?["paragraphs"] as? [[String: Any]],
    let question = (paragraphs.first?["qas"] as? [[String: Any]])?.first?["question"] as? String
  else { throw RerankerError(description: "unexpected SQuAD layout in \(path)") }
  let passages = paragraphs.prefix(k).enumerated().map { i, p in
    Passage(id: "\(i)", title: title, text: p["context"] as? String ?? "")
  }
  return (question, passages)
}

/// The re-rankers' cost on SQuAD passages with SmolLM2 (`RAGLAB_RERANK_BENCH=1`; a measurement
/// for docs/experiments.md, so off in ordinary runs).
@Test(.enabled(if: ProcessInfo.processInfo.environment["RAGLAB_RERANK_BENCH"] == "1"))
func rerankerCostOnSquadPassages() throws {
  let model = try LanguageModel.load(path: try defaultModelPath())
  let generator = try InProcessGenerator(model: model)
  for name in Rerankers.names {
    let scorer = try Rerankers.scorer(named: name, generator: generator, prompt: PromptSpec())
    for k in [5, 10] {
      let (question, passages) = try squadList(k: k)
      let runs = try (0..<3).map { _ in try scorer.scores(question: question, passages: passages) }
      let seconds = runs.map(\.seconds).sorted()[1]
      let tokens = runs[0].promptTokens
      print(
        "rerank cost \(name) k=\(k): \(tokens) prompt tokens, median \(seconds) s, "
          + "\(Int(Double(tokens) / seconds)) tokens/s")
      #expect(runs.allSatisfy { $0.promptTokens == tokens && $0.scores.count == k })
    }
  }
}
