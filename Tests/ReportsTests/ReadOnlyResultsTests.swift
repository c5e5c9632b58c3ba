import Foundation
import Store
import Testing

@testable import Reports

/// A fresh folder under the temporary directory holding an empty lab database `lab.sqlite`.
private func folderWithDatabase() throws -> (folder: String, database: String) {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
    "raglab-readonly-\(UUID().uuidString)"
  ).path
  try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  let database = folder + "/lab.sqlite"
  _ = try LabDatabase.open(path: database)
  return (folder, database)
}

@Test func reportsOpenTheDatabaseReadOnly() throws {
  let (folder, path) = try folderWithDatabase()
  defer { try? FileManager.default.removeItem(atPath: folder) }
  let experiments = try StoredExperiments.open(path: path)
  #expect(try experiments.store.experiments().isEmpty)
  let error = try #require(throws: (any Error).self) {
    try experiments.store.database.writer.write { try $0.execute(sql: "CREATE TABLE probe(a)") }
  }
  // SQLite's own words for SQLITE_READONLY.
  #expect("\(error)".contains("attempt to write a readonly database"))
}

@Test(.enabled(if: getuid() != 0, "root ignores file permissions"))
func resultsOfADatabaseInAReadOnlyFolderCanBeRead() throws {
  let (folder, path) = try folderWithDatabase()
  try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
  try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder)
  defer {
    try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder)
    try? FileManager.default.removeItem(atPath: folder)
  }
  #expect(try StoredExperiments.open(path: path).store.experiments().isEmpty)
}
