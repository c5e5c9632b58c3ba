import Corpus
import Foundation
import Store

/// Builds a run's inputs from the lab database: imports the spec's dataset if it is not there yet,
/// samples its questions (seeded), and wraps the corpus retrievers as `PassageRanker`s.
public enum CorpusInputs {
  /// Inputs for `spec` from `database`; `makeRetriever` builds retrievers other than BM25 (e.g. dense).
  /// - Throws: `MissingAssetError` when the dataset file is absent, `RunError` when it is unreadable
  ///   or a retriever is unavailable, `DatasetMismatchError` when the database holds another file
  ///   under the spec's dataset name.
  public static func load(
    spec: ExperimentSpec, database: LabDatabase,
    makeRetriever: (String, CorpusStore, String) throws -> (any Retriever)? = { _, _, _ in nil }
  ) throws -> ExperimentInputs {
    let store = CorpusStore(database)
    let name = spec.dataset.name
    let info = try dataset(spec.dataset, in: store)
    let records = try store.questions(
      dataset: name, limit: spec.dataset.limit,
      seed: spec.dataset.limit == nil ? nil : spec.dataset.seed)
    var rankers: [String: any PassageRanker] = [:]
    for retriever in spec.retrievers {
      let base: any Retriever
      if retriever == "bm25" {
        base = BM25Retriever(store: store, dataset: name)
      } else if let made = try makeRetriever(retriever, store, name) {
        base = made
      } else {
        throw RunError("retriever '\(retriever)' is not available in this build")
      }
      rankers[retriever] = CorpusRanker(
        retriever: CachedRetriever(base, store: store, dataset: name), store: store, dataset: name)
    }
    let questions = records.map {
      Question(
        id: $0.id, text: $0.text, answers: $0.answers, goldPassageIDs: $0.goldPassageIDs,
        memoryAnswers: $0.memoryAnswers, fileContexts: $0.fileContexts)
    }
    return ExperimentInputs(
      questions: questions, dataChecksum: info.checksum, rankers: rankers,
      corpus: CorpusPassageSource(store: store, dataset: name))
  }

  /// The stored dataset `dataset` names, imported from its file on first use; a stored dataset of
  /// that name must come from a file with the same checksum and format.
  private static func dataset(_ dataset: DatasetSpec, in store: CorpusStore) throws -> DatasetInfo {
    guard let format = DatasetFormat(rawValue: dataset.format) else {
      throw RunError("dataset format '\(dataset.format)' cannot be imported")
    }
    let what = "dataset '\(dataset.name)'"
    let path = try AssetPaths.require(dataset.path, what: what)
    if let problem = FileAccess.problem(path, kind: format == .beir ? .folder : .file) {
      throw RunError("cannot read \(what) at \(path): \(problem.reason)")
    }
    let checksum = try DatasetImporter.checksum(format: format, path: path)
    guard let existing = try store.dataset(named: dataset.name) else {
      return try DatasetImporter.importDataset(
        format: format, path: path, options: ImportOptions(name: dataset.name), into: store
      ).dataset
    }
    guard existing.checksum == checksum, existing.kind == format.rawValue else {
      throw DatasetMismatchError(
        name: dataset.name,
        stored: (existing.kind, existing.sourcePath, existing.checksum),
        spec: (format.rawValue, path, checksum), database: store.database.path)
    }
    return existing
  }
}

/// A corpus `Retriever` seen as a `PassageRanker`: ranked ids turned into passages with titles and text.
struct CorpusRanker: PassageRanker {
  let retriever: any Retriever
  let store: CorpusStore
  let dataset: String

  var name: String { retriever.name }

  func rank(_ question: Question, depth: Int) throws -> [Passage] {
    let record = QuestionRecord(
      id: question.id, text: question.text, answers: question.answers, goldPassageIDs: [])
    let ids = try retriever.retrieve(question: record, depth: depth).map(\.passageID)
    return try store.passages(dataset: dataset, ids: ids).map {
      Passage(id: $0.id, title: $0.title, text: $0.text)
    }
  }
}
