import ArgumentParser
import Corpus
import Experiments
import Foundation
import Store

/// `raglab data …`: import datasets into the lab database, list them, measure retrieval recall.
struct DataCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "data",
    abstract: "Import and inspect datasets (SQuAD JSON, Lost-in-the-Middle JSONL, BEIR).",
    subcommands: [DataImport.self, DataList.self, DataRecall.self])
}

extension DatasetFormat: ExpressibleByArgument {}

/// Options shared by the data commands.
struct DatabaseOption: ParsableArguments {
  @Option(name: .long, help: "The lab database file.")
  var db = LabDatabase.defaultPath

  /// Opens the corpus store of `db`, creating the database if needed (for imports).
  func open() throws -> CorpusStore {
    CorpusStore(try LabDatabase.open(path: db))
  }

  /// Opens the corpus store of an existing `db` for reading and writing caches.
  func openExisting() throws -> CorpusStore {
    CorpusStore(try LabDatabase.open(path: db, mustExist: true))
  }

  /// Opens the corpus store of an existing `db` read-only.
  func openForReading() throws -> CorpusStore {
    CorpusStore(try LabDatabase.openForReading(path: db))
  }
}

/// `raglab data import`.
struct DataImport: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Import a data file (or BEIR folder) as a dataset, all or nothing.",
    discussion: """
      Examples:
        raglab data import --format squad ~/.cache/raglab/data/squad/squaddev_v1.1.json --name squad-dev
        raglab data import --format litm nq-open-oracle.jsonl.gz
        raglab data import --format beir datasets/scifact
        raglab data import --format conflict ~/.cache/raglab/data/knowledge-conflicts/task.json --name knowledge-conflicts
      """)

  @Option(
    help: ArgumentHelp(
      "squad (SQuAD v1.1 JSON), litm (Lost-in-the-Middle/DPR JSONL or .jsonl.gz), beir (folder), "
        + "conflict (BIG-bench knowledge-conflicts task.json)."))
  var format: DatasetFormat = .squad

  @Argument(help: "The data file, or the BEIR folder.")
  var path: String

  @Option(help: "Dataset name (default: the file name without .json/.jsonl/.gz).")
  var name: String?

  @Flag(help: "Skip malformed lines and count them instead of failing.")
  var skipBad = false

  @Flag(
    help: "Replace a dataset of the same name with its passages, questions and cached rankings.")
  var replace = false

  @OptionGroup var database: DatabaseOption

  func run() throws {
    let name = self.name ?? DatasetImporter.defaultName(format: format, path: path)
    if let problem = NameRule.problem(name) {
      throw ValidationError(
        "dataset name '\(name.debugDescription.dropFirst().dropLast())' \(problem)")
    }
    let store = try database.open()
    let summary = try DatasetImporter.importDataset(
      format: format, path: path,
      options: ImportOptions(name: name, skipBad: skipBad, replace: replace), into: store)
    let dataset = summary.dataset
    print(
      "imported \(dataset.name) (\(dataset.kind)) into \(database.db): \(dataset.passageCount) passages, "
        + "\(dataset.questionCount) questions, \(dataset.skippedCount) skipped, "
        + "\(summary.duplicatePassages) duplicate passages merged, "
        + String(format: "%.2f s", summary.seconds))
    print("sha256 \(dataset.checksum)  \(dataset.sourcePath)")
    for example in summary.skippedExamples { print("skipped: \(example)") }
    if dataset.skippedCount > summary.skippedExamples.count {
      print("skipped: … and \(dataset.skippedCount - summary.skippedExamples.count) more")
    }
  }
}

/// `raglab data list`.
struct DataList: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the imported datasets with their counts and checksums.")

  @OptionGroup var database: DatabaseOption

  func run() throws {
    let datasets = try database.openForReading().datasets()
    guard !datasets.isEmpty else {
      print("no datasets in \(database.db); add one with `raglab data import`")
      return
    }
    let header = [
      "name", "kind", "passages", "questions", "skipped", "imported (UTC)", "sha256", "source",
    ]
    let formatter = ISO8601DateFormatter()
    let rows = datasets.map { d in
      [
        d.name, d.kind, "\(d.passageCount)", "\(d.questionCount)", "\(d.skippedCount)",
        formatter.string(from: d.importedAt), String(d.checksum.prefix(12)), d.sourcePath,
      ]
    }
    let widths = header.indices.map { column in
      ([header] + rows).map { $0[column].count }.max() ?? 0
    }
    for row in [header] + rows {
      print(
        zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
          .joined(separator: "  ").trimmingCharacters(in: .whitespaces))
    }
  }
}

/// `raglab data recall`.
struct DataRecall: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "recall",
    abstract: "Measure a retriever's recall@k on a dataset (rankings are cached).")

  @Argument(help: "Dataset name.")
  var dataset: String

  @Option(help: "Retriever (bm25).")
  var retriever = "bm25"

  @OptionGroup var recall: RecallOptions
  @OptionGroup var database: DatabaseOption

  func run() throws {
    let ks = try recall.cutoffs()
    guard retriever == "bm25" else {
      throw ValidationError("unknown retriever '\(retriever)'; available: bm25")
    }
    let store = try database.openExisting()
    let base = BM25Retriever(store: store, dataset: dataset)
    let cached = CachedRetriever(base, store: store, dataset: dataset)
    let questions = try recall.questions(store, dataset: dataset)
    let depth = ks.max()!
    let started = Date()
    let ranked = try cached.retrieveAll(questions, depth: depth) { done in
      if done % 1000 == 0 {
        FileHandle.standardError.write(Data("\(done)/\(questions.count) questions\n".utf8))
      }
    }
    let rankings = Array(zip(questions, ranked)).map { (question: $0, ranking: $1) }
    try recall.report(
      rankings, cutoffs: ks, retriever: retriever, store: store, dataset: dataset,
      seconds: Date().timeIntervalSince(started))
  }
}
