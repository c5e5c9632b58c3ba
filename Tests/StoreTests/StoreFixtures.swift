import Foundation
import GRDB

@testable import Store

/// A fresh in-memory store with one small dataset `tiny`: passages p0…p2, questions q0…q9.
func makeTinyStore() throws -> CorpusStore {
  let store = CorpusStore(try LabDatabase.inMemory())
  let source = DatasetSource(name: "tiny", kind: "test", sourcePath: "memory", checksum: "00")
  _ = try store.importDataset(source) { writer in
    try writer.addPassage(id: "p0", title: "Cats", text: "Cats purr and sleep all day.")
    try writer.addPassage(id: "p1", title: "Dogs", text: "Dogs bark at the postman.")
    try writer.addPassage(id: "p2", title: "Fish", text: "Fish swim in the river.")
    for i in 0..<10 {
      try writer.addQuestion(
        id: "q\(i)", text: "question \(i)", answers: ["a\(i)", "b\(i)"],
        goldPassageIDs: ["p\(i % 3)"])
    }
  }
  return store
}

/// A temporary folder removed at deinit.
final class TemporaryFolder {
  let path: String

  init() throws {
    path = NSTemporaryDirectory() + "raglab-store-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  /// The path of `name` inside the folder.
  func file(_ name: String) -> String { path + "/" + name }
}

/// Number of rows in `table`.
func rowCount(_ store: CorpusStore, _ table: String) throws -> Int {
  try store.database.writer.read { db in
    try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? -1
  }
}
