import Foundation
import GRDB

/// Stored passage embeddings of one (dataset, encoder, model file) triple, without SQL for callers.
public struct DenseStore: Sendable {
  /// The corpus store whose passages are embedded.
  public let corpus: CorpusStore

  public init(_ corpus: CorpusStore) {
    self.corpus = corpus
  }

  /// Identity and progress of one dense index.
  public struct IndexInfo: Sendable, Hashable {
    /// Row id of the index.
    public var id: Int64
    public var dimension: Int
    /// Passages embedded so far.
    public var storedCount: Int
    /// Passages in the dataset.
    public var passageCount: Int
    /// Whether every passage has its vector.
    public var isComplete: Bool
  }

  /// The index of `dataset` for (`encoder`, `modelSHA256`), created empty if it does not exist.
  /// - Throws: `StoreError` when the dataset is unknown or an existing index has another dimension.
  public func openIndex(dataset: String, encoder: String, modelSHA256: String, dimension: Int)
    throws
    -> IndexInfo
  {
    try corpus.guarded {
      try corpus.database.writer.write { db in
        let datasetID = try corpus.datasetID(db, named: dataset)
        let key: StatementArguments = [datasetID, encoder, modelSHA256]
        let existing = try Row.fetchOne(
          db,
          sql:
            "SELECT id, dimension FROM dense_index WHERE dataset_id = ? AND encoder = ? AND model_sha256 = ?",
          arguments: key)
        let id: Int64
        if let existing {
          id = existing["id"]
          let stored: Int = existing["dimension"]
          guard stored == dimension else {
            throw StoreError(
              path: corpus.database.path,
              message:
                "dense index \(encoder) of \(dataset) has dimension \(stored), expected \(dimension)"
            )
          }
        } else {
          try db.execute(
            sql: """
              INSERT INTO dense_index (dataset_id, encoder, model_sha256, dimension, created_at)
              VALUES (?, ?, ?, ?, ?)
              """, arguments: key + [dimension, Date()])
          id = db.lastInsertedRowID
        }
        return try Self.info(db, id: id, datasetID: datasetID, dimension: dimension)
      }
    }
  }

  /// Passages of `dataset` that have no vector in index `indexID` yet, in import order.
  public func missingPassages(dataset: String, indexID: Int64) throws -> [PassageRecord] {
    try corpus.guarded {
      try corpus.database.writer.read { db in
        let datasetID = try corpus.datasetID(db, named: dataset)
        return try Row.fetchAll(
          db,
          sql: """
            SELECT id, passage_id, title, text FROM passage p
            WHERE dataset_id = ? AND NOT EXISTS (
              SELECT 1 FROM dense_embedding e WHERE e.index_id = ? AND e.passage_rowid = p.id)
            ORDER BY id
            """, arguments: [datasetID, indexID]
        ).map(CorpusStore.passageRecord)
      }
    }
  }

  /// Stores one vector per passage row id in a single transaction (so a killed build loses at most
  /// one batch); marks the index complete when no passage is left without a vector.
  public func store(_ vectors: [(passageRowID: Int64, vector: [Float])], indexID: Int64) throws {
    try corpus.guarded {
      try corpus.database.writer.write { db in
        let insert = try db.makeStatement(
          sql:
            "INSERT OR REPLACE INTO dense_embedding (index_id, passage_rowid, vector) VALUES (?, ?, ?)"
        )
        for (rowid, vector) in vectors {
          let blob = vector.withUnsafeBytes { Data($0) }  // Float32, native (little-endian) order
          try insert.execute(arguments: [indexID, rowid, blob])
        }
        let missing =
          try Int.fetchOne(
            db,
            sql: """
              SELECT count(*) FROM passage p JOIN dense_index i ON p.dataset_id = i.dataset_id
              WHERE i.id = ? AND NOT EXISTS (
                SELECT 1 FROM dense_embedding e WHERE e.index_id = i.id AND e.passage_rowid = p.id)
              """, arguments: [indexID]) ?? 0
        if missing == 0 {
          try db.execute(
            sql: "UPDATE dense_index SET completed_at = ? WHERE id = ? AND completed_at IS NULL",
            arguments: [Date(), indexID])
        }
      }
    }
  }

  /// Every vector of index `indexID` as one contiguous row-major matrix, with the passage id of
  /// each row (ordered by passage row id).
  /// - Throws: `StoreError` when a stored BLOB does not hold `dimension` floats.
  public func loadVectors(indexID: Int64, dimension: Int) throws -> (
    passageIDs: [String], matrix: [Float]
  ) {
    try corpus.guarded {
      try corpus.database.writer.read { db in
        var ids: [String] = []
        var matrix: [Float] = []
        let rows = try Row.fetchCursor(
          db,
          sql: """
            SELECT p.passage_id, e.vector FROM dense_embedding e JOIN passage p ON p.id = e.passage_rowid
            WHERE e.index_id = ? ORDER BY e.passage_rowid
            """, arguments: [indexID])
        while let row = try rows.next() {
          let id: String = row[0]
          let blob: Data = row[1]
          guard blob.count == dimension * MemoryLayout<Float>.size else {
            throw StoreError(
              path: corpus.database.path,
              message:
                "dense vector of passage \(id) has \(blob.count) bytes, expected \(dimension * 4)")
          }
          blob.withUnsafeBytes { matrix.append(contentsOf: $0.bindMemory(to: Float.self)) }
          ids.append(id)
        }
        return (ids, matrix)
      }
    }
  }

  private static func info(_ db: Database, id: Int64, datasetID: Int64, dimension: Int) throws
    -> IndexInfo
  {
    let stored =
      try Int.fetchOne(
        db, sql: "SELECT count(*) FROM dense_embedding WHERE index_id = ?", arguments: [id])
      ?? 0
    let total =
      try Int.fetchOne(
        db, sql: "SELECT count(*) FROM passage WHERE dataset_id = ?", arguments: [datasetID])
      ?? 0
    return IndexInfo(
      id: id, dimension: dimension, storedCount: stored, passageCount: total,
      isComplete: stored == total)
  }
}
