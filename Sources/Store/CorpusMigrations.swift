import GRDB

/// Registers the tables for datasets, passages, questions and retrieval caches.
func registerCorpusMigrations(_ migrator: inout DatabaseMigrator) {
}
