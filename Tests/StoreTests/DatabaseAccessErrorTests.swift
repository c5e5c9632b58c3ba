import Foundation
import GRDB
import Testing

@testable import Store

struct DatabaseAccessErrorTests {
  private func emptySource(_ name: String) -> DatasetSource {
    DatasetSource(name: name, kind: "test", sourcePath: "x", checksum: "0")
  }

  @Test func writingThroughAReadOnlyConnectionSaysReadOnly() throws {
    let folder = try TemporaryFolder()
    let lab = try LabDatabase.open(path: folder.file("lab.sqlite"))
    try lab.writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA query_only = 1") }
    let error = #expect(throws: StoreError.self) {
      try CorpusStore(lab).importDataset(emptySource("d")) { _ in }
    }
    #expect(error?.description.contains("read-only") == true)
    #expect(error?.description.contains("lab.sqlite") == true)
  }

  @Test(.enabled(if: getuid() != 0, "root ignores file permissions"))
  func readOnlyFileSaysReadOnly() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("lab.sqlite")
    do { _ = try LabDatabase.open(path: path) }
    try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
    let error = #expect(throws: StoreError.self) {
      try CorpusStore(LabDatabase.open(path: path)).importDataset(emptySource("d")) { _ in }
    }
    #expect(error?.description.contains("read-only") == true)
  }

  @Test func exclusiveLockHeldElsewhereSaysLocked() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("lab.sqlite")
    let lab = try LabDatabase.open(path: path)
    let other = try DatabaseQueue(path: path)
    let locked = DispatchSemaphore(value: 0)
    let release = DispatchSemaphore(value: 0)
    let finished = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      try? other.inTransaction(.exclusive) { _ in
        locked.signal()
        release.wait()
        return .rollback
      }
      finished.signal()
    }
    locked.wait()
    defer {
      release.signal()
      finished.wait()
    }
    let error = #expect(throws: StoreError.self) {
      try CorpusStore(lab).importDataset(emptySource("d")) { _ in }
    }
    #expect(error?.description.contains("locked") == true)
  }
}
