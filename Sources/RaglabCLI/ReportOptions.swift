import ArgumentParser
import Reports

/// Options shared by the commands that read stored results (`plot`, `report`, `results`, `inspect`).
struct ReportOptions: ParsableArguments {
  @Option(name: .long, help: "The results database.")
  var db: String = "runs/lab.sqlite"

  /// The stored experiments, with the corpus tables of the same database as question catalog
  /// (question text, gold answers, recall@k).
  func experiments() throws -> StoredExperiments {
    var experiments = try StoredExperiments.open(path: db)
    experiments.catalog = CorpusQuestionCatalog(database: experiments.store.database)
    return experiments
  }
}

extension ResultsFormat: ExpressibleByArgument {}
