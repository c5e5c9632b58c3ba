import ArgumentParser
import Corpus
import Foundation
import Store

/// The options every `recall` command shares: cut-offs and an optional seeded question sample.
struct RecallOptions: ParsableArguments {
  @Option(help: "Comma-separated cut-offs (each 1...1048576).")
  var k = "1,5,20"

  @Option(help: "Evaluate only this many questions (a seeded sample; 1 or more).")
  var limit: Int?

  @Option(help: "Seed of the question sample.")
  var seed: UInt64 = 0

  func validate() throws {
    _ = try cutoffs()
    if let limit { try OptionCheck.require(limit, in: 1...Int.max, "--limit") }
  }

  /// The cut-offs as positive integers.
  /// - Throws: `ValidationError` when `--k` is not a list of integers in 1...2^20.
  func cutoffs() throws -> [Int] {
    try OptionCheck.integerList(k, in: 1...OptionCheck.countLimit, "--k", example: "1,5,20")
  }

  /// The questions to evaluate: all of the dataset, or the seeded sample `--limit` asks for.
  func questions(_ store: CorpusStore, dataset: String) throws -> [QuestionRecord] {
    try store.questions(dataset: dataset, limit: limit, seed: limit == nil ? nil : seed)
  }

  /// Prints recall@k for each cut-off and the retrieval time.
  func report(
    _ rankings: [(question: QuestionRecord, ranking: [ScoredPassage])], cutoffs: [Int],
    retriever: String, store: CorpusStore, dataset: String, seconds: Double
  ) throws {
    for recall in try Recall.evaluate(rankings, ks: cutoffs, store: store, dataset: dataset) {
      let value = String(format: "%.4f", recall.value)
      print("\(retriever) recall@\(recall.k) = \(value) (\(recall.hits)/\(recall.total))")
    }
    print(String(format: "%d questions retrieved in %.2f s", rankings.count, seconds))
  }
}
