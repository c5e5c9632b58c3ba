import ArgumentParser
import Reports

/// Options shared by the commands that read stored results (`plot`, `report`, `results`, `inspect`).
struct ReportOptions: ParsableArguments {
  @Option(name: .long, help: "The results database.")
  var db: String = "runs/lab.sqlite"

  /// The stored experiments, with a corpus catalog for recall@k and question text when available.
  func experiments() throws -> StoredExperiments {
    try StoredExperiments.open(path: db, catalog: ReportCatalog.make(databasePath: db))
  }
}

/// Where reports get question text, gold answers and recall@k from.
enum ReportCatalog {
  /// A corpus-backed `QuestionCatalog` for the database at `databasePath`.
  ///
  /// Integration point: once the Corpus store is merged, return an adapter over
  /// `CorpusStore.questions(dataset:)` and `Recall.isHit` here. Until then reports show no
  /// recall@k and `inspect` shows question ids without text.
  static func make(databasePath: String) -> (any QuestionCatalog)? {
    nil
  }
}

extension ResultsFormat: ExpressibleByArgument {}
