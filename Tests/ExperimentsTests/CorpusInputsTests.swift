import Foundation
import Store
import Testing

@testable import Experiments

/// A three-article SQuAD v1.1 file, enough for BM25 to rank the gold paragraph first.
let tinySquad = """
  {"version": "1.1", "data": [
    {"title": "Paris", "paragraphs": [{"context": "Paris is the capital of France, on the Seine.",
      "qas": [{"id": "q1", "question": "What is the capital of France?", "answers": [{"text": "Paris", "answer_start": 0}]}]}]},
    {"title": "Berlin", "paragraphs": [{"context": "Berlin is the capital of Germany, on the Spree.",
      "qas": [{"id": "q2", "question": "Which river flows through Berlin?", "answers": [{"text": "Spree", "answer_start": 40}]}]}]},
    {"title": "Rome", "paragraphs": [{"context": "Rome is the capital of Italy, on the Tiber.",
      "qas": [{"id": "q3", "question": "Which river runs through Rome?", "answers": [{"text": "Tiber", "answer_start": 37}]}]}]}
  ]}
  """

func corpusSpec(dataPath: String, retrievers: String = "[bm25]") -> String {
  """
  name: tiny
  dataset: {name: tiny-squad, format: squad, path: \(dataPath), limit: 3, seed: 1}
  retrievers: \(retrievers)
  retrieval_depth: 3
  module: {name: passage_count, k: [1, 2, 3]}
  """
}

@Test func squadFileIsImportedOnFirstUseAndRunsEndToEndWithBM25() throws {
  let path = FileManager.default.temporaryDirectory.appendingPathComponent(
    "tiny-\(UUID().uuidString).json"
  ).path
  try tinySquad.write(toFile: path, atomically: true, encoding: .utf8)
  defer { try? FileManager.default.removeItem(atPath: path) }
  let database = try LabDatabase.inMemory()
  let loaded = try SpecLoader.parse(yaml: corpusSpec(dataPath: path))
  let inputs = try CorpusInputs.load(spec: loaded.spec, database: database)
  #expect(Set(inputs.questions.map(\.id)) == ["q1", "q2", "q3"])
  #expect(inputs.dataChecksum.count == 64)
  let q2 = try #require(inputs.questions.first { $0.id == "q2" })
  let ranked = try inputs.rankers["bm25"]!.rank(q2, depth: 3)
  #expect(ranked.first?.title == "Berlin")
  let store = ResultsStore(database: database)
  let summary = try ExperimentRunner(
    loaded: loaded, inputs: inputs, generator: FakeGenerator(), store: store
  ).run()
  #expect(summary.trialsTotal == 9 && summary.trialsRecorded == 9)
  // The fake answers with the first document's title, so BM25's top-1 decides EM for "Paris".
  let trials = try store.trials(experimentId: summary.experimentId, questionId: "q1")
  #expect(trials.count == 3 && trials.allSatisfy { $0.answer == "Paris" })
}

@Test func missingDatasetFileNamesTheSetupCommand() throws {
  let loaded = try SpecLoader.parse(yaml: corpusSpec(dataPath: "/nonexistent/squad.json"))
  let error = try #require(throws: MissingAssetError.self) {
    try CorpusInputs.load(spec: loaded.spec, database: try LabDatabase.inMemory())
  }
  #expect(error.description.contains("make quickstart"))
  #expect(error.description.contains("/nonexistent/squad.json"))
}

@Test func unavailableRetrieverIsAnError() throws {
  let path = FileManager.default.temporaryDirectory.appendingPathComponent(
    "tiny-\(UUID().uuidString).json"
  ).path
  try tinySquad.write(toFile: path, atomically: true, encoding: .utf8)
  defer { try? FileManager.default.removeItem(atPath: path) }
  let loaded = try SpecLoader.parse(yaml: corpusSpec(dataPath: path, retrievers: "[bm25, dense]"))
  #expect(throws: RunError.self) {
    try CorpusInputs.load(spec: loaded.spec, database: try LabDatabase.inMemory())
  }
}
