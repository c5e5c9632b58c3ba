import ArgumentParser
import Foundation
import Reports
import Store

/// Options shared by the commands that read stored results (`plot`, `report`, `results`, `inspect`).
struct ReportOptions: ParsableArguments {
  @Option(name: .long, help: "The results database.")
  var db: String = "runs/lab.sqlite"

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Read this stored experiment instead of the newest one of NAME.",
      discussion: "Ids are listed by `raglab results NAME --list`.", valueName: "id"))
  var experiment: Int64?

  /// The stored experiments, with the corpus tables of the same database as question catalog
  /// (question text, gold answers, recall@k).
  func experiments() throws -> StoredExperiments {
    var experiments = try StoredExperiments.open(path: db)
    experiments.catalog = CorpusQuestionCatalog(database: experiments.store.database)
    return experiments
  }

  /// The experiment called `name` that `--experiment` (or else recency) picks, announced on stderr
  /// with its id, spec hash, start, trial count and state, and the others of the same name.
  func select(_ name: String, from experiments: StoredExperiments) throws -> ExperimentRecord {
    let selection = try experiments.select(named: name, id: experiment)
    FileHandle.standardError.write(Data("\(selection.message)\n".utf8))
    return selection.record
  }

  /// The summary of the experiment `select` picks; a `stable_rag` one gets its reader's output
  /// head for `centre_token` when the spec's GGUF is installed.
  func summary(_ name: String, from experiments: StoredExperiments) throws -> ExperimentSummary {
    let record = try select(name, from: experiments)
    var experiments = experiments
    experiments.outputHead = OutputHeadLoader.head(specYAML: record.specYAML)
    return try experiments.summary(of: record)
  }
}

extension ResultsFormat: ExpressibleByArgument {}
