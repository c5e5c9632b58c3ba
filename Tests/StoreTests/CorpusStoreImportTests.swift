import Foundation
import Testing

@testable import Store

struct CorpusStoreImportTests {
  @Test func importStoresCountsAndListsTheDataset() throws {
    let store = try makeTinyStore()
    let datasets = try store.datasets()
    #expect(datasets.map(\.name) == ["tiny"])
    #expect(datasets[0].passageCount == 3)
    #expect(datasets[0].questionCount == 10)
    #expect(datasets[0].checksum == "00")
    #expect(try store.dataset(named: "tiny")?.kind == "test")
    #expect(try store.dataset(named: "other") == nil)
  }

  @Test func failingImportLeavesNoRows() throws {
    let store = try makeTinyStore()
    struct Boom: Error {}
    let source = DatasetSource(name: "broken", kind: "test", sourcePath: "x", checksum: "11")
    #expect(throws: Boom.self) {
      try store.importDataset(source) { writer in
        try writer.addPassage(id: "x0", title: "", text: "written then rolled back")
        try writer.addQuestion(id: "y0", text: "?", answers: [], goldPassageIDs: [])
        throw Boom()
      }
    }
    #expect(try store.datasets().map(\.name) == ["tiny"])
    #expect(try rowCount(store, "passage") == 3)
    #expect(try rowCount(store, "question") == 10)
    let tables = try store.database.writer.read { db in
      try String.fetchAll(
        db,
        sql: "SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")
    }
    #expect(tables == ["passage_fts_1"])
  }

  @Test func existingNameIsRefusedUnlessReplaced() throws {
    let store = try makeTinyStore()
    let source = DatasetSource(name: "tiny", kind: "test", sourcePath: "again", checksum: "22")
    let error = #expect(throws: StoreError.self) {
      try store.importDataset(source) { try $0.addPassage(id: "z", title: "", text: "z") }
    }
    #expect(error?.message.contains("already imported") == true)
    let replaced = try store.importDataset(source, replace: true) {
      try $0.addPassage(id: "z", title: "", text: "zebra")
    }
    #expect(replaced.passageCount == 1)
    #expect(try rowCount(store, "passage") == 1)
    #expect(
      try store.fullTextSearch(dataset: "tiny", match: "zebra", limit: 5).map(\.passageID) == [
        "z"
      ])
  }

  @Test func duplicateIdsAreReportedNotStored() throws {
    let store = CorpusStore(try LabDatabase.inMemory())
    let source = DatasetSource(name: "d", kind: "test", sourcePath: "x", checksum: "33")
    var results: [Bool] = []
    let info = try store.importDataset(source) { writer in
      results.append(try writer.addPassage(id: "a", title: "", text: "one"))
      results.append(try writer.addPassage(id: "a", title: "", text: "two"))
      results.append(try writer.addQuestion(id: "q", text: "?", answers: [], goldPassageIDs: []))
      results.append(try writer.addQuestion(id: "q", text: "?", answers: [], goldPassageIDs: []))
    }
    #expect(results == [true, false, true, false])
    #expect(info.passageCount == 1 && info.questionCount == 1)
  }

  @Test func deleteDatasetRemovesItsRowsAndIndex() throws {
    let store = try makeTinyStore()
    #expect(try store.deleteDataset(named: "tiny"))
    #expect(try store.datasets().isEmpty)
    #expect(try rowCount(store, "passage") == 0)
    #expect(try !store.deleteDataset(named: "tiny"))
  }
}
