import Foundation
import GRDB

/// The one SQLite database that holds datasets, retrieval caches and experiment results.
public final class LabDatabase: Sendable {
  /// The GRDB connection pool (WAL mode) every read and write goes through.
  public let writer: any DatabaseWriter
  /// Path of the database file, or `":memory:"`.
  public let path: String

  private init(writer: any DatabaseWriter, path: String) {
    self.writer = writer
    self.path = path
  }

  /// Opens (creating if needed) the database at `path` and brings its schema up to date.
  /// - Throws: `StoreError` naming the file when it cannot be created, opened or written.
  public static func open(path: String) throws -> LabDatabase {
    let url = URL(fileURLWithPath: path)
    do {
      try FileManager.default.createDirectory(
        at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    } catch {
      throw StoreError(
        path: path, message: "cannot create its folder: \(error.localizedDescription)")
    }
    var configuration = Configuration()
    configuration.busyMode = .timeout(5)
    do {
      let pool = try DatabasePool(path: path, configuration: configuration)
      try LabDatabase.migrator.migrate(pool)
      return LabDatabase(writer: pool, path: path)
    } catch let error as DatabaseError {
      throw StoreError(path: path, message: StoreError.explain(error))
    }
  }

  /// Opens a private in-memory database with the full schema (for tests and dry runs).
  public static func inMemory() throws -> LabDatabase {
    let queue = try DatabaseQueue()
    try LabDatabase.migrator.migrate(queue)
    return LabDatabase(writer: queue, path: ":memory:")
  }

  /// All schema migrations, in order: corpus tables first, then results tables.
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    registerCorpusMigrations(&migrator)
    registerDenseMigrations(&migrator)
    registerResultsMigrations(&migrator)
    return migrator
  }
}
