import GRDB

/// Registers the tables for datasets, passages, questions and retrieval caches.
///
/// Full-text search uses one FTS5 table per dataset, `passage_fts_<dataset id>`, created by
/// `CorpusStore.importDataset` (see `CorpusSchema.createFullTextIndex`): BM25's document
/// frequencies and average lengths must come from that dataset's corpus alone, so importing a
/// second dataset never changes the first one's rankings.
func registerCorpusMigrations(_ migrator: inout DatabaseMigrator) {
  migrator.registerMigration("corpus-v1") { db in
    try db.execute(
      sql: """
        CREATE TABLE dataset (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE,
          kind TEXT NOT NULL,
          source_path TEXT NOT NULL,
          checksum TEXT NOT NULL,
          imported_at DATETIME NOT NULL,
          passage_count INTEGER NOT NULL DEFAULT 0,
          question_count INTEGER NOT NULL DEFAULT 0,
          skipped_count INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE passage (
          id INTEGER PRIMARY KEY,
          dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
          passage_id TEXT NOT NULL,
          title TEXT NOT NULL,
          text TEXT NOT NULL,
          UNIQUE (dataset_id, passage_id)
        );
        CREATE TABLE question (
          id INTEGER PRIMARY KEY,
          dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
          question_id TEXT NOT NULL,
          text TEXT NOT NULL,
          answers TEXT NOT NULL,
          gold_passage_ids TEXT NOT NULL,
          UNIQUE (dataset_id, question_id)
        );
        CREATE TABLE retrieval_cache (
          dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
          retriever TEXT NOT NULL,
          question_id TEXT NOT NULL,
          depth INTEGER NOT NULL,
          passage_ids TEXT NOT NULL,
          scores TEXT NOT NULL,
          created_at DATETIME NOT NULL,
          PRIMARY KEY (dataset_id, retriever, question_id, depth)
        );
        """)
  }
  // Per-question fields only some formats have (e.g. a knowledge-conflict example's original
  // answers), as a JSON object; NULL for the rest (see `QuestionExtra`).
  migrator.registerMigration("corpus-v2") { db in
    try db.execute(sql: "ALTER TABLE question ADD COLUMN extra TEXT")
  }
}

/// Schema pieces created at import time rather than by a migration.
public enum CorpusSchema {
  /// The tokenizer of every passage index: Porter stemming over Unicode 6.1 word splitting with
  /// diacritics folded (`café` = `cafe`), so `winning` matches `wins` as BM25 baselines expect.
  public static let tokenizer = "porter unicode61 remove_diacritics 2"

  /// Name of the FTS5 table that indexes the passages of dataset `datasetID`.
  static func fullTextTable(_ datasetID: Int64) -> String { "passage_fts_\(datasetID)" }

  /// Creates and fills the external-content FTS5 index (title, text) of one dataset.
  static func createFullTextIndex(_ db: Database, datasetID: Int64) throws {
    let table = fullTextTable(datasetID)
    try db.execute(
      sql: """
        CREATE VIRTUAL TABLE \(table) USING fts5(
          title, text, content='passage', content_rowid='id', tokenize='\(tokenizer)');
        INSERT INTO \(table)(rowid, title, text)
          SELECT id, title, text FROM passage WHERE dataset_id = \(datasetID);
        """)
  }

  /// Drops the FTS5 index of one dataset if it exists.
  static func dropFullTextIndex(_ db: Database, datasetID: Int64) throws {
    try db.execute(sql: "DROP TABLE IF EXISTS \(fullTextTable(datasetID))")
  }
}
