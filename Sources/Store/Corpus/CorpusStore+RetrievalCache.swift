import Foundation
import GRDB

extension CorpusStore {
  /// A cached ranking for (dataset, retriever, question) at least `depth` long, cut to `depth`.
  /// - Returns: nil when no ranking that deep is cached.
  public func cachedRanking(
    dataset: String, retriever: String, questionID: String, depth: Int
  ) throws -> [ScoredPassage]? {
    try guarded {
      try database.writer.read { db in
        let id = try datasetID(db, named: dataset)
        guard
          let row = try Row.fetchOne(
            db,
            sql: """
              SELECT passage_ids, scores FROM retrieval_cache
              WHERE dataset_id = ? AND retriever = ? AND question_id = ? AND depth >= ?
              ORDER BY depth LIMIT 1
              """,
            arguments: [id, retriever, questionID, depth])
        else { return nil }
        let ids: [String] = try JSONColumn.decode(row[0])
        let scores: [Double] = try JSONColumn.decode(row[1])
        return zip(ids, scores).prefix(depth).map { ScoredPassage(passageID: $0, score: $1) }
      }
    }
  }

  /// Stores the ranking a retriever produced for a question at `depth` (replacing an older one).
  /// A ranking shorter than `depth` (a small corpus) is complete and is stored as it is.
  public func storeRanking(
    _ ranking: [ScoredPassage], dataset: String, retriever: String, questionID: String,
    depth: Int
  ) throws {
    try guarded {
      try database.writer.write { db in
        let id = try datasetID(db, named: dataset)
        try db.execute(
          sql: """
            INSERT OR REPLACE INTO retrieval_cache
              (dataset_id, retriever, question_id, depth, passage_ids, scores, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
          arguments: [
            id, retriever, questionID, depth, JSONColumn.encode(ranking.map(\.passageID)),
            JSONColumn.encode(ranking.map(\.score)), Date(),
          ])
      }
    }
  }

  /// Deletes the cached rankings of one retriever (all retrievers when nil) on a dataset.
  /// - Returns: the number of rankings deleted.
  @discardableResult
  public func clearRankings(dataset: String, retriever: String? = nil) throws -> Int {
    try guarded {
      try database.writer.write { db in
        let id = try datasetID(db, named: dataset)
        if let retriever {
          try db.execute(
            sql: "DELETE FROM retrieval_cache WHERE dataset_id = ? AND retriever = ?",
            arguments: [id, retriever])
        } else {
          try db.execute(sql: "DELETE FROM retrieval_cache WHERE dataset_id = ?", arguments: [id])
        }
        return db.changesCount
      }
    }
  }
}
