import Foundation
import GRDB

extension CorpusStore {
  /// Every imported dataset, by name.
  public func datasets() throws -> [DatasetInfo] {
    try guarded {
      try database.writer.read { db in
        try Row.fetchAll(db, sql: "SELECT * FROM dataset ORDER BY name").map(Self.datasetInfo)
      }
    }
  }

  /// The dataset called `name`, or nil.
  public func dataset(named name: String) throws -> DatasetInfo? {
    try guarded {
      try database.writer.read { db in
        try Row.fetchOne(db, sql: "SELECT * FROM dataset WHERE name = ?", arguments: [name])
          .map(Self.datasetInfo)
      }
    }
  }

  /// Questions of a dataset: all in import order, the first `limit`, or — with a `seed` — a
  /// seeded random sample of `limit` in sample order. For one seed, the sample of n is a prefix
  /// of the sample of n + 1, so growing a study keeps its earlier questions.
  /// - Throws: `StoreError` when there is no such dataset.
  public func questions(dataset: String, limit: Int? = nil, seed: UInt64? = nil) throws
    -> [QuestionRecord]
  {
    try guarded {
      try database.writer.read { db in
        let id = try datasetID(db, named: dataset)
        let sql = "SELECT question_id, text, answers, gold_passage_ids, extra FROM question"
        guard let seed, let limit else {
          return try Row.fetchAll(
            db, sql: sql + " WHERE dataset_id = ? ORDER BY id LIMIT ?",
            arguments: [id, limit ?? -1]
          ).map(Self.questionRecord)
        }
        let rowids = try Int64.fetchAll(
          db, sql: "SELECT id FROM question WHERE dataset_id = ? ORDER BY id", arguments: [id])
        let statement = try db.cachedStatement(sql: sql + " WHERE id = ?")
        return try SplitMix64.sample(rowids, count: limit, seed: seed).map { rowid in
          try Self.questionRecord(Row.fetchOne(statement, arguments: [rowid])!)
        }
      }
    }
  }

  /// The passages with the given ids, in the order of `ids`.
  /// - Throws: `StoreError` naming the first id the dataset does not have.
  public func passages(dataset: String, ids: [String]) throws -> [PassageRecord] {
    try guarded {
      try database.writer.read { db in
        let datasetID = try datasetID(db, named: dataset)
        let statement = try db.cachedStatement(
          sql:
            "SELECT id, passage_id, title, text FROM passage WHERE dataset_id = ? AND passage_id = ?"
        )
        return try ids.map { passageID in
          guard
            let row = try Row.fetchOne(statement, arguments: [datasetID, passageID])
          else {
            throw StoreError(
              path: database.path, message: "dataset '\(dataset)' has no passage '\(passageID)'")
          }
          return Self.passageRecord(row)
        }
      }
    }
  }

  /// Every passage of a dataset in import order (for building dense indexes).
  public func allPassages(dataset: String) throws -> [PassageRecord] {
    try guarded {
      try database.writer.read { db in
        let id = try datasetID(db, named: dataset)
        return try Row.fetchAll(
          db,
          sql: "SELECT id, passage_id, title, text FROM passage WHERE dataset_id = ? ORDER BY id",
          arguments: [id]
        ).map(Self.passageRecord)
      }
    }
  }

  /// Runs an FTS5 `MATCH` over the dataset's passage index and ranks with `bm25()`.
  /// - Parameters:
  ///   - match: a full FTS5 query expression; callers must quote user text
  ///     (`BM25Retriever.matchExpression(for:)` does).
  ///   - limit: the number of passages to return at most.
  /// - Returns: passages best first, score = `-bm25()` so that higher is better.
  public func fullTextSearch(dataset: String, match: String, limit: Int) throws
    -> [ScoredPassage]
  {
    try guarded {
      try database.writer.read { db in
        let id = try datasetID(db, named: dataset)
        let table = CorpusSchema.fullTextTable(id)
        // Rank inside FTS5 first (bm25 reads only the index), then join just the top rows.
        let statement = try db.cachedStatement(
          sql: """
            SELECT p.passage_id, top.score
            FROM (
              SELECT rowid, bm25(\(table)) AS score FROM \(table)
              WHERE \(table) MATCH ? ORDER BY score, rowid LIMIT ?
            ) AS top
            JOIN passage p ON p.id = top.rowid
            ORDER BY top.score, top.rowid
            """)
        let rows = try Row.fetchAll(statement, arguments: [match, limit])
        return rows.map { ScoredPassage(passageID: $0[0], score: -($0[1] as Double)) }
      }
    }
  }

  static func datasetInfo(_ row: Row) -> DatasetInfo {
    DatasetInfo(
      id: row["id"], name: row["name"], kind: row["kind"], sourcePath: row["source_path"],
      checksum: row["checksum"], importedAt: row["imported_at"],
      passageCount: row["passage_count"], questionCount: row["question_count"],
      skippedCount: row["skipped_count"])
  }

  static func passageRecord(_ row: Row) -> PassageRecord {
    PassageRecord(rowid: row[0], id: row[1], title: row[2], text: row[3])
  }

  static func questionRecord(_ row: Row) throws -> QuestionRecord {
    let extra = try QuestionExtra.decode(row[4])
    return QuestionRecord(
      id: row[0], text: row[1], answers: try JSONColumn.decode(row[2]),
      goldPassageIDs: try JSONColumn.decode(row[3]),
      memoryAnswers: extra.memoryAnswers, fileContexts: extra.fileContexts)
  }
}

/// A small seeded generator (SplitMix64) so samples are the same on every platform.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// The first `count` elements of a Fisher–Yates shuffle of `items` driven by `seed`; written
  /// out (not `shuffle(using:)`) so the sample never changes with the standard library.
  static func sample<T>(_ items: [T], count: Int, seed: UInt64) -> [T] {
    var items = items
    var generator = SplitMix64(seed: seed)
    let count = min(max(0, count), items.count)
    for i in 0..<count {
      let j = i + Int(generator.next() % UInt64(items.count - i))
      items.swapAt(i, j)
    }
    return Array(items.prefix(count))
  }
}
