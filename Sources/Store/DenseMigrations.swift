import GRDB

/// Registers the dense-index tables: one index per (dataset, encoder, model sha256), one Float32
/// BLOB per passage. An index whose `completed_at` is NULL is still being built (resumable).
func registerDenseMigrations(_ migrator: inout DatabaseMigrator) {
  migrator.registerMigration("dense-v1") { db in
    try db.execute(
      sql: """
        CREATE TABLE dense_index (
          id INTEGER PRIMARY KEY,
          dataset_id INTEGER NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
          encoder TEXT NOT NULL,
          model_sha256 TEXT NOT NULL,
          dimension INTEGER NOT NULL,
          created_at DATETIME NOT NULL,
          completed_at DATETIME,
          UNIQUE (dataset_id, encoder, model_sha256)
        );
        CREATE TABLE dense_embedding (
          index_id INTEGER NOT NULL REFERENCES dense_index(id) ON DELETE CASCADE,
          passage_rowid INTEGER NOT NULL REFERENCES passage(id) ON DELETE CASCADE,
          vector BLOB NOT NULL,
          PRIMARY KEY (index_id, passage_rowid)
        ) WITHOUT ROWID;
        """)
  }
}
