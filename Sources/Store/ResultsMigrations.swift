import GRDB

/// Registers the tables for experiments, conditions, trials and the generation cache.
func registerResultsMigrations(_ migrator: inout DatabaseMigrator) {
}
