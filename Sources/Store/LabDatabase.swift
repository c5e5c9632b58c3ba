import Foundation
import GRDB

/// The one SQLite database that holds datasets, retrieval caches and experiment results.
public final class LabDatabase: Sendable {
  /// The default `--db`; its folder (`runs/`) is created on first use, any other folder must exist.
  public static let defaultPath = "runs/lab.sqlite"

  /// The GRDB connection pool (WAL mode) every read and write goes through.
  public let writer: any DatabaseWriter
  /// Path of the database file, or `":memory:"`.
  public let path: String

  /// Wraps an open connection.
  init(writer: any DatabaseWriter, path: String) {
    self.writer = writer
    self.path = path
  }

  /// Opens (creating if needed) the database at `path` and brings its schema up to date.
  /// - Parameter mustExist: refuse to create a new file (for commands that only make sense on a
  ///   database that already holds data).
  /// - Throws: `StoreError` naming the file when it cannot be created, opened or written, or when
  ///   its folder does not exist (except the default `runs/`, which is created).
  public static func open(path: String, mustExist: Bool = false) throws -> LabDatabase {
    if mustExist || FileManager.default.fileExists(atPath: path) {
      try requireFile(path)
    } else {
      try prepareFolder(of: path)
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

  /// Throws unless a database file exists at `path`.
  static func requireFile(_ path: String) throws {
    guard FileManager.default.fileExists(atPath: path) else { throw StoreError.noDatabase(path) }
  }

  /// Makes sure the folder of a new database file exists: the default one is created, any other
  /// missing folder is most likely a typo in `--db` and an error.
  private static func prepareFolder(of path: String) throws {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) {
      if !isFolder.boolValue {
        throw StoreError(path: path, message: "\(folder.path) is a file, not a folder; fix --db")
      }
      return
    }
    let defaultFolder = URL(fileURLWithPath: defaultPath).deletingLastPathComponent()
    guard folder == defaultFolder.standardizedFileURL else {
      throw StoreError(
        path: path,
        message:
          "the folder \(folder.path) does not exist; check --db for a typo, or create it first "
          + "(mkdir -p \(folder.path))")
    }
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw StoreError(
        path: path, message: "cannot create its folder: \(error.localizedDescription)")
    }
  }
}
