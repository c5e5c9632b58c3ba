import Foundation
import GRDB
import Testing

@testable import Store

/// How commands open the lab database: reading never creates one, a mistyped folder is an error,
/// and a read-only database can still be read.
struct DatabaseOpeningTests {
  /// A database file at `path` holding one dataset named `d`.
  private func databaseWithOneDataset(_ path: String) throws {
    let store = CorpusStore(try LabDatabase.open(path: path))
    _ = try store.importDataset(
      DatasetSource(name: "d", kind: "test", sourcePath: "x", checksum: "0")
    ) { writer in
      try writer.addPassage(id: "p", title: "t", text: "some text")
    }
  }

  @Test func aMissingFolderIsAnErrorNamingItAndNothingIsCreated() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("nope/x.sqlite")
    let error = try #require(throws: StoreError.self) { try LabDatabase.open(path: path) }
    #expect(error.description.contains(folder.file("nope")))
    #expect(error.description.contains("does not exist"))
    #expect(!FileManager.default.fileExists(atPath: folder.file("nope")))
  }

  @Test func readingAMissingDatabaseNamesThePathAndTheCommandsThatCreateOne() throws {
    let folder = try TemporaryFolder()
    for path in [folder.file("absent.sqlite"), folder.file("nope/absent.sqlite")] {
      let error = try #require(throws: StoreError.self) {
        try LabDatabase.openForReading(path: path)
      }
      #expect(error.description.contains(path))
      #expect(error.description.contains("raglab run"))
      #expect(error.description.contains("raglab data import"))
      #expect(!FileManager.default.fileExists(atPath: path))
    }
    let nested = try #require(throws: StoreError.self) {
      try LabDatabase.openForReading(path: folder.file("nope/absent.sqlite"))
    }
    #expect(nested.description.contains("folder \(folder.file("nope")) does not exist"))
    #expect(throws: StoreError.self) {
      try LabDatabase.open(path: folder.file("absent.sqlite"), mustExist: true)
    }
    #expect(!FileManager.default.fileExists(atPath: folder.file("absent.sqlite")))
  }

  @Test func aReadOnlyOpenReadsTheDataAndRefusesWrites() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("lab.sqlite")
    try databaseWithOneDataset(path)
    let store = CorpusStore(try LabDatabase.openForReading(path: path))
    #expect(try store.datasets().map(\.name) == ["d"])
    let error = try #require(throws: StoreError.self) {
      try store.importDataset(
        DatasetSource(name: "e", kind: "test", sourcePath: "x", checksum: "0")
      ) { _ in }
    }
    #expect(error.description.contains("read-only"))
  }

  @Test(.enabled(if: getuid() != 0, "root ignores file permissions"))
  func aReadOnlyFileInAReadOnlyFolderCanBeRead() throws {
    let folder = try TemporaryFolder()
    let inner = folder.file("ro")
    try FileManager.default.createDirectory(atPath: inner, withIntermediateDirectories: false)
    let path = inner + "/lab.sqlite"
    try databaseWithOneDataset(path)
    try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: inner)
    defer {
      try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: inner)
    }
    let store = CorpusStore(try LabDatabase.openForReading(path: path))
    #expect(try store.datasets().map(\.name) == ["d"])
  }
}
