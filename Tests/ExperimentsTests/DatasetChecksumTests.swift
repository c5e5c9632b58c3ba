import Corpus
import Foundation
import Store
import Testing

@testable import Experiments

/// `tinySquad` with other questions: the same dataset name must not silently mean this file.
private let otherSquad = """
  {"version": "1.1", "data": [
    {"title": "Madrid", "paragraphs": [{"context": "Madrid is the capital of Spain, on the Manzanares.",
      "qas": [{"id": "m1", "question": "What is the capital of Spain?", "answers": [{"text": "Madrid", "answer_start": 0}]}]}]}
  ]}
  """

/// Writes `text` to a fresh temporary `.json` file and returns its path.
private func temporaryFile(_ text: String) throws -> String {
  let path = FileManager.default.temporaryDirectory.appendingPathComponent(
    "squad-\(UUID().uuidString).json"
  ).path
  try text.write(toFile: path, atomically: true, encoding: .utf8)
  return path
}

@Test func aStoredDatasetFromAnotherFileIsRefusedNamingBothFilesAndReplace() throws {
  let first = try temporaryFile(tinySquad)
  let second = try temporaryFile(otherSquad)
  defer {
    try? FileManager.default.removeItem(atPath: first)
    try? FileManager.default.removeItem(atPath: second)
  }
  let database = try LabDatabase.inMemory()
  let firstSpec = try SpecLoader.parse(yaml: corpusSpec(dataPath: first)).spec
  _ = try CorpusInputs.load(spec: firstSpec, database: database)
  // The same file again is the same dataset.
  #expect(try CorpusInputs.load(spec: firstSpec, database: database).questions.count == 3)

  let secondSpec = try SpecLoader.parse(yaml: corpusSpec(dataPath: second)).spec
  let error = try #require(throws: DatasetMismatchError.self) {
    try CorpusInputs.load(spec: secondSpec, database: database)
  }
  #expect(error.description.contains(first))
  #expect(error.description.contains(second))
  #expect(error.description.contains("--replace"))
  #expect(error.description.contains("another dataset.name"))
  #expect(error.stored.checksum != error.spec.checksum)
  // Nothing changed in the store: the first file's questions are still there.
  let stored = try CorpusStore(database).questions(dataset: "tiny-squad", limit: nil, seed: nil)
  #expect(Set(stored.map(\.id)) == ["q1", "q2", "q3"])

  // After `data import --replace`, the spec runs on the new file.
  _ = try DatasetImporter.importDataset(
    format: .squad, path: second, options: ImportOptions(name: "tiny-squad", replace: true),
    into: CorpusStore(database))
  let replaced = try SpecLoader.parse(
    yaml: corpusSpec(dataPath: second).replacingOccurrences(of: "limit: 3", with: "limit: 1")
  ).spec
  #expect(try CorpusInputs.load(spec: replaced, database: database).questions.map(\.id) == ["m1"])
}

@Test func aStoredDatasetOfAnotherFormatIsRefused() throws {
  let file = try temporaryFile(tinySquad)
  defer { try? FileManager.default.removeItem(atPath: file) }
  let database = try LabDatabase.inMemory()
  _ = try CorpusInputs.load(
    spec: try SpecLoader.parse(yaml: corpusSpec(dataPath: file)).spec, database: database)
  let asLitM = try SpecLoader.parse(
    yaml: corpusSpec(dataPath: file).replacingOccurrences(of: "format: squad", with: "format: litm")
  ).spec
  let error = try #require(throws: DatasetMismatchError.self) {
    try CorpusInputs.load(spec: asLitM, database: database)
  }
  #expect(error.stored.format == "squad" && error.spec.format == "litm")
  #expect(error.description.contains("another format"))
}

@Test func aDatasetFolderWhereAFileBelongsSaysWhy() throws {
  let folder = FileManager.default.temporaryDirectory.path
  let spec = try SpecLoader.parse(yaml: corpusSpec(dataPath: folder)).spec
  let error = try #require(throws: RunError.self) {
    try CorpusInputs.load(spec: spec, database: try LabDatabase.inMemory())
  }
  #expect(error.description.contains("is a directory"))
}
