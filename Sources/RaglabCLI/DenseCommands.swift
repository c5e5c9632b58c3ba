import ArgumentParser
import Corpus
import Experiments
import Foundation
import Inference
import Reports
import Store

/// `raglab dense …`: build a dataset's MiniLM embedding index and measure dense recall.
struct DenseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dense",
    abstract: "Dense retrieval with all-MiniLM-L6-v2: embed a dataset's passages, measure recall.",
    subcommands: [DenseIndex.self, DenseRecall.self])
}

/// Options naming the sentence encoder.
struct EncoderOption: ParsableArguments {
  @Option(
    help: "The sentence-transformers model folder (default: $RAGLAB_HOME/models/all-MiniLM-L6-v2).")
  var modelDir: String?

  @Option(help: "Passages per forward pass (1...1024).")
  var batchSize = 32

  func validate() throws {
    try OptionCheck.require(batchSize, in: 1...1024, "--batch-size")
  }

  /// Loads the encoder from `modelDir` or the default installed location.
  func load() throws -> SentenceEncoder {
    try SentenceEncoder.load(
      directory: modelDir ?? AssetPaths.resolve("models/all-MiniLM-L6-v2"))
  }
}

/// `raglab dense index`.
struct DenseIndex: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "index",
    abstract:
      "Embed every passage of a dataset once (resumes an interrupted run) and report the rate.")

  @Argument(help: "Dataset name.")
  var dataset: String

  @OptionGroup var encoderOptions: EncoderOption
  @OptionGroup var database: DatabaseOption

  func run() throws {
    let store = try database.openExisting()
    let encoder = try encoderOptions.load()
    let bar = ProgressBar(total: 0, label: "embedding \(dataset)")
    let started = Date()
    let index = try DenseIndexBuilder.build(
      store: store, dataset: dataset, encoder: encoder, batchSize: encoderOptions.batchSize,
      progress: { bar.update(done: $0, total: $1) })
    bar.finish()
    let seconds = Date().timeIntervalSince(started)
    print(
      "\(encoder.name) index of \(dataset): \(index.storedCount)/\(index.passageCount) passages, "
        + String(format: "%.1f s", seconds)
        + (bar.snapshot.total > 0
          ? String(format: ", %.1f passages/s", Double(bar.snapshot.total) / seconds)
          : " (already complete)"))
  }
}

/// `raglab dense recall`.
struct DenseRecall: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "recall",
    abstract: "Measure dense recall@k on a dataset (embeds it first if needed).")

  @Argument(help: "Dataset name.")
  var dataset: String

  @OptionGroup var recall: RecallOptions
  @OptionGroup var encoderOptions: EncoderOption
  @OptionGroup var database: DatabaseOption

  func run() throws {
    let ks = try recall.cutoffs()
    let store = try database.openExisting()
    let bar = ProgressBar(total: 0, label: "embedding \(dataset)")
    let dense = try DenseRetriever.open(
      store: store, dataset: dataset, encoder: try encoderOptions.load(),
      batchSize: encoderOptions.batchSize, progress: { bar.update(done: $0, total: $1) })
    bar.finish()
    let retriever = CachedRetriever(dense, store: store, dataset: dataset)
    let questions = try recall.questions(store, dataset: dataset)
    let depth = ks.max()!
    let started = Date()
    let questionBar = ProgressBar(total: questions.count, label: "retrieving")
    var rankings: [(question: QuestionRecord, ranking: [ScoredPassage])] = []
    for (index, question) in questions.enumerated() {
      rankings.append((question, try retriever.retrieve(question: question, depth: depth)))
      if (index + 1) % 50 == 0 || index + 1 == questions.count {
        questionBar.update(done: index + 1)
      }
    }
    questionBar.finish()
    try recall.report(
      rankings, cutoffs: ks, retriever: dense.name, store: store, dataset: dataset,
      seconds: Date().timeIntervalSince(started))
  }
}
