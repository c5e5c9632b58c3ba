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

/// The re-rankers' cost on SQuAD passages with SmolLM2, next to a plain prefill of the reader's
/// prompt for the same list, interleaved so machine load hits all three alike
/// (`RAGLAB_RERANK_BENCH=1`; a measurement for docs/experiments.md, off in ordinary runs).
@Test(
  .enabled(
    if: ProcessInfo.processInfo.environment["RAGLAB_RERANK_BENCH"] == "1",
    "a measurement, not a check: RAGLAB_RERANK_BENCH=1 prints the re-rankers' cost"))
func rerankerCostOnSquadPassages() throws {
  let model = try LanguageModel.load(path: try defaultModelPath())
  let generator = try InProcessGenerator(model: model)
  let icr = try AttentionScorer(generator: generator, prompt: PromptSpec())
  let first = try FirstTokenScorer(generator: generator, chat: true)
  let reader = model.makeSession(contextLength: generator.contextLength)
  for k in [5, 10] {
    let (question, passages) = try squadList(k: k)
    // the reader appends its prompt segment by segment, as the scorers do
    let segments = icr.segments(question: question, passages: passages).all
      .map { model.tokenizer.encode($0) }
    let promptCount = segments.reduce(0) { $0 + $1.count }
    var seconds: [String: [Double]] = [:]
    var tokens: [String: Int] = ["prefill": promptCount]
    for _ in 0..<3 {
      for scorer in [icr, first] as [any PassageScorer] {
        let result = try scorer.scores(question: question, passages: passages)
        #expect(result.scores.count == k)
        seconds[scorer.name, default: []].append(result.seconds)
        tokens[scorer.name] = result.promptTokens
      }
      reader.truncate(to: 0)
      let began = Date()
      for segment in segments { try reader.append(segment) }
      seconds["prefill", default: []].append(Date().timeIntervalSince(began))
    }
    let median = seconds.mapValues { $0.sorted()[1] }
    for name in ["attention", "first_token", "prefill"] {
      let ratio = median[name]! / median["prefill"]!
      print(
        "rerank cost k=\(k) \(name): \(tokens[name]!) prompt tokens, median "
          + String(format: "%.2f s (%.2f× the reader prefill)", median[name]!, ratio))
    }
    #expect(tokens["attention"]! > promptCount)
  }
}
