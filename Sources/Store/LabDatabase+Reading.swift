import Foundation
import GRDB

extension LabDatabase {
  /// Opens an existing database for reading only, so `results`, `plot`, `report` and `data list`
  /// work on a read-only file or in a read-only folder, and never create an empty database.
  ///
  /// A database whose schema is older than this build is upgraded first, which needs write access.
  /// - Throws: `StoreError` naming the path when the file does not exist (and which commands create
  ///   one), or when it cannot be opened or read.
  public static func openForReading(path: String) throws -> LabDatabase {
    try requireFile(path)
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(5)
    do {
      let queue = try readOnlyQueue(path, configuration)
      if try queue.read({ try migrator.hasCompletedMigrations($0) }) {
        return LabDatabase(writer: queue, path: path)
      }
    } catch let error as DatabaseError {
      throw StoreError(path: path, message: StoreError.explain(error))
    }
    do {
      return try open(path: path)
    } catch let error as StoreError {
      throw StoreError(
        path: path,
        message: "its schema predates this raglab and upgrading it needs write access: "
          + error.message)
    }
  }

  /// A read-only connection that has proved it can read. A WAL database needs its `-shm` file; in
  /// a read-only folder without one, SQLite cannot open it (`SQLITE_CANTOPEN` or
  /// `SQLITE_READONLY_CANTINIT`), so it is then opened as immutable (nobody can write there anyway).
  private static func readOnlyQueue(_ path: String, _ configuration: Configuration) throws
    -> DatabaseQueue
  {
    do {
      // Opening reads the schema, which is where a WAL database without `-shm` fails.
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      _ = try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") }
      return queue
    } catch let error as DatabaseError
      where error.resultCode == .SQLITE_CANTOPEN || error.resultCode == .SQLITE_READONLY
    {
      let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
      guard let escaped = absolute.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)
      else { throw error }
      return try DatabaseQueue(path: "file:\(escaped)?immutable=1", configuration: configuration)
    }
  }
}
