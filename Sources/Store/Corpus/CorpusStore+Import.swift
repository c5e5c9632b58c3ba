import Foundation
import GRDB

/// What identifies a dataset before its rows are written.
public struct DatasetSource: Sendable, Hashable {
  /// Unique dataset name.
  public var name: String
  /// Source format (`squad`, `litm`, `beir`).
  public var kind: String
  /// File or folder imported, as given.
  public var sourcePath: String
  /// SHA-256 (hex) of the source.
  public var checksum: String

  /// Describes the dataset about to be imported.
  public init(name: String, kind: String, sourcePath: String, checksum: String) {
    self.name = name
    self.kind = kind
    self.sourcePath = sourcePath
    self.checksum = checksum
  }
}

/// Receives the rows of one import; valid only inside `CorpusStore.importDataset`'s closure.
public final class CorpusImportWriter {
  private let db: Database
  private let datasetID: Int64
  /// Passages written so far.
  public private(set) var passageCount = 0
  /// Questions written so far.
  public private(set) var questionCount = 0
  /// Malformed lines or entries the importer skipped (recorded with the dataset).
  public var skippedCount = 0

  init(db: Database, datasetID: Int64) {
    self.db = db
    self.datasetID = datasetID
  }

  /// Adds a passage.
  /// - Returns: `false` (and writes nothing) when the dataset already has a passage with this id.
  @discardableResult
  public func addPassage(id: String, title: String, text: String) throws -> Bool {
    let statement = try db.cachedStatement(
      sql: "INSERT OR IGNORE INTO passage (dataset_id, passage_id, title, text) VALUES (?, ?, ?, ?)"
    )
    try statement.execute(arguments: [datasetID, id, title, text])
    guard db.changesCount > 0 else { return false }
    passageCount += 1
    return true
  }

  /// Adds a question with its gold answers, gold passage ids, (for knowledge conflicts) the
  /// original answers its context was changed from and (for LitM/DPR records) its ctxs in file
  /// order with their flags.
  /// - Returns: `false` (and writes nothing) when the dataset already has a question with this id.
  @discardableResult
  public func addQuestion(
    id: String, text: String, answers: [String], goldPassageIDs: [String],
    memoryAnswers: [String] = [], fileContexts: [FileContext]? = nil
  ) throws -> Bool {
    let statement = try db.cachedStatement(
      sql: """
        INSERT OR IGNORE INTO question
          (dataset_id, question_id, text, answers, gold_passage_ids, extra)
        VALUES (?, ?, ?, ?, ?, ?)
        """)
    try statement.execute(arguments: [
      datasetID, id, text, JSONColumn.encode(answers), JSONColumn.encode(goldPassageIDs),
      QuestionExtra(memoryAnswers: memoryAnswers, fileContexts: fileContexts).columnText,
    ])
    guard db.changesCount > 0 else { return false }
    questionCount += 1
    return true
  }
}

extension CorpusStore {
  /// Imports a dataset in one transaction: either every row (and its FTS5 index) is stored, or,
  /// when `fill` or the database throws, nothing is.
  /// - Parameters:
  ///   - source: name, format, path and checksum of the data.
  ///   - replace: delete an existing dataset of the same name (with its cached rankings) first.
  ///   - fill: writes the passages and questions through the given writer.
  /// - Returns: the stored dataset with its counts.
  /// - Throws: what `fill` throws, unchanged; `StoreError` when the name is taken and `replace`
  ///   is false, or when SQLite fails (read-only file, locked database, …).
  public func importDataset(
    _ source: DatasetSource, replace: Bool = false, _ fill: (CorpusImportWriter) throws -> Void
  ) throws -> DatasetInfo {
    try guarded {
      try database.writer.write { db in
        if let old = try Int64.fetchOne(
          db, sql: "SELECT id FROM dataset WHERE name = ?", arguments: [source.name])
        {
          guard replace else {
            throw StoreError(
              path: database.path,
              message:
                "a dataset named '\(source.name)' is already imported; choose another --name or pass --replace"
            )
          }
          try CorpusSchema.dropFullTextIndex(db, datasetID: old)
          try db.execute(sql: "DELETE FROM dataset WHERE id = ?", arguments: [old])
        }
        let importedAt = Date()
        try db.execute(
          sql: """
            INSERT INTO dataset (name, kind, source_path, checksum, imported_at)
            VALUES (?, ?, ?, ?, ?)
            """,
          arguments: [source.name, source.kind, source.sourcePath, source.checksum, importedAt])
        let id = db.lastInsertedRowID
        let writer = CorpusImportWriter(db: db, datasetID: id)
        try fill(writer)
        try CorpusSchema.createFullTextIndex(db, datasetID: id)
        try db.execute(
          sql: """
            UPDATE dataset SET passage_count = ?, question_count = ?, skipped_count = ?
            WHERE id = ?
            """,
          arguments: [writer.passageCount, writer.questionCount, writer.skippedCount, id])
        return DatasetInfo(
          id: id, name: source.name, kind: source.kind, sourcePath: source.sourcePath,
          checksum: source.checksum, importedAt: importedAt, passageCount: writer.passageCount,
          questionCount: writer.questionCount, skippedCount: writer.skippedCount)
      }
    }
  }

  /// Deletes a dataset with its passages, questions, index and cached rankings.
  /// - Returns: whether a dataset of that name existed.
  @discardableResult
  public func deleteDataset(named name: String) throws -> Bool {
    try guarded {
      try database.writer.write { db in
        guard
          let id = try Int64.fetchOne(
            db, sql: "SELECT id FROM dataset WHERE name = ?", arguments: [name])
        else { return false }
        try CorpusSchema.dropFullTextIndex(db, datasetID: id)
        try db.execute(sql: "DELETE FROM dataset WHERE id = ?", arguments: [id])
        return true
      }
    }
  }
}
