import Corpus
import Foundation
import Store

/// Question details and recall@k judgements for reports, read from the corpus tables.
///
/// A trial is a recall hit when its shown passages hold a gold passage id, or — for datasets
/// without gold ids — a normalised gold answer (the Corpus target's `Recall.isHit`). A dataset
/// that is not in the database yields no questions, so reports simply omit recall.
public final class CorpusQuestionCatalog: QuestionCatalog, @unchecked Sendable {
  private let store: CorpusStore
  private let lock = NSLock()
  private var questions: [String: [String: QuestionRecord]] = [:]
  private var texts: [String: String] = [:]  // normalised passage texts

  /// Reads from `database`'s corpus tables.
  public init(database: LabDatabase) {
    self.store = CorpusStore(database)
  }

  public func question(dataset: String, id: String) throws -> CatalogQuestion? {
    try record(dataset: dataset, id: id)
  }

  public func isRecallHit(dataset: String, question: CatalogQuestion, passageIDs: [String]) throws
    -> Bool
  {
    let record = QuestionRecord(
      id: question.id, text: question.text, answers: question.answers,
      goldPassageIDs: question.goldPassageIDs)
    let ranking = passageIDs.map { ScoredPassage(passageID: $0, score: 0) }
    return try Recall.isHit(record, ranking: ranking, k: ranking.count) { id in
      try self.normalizedText(dataset: dataset, passageID: id)
    }
  }

  public func passages(dataset: String, ids: [String]) throws -> [PassageRecord] {
    let found = try store.passages(dataset: dataset, ids: ids)
    let byID = Dictionary(found.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    return ids.compactMap { byID[$0] }
  }

  /// The stored question, loading the dataset's questions once (nil when the dataset is absent).
  private func record(dataset: String, id: String) throws -> QuestionRecord? {
    try lock.withLock {
      if questions[dataset] == nil {
        let all =
          (try? store.dataset(named: dataset)) != nil
          ? try store.questions(dataset: dataset) : []
        questions[dataset] = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
      }
      return questions[dataset]?[id]
    }
  }

  /// A passage's SQuAD-normalised text (what answer-in-passage recall compares), cached.
  private func normalizedText(dataset: String, passageID: String) throws -> String {
    let key = dataset + "\u{0}" + passageID
    if let text = lock.withLock({ texts[key] }) { return text }
    let text = SquadNormalizer.normalize(
      try store.passages(dataset: dataset, ids: [passageID]).first?.text ?? "")
    lock.withLock { texts[key] = text }
    return text
  }
}
