import Foundation
import GRDB

/// A database problem a user can act on: which file, and what went wrong.
public struct StoreError: Error, CustomStringConvertible {
  /// The database file involved.
  public let path: String
  /// What went wrong, in words.
  public let message: String

  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }

  public var description: String { "database \(path): \(message)" }

  /// No database file at `path`: names the missing folder when that is the cause, and the commands
  /// that create a database.
  static func noDatabase(_ path: String) -> StoreError {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.path
    let cause =
      FileManager.default.fileExists(atPath: folder)
      ? "no such file" : "no such file (the folder \(folder) does not exist)"
    return StoreError(
      path: path,
      message:
        "\(cause); check --db, or create the database with `raglab data import` or `raglab run`")
  }

  /// Turns SQLite's result codes into advice (read-only file, locked by another process, …).
  static func explain(_ error: DatabaseError) -> String {
    switch error.resultCode {
    case .SQLITE_READONLY:
      return "the file is read-only; choose a writable path with --db"
    case .SQLITE_BUSY, .SQLITE_LOCKED:
      return "the database is locked by another process; wait for it or use another --db"
    case .SQLITE_CANTOPEN:
      return "cannot open the file (missing folder or no permission)"
    case .SQLITE_CORRUPT, .SQLITE_NOTADB:
      return "the file is not a raglab database or is corrupt"
    default:
      return error.message ?? "\(error)"
    }
  }
}
