import Foundation
import Inference
import Store
import Testing

@testable import Experiments

/// Runs the two-question fake sweep with the generation cache on, once per generator.
private func runCached(_ store: ResultsStore, _ generator: FakeGenerator, name: String) throws
  -> RunSummary
{
  let spec = try SpecLoader.parse(
    yaml: runnerSpecYAML.replacingOccurrences(of: "fake-sweep", with: name))
  return try ExperimentRunner(
    loaded: spec, inputs: FakeData.inputs(questions: 2), generator: generator, store: store
  ).run()
}

/// Identities that differ from the fake's default in exactly one field each.
private let oneFieldChanged: [(String, GeneratorIdentity)] = {
  let base = GeneratorIdentity(backend: "fake", modelSHA256: "fake-model-sha")
  var backend = base
  backend.backend = "openai"
  var model = base
  model.modelSHA256 = "other-weights"
  var engine = base
  engine.engineVersion = "next"
  var kvCache = base
  kvCache.kvCache = "f16"
  var numerics = base
  numerics.numerics = "fast"
  var url = base
  url.url = "http://127.0.0.1:9/v1"
  var served = base
  served.servedModel = "other-name"
  return [
    ("backend", backend), ("model", model), ("engine version", engine), ("kv cache", kvCache),
    ("numerics", numerics),
    ("server url", url), ("served model", served),
  ]
}()

@Test(arguments: oneFieldChanged.map(\.0))
func changingOneGeneratorFieldGeneratesAnewInsteadOfReusingCachedAnswers(field: String) throws {
  let store = ResultsStore(database: try LabDatabase.inMemory())
  _ = try runCached(store, FakeGenerator(), name: "first")
  let changed = FakeGenerator()
  changed.identity = try #require(oneFieldChanged.first { $0.0 == field }).1
  let summary = try runCached(store, changed, name: "second")
  #expect(summary.trialsFromCache == 0)
  #expect(changed.promptsSeen.count == 16)
  // The unchanged identity still reuses every answer.
  let same = FakeGenerator()
  #expect(try runCached(store, same, name: "third").trialsFromCache == 16)
  #expect(same.promptsSeen.isEmpty)
}

@Test func identityKeyIsTheSha256OfItsSortedKeyJSONWithAbsentFieldsLeftOut() {
  let identity = GeneratorIdentity(
    backend: "inprocess", modelSHA256: "abc", engineVersion: "7", kvCache: "f32")
  #expect(
    identity.json
      == #"{"backend":"inprocess","engineVersion":"7","kvCache":"f32","modelSHA256":"abc"}"#)
  // sha256 of that text, computed with `printf '%s' '…' | sha256sum`.
  #expect(identity.key == "e86a92dec44bfe6bafce509cc154a0d1f6c8ab5d3a826dd618df86145570d474")
}

@Test func fastNumericsAreKeyedWhileF32IsLeftOutOfTheIdentity() {
  let identity = GeneratorIdentity(
    backend: "inprocess", modelSHA256: "abc", engineVersion: "7", kvCache: "f32", numerics: "fast")
  #expect(
    identity.json
      == #"{"backend":"inprocess","engineVersion":"7","kvCache":"f32","modelSHA256":"abc","numerics":"fast"}"#
  )
  // `printf '%s' '…' | sha256sum` of that text.
  #expect(identity.key == "24c82798186781044c50d85017fffe1adef3c235c1ec648354e28adcf0f8fdd2")
}

@Test func anF32EntryStoredBeforeNumericsExistedIsServedToF32RunsButNotToFastOnes() throws {
  let path = try defaultModelPath()
  let f32 = try InProcessGenerator(model: LanguageModel.load(path: path, numerics: .f32))
  let fast = try InProcessGenerator(model: LanguageModel.load(path: path, numerics: .fast))
  // The identity an in-process f32 run stored before `numerics` existed, written out by hand.
  let before =
    #"{"backend":"inprocess","engineVersion":""# + EngineVersion.current
    + #"","kvCache":"f32","modelSHA256":""# + f32.modelSHA256 + #""}"#
  let store = ResultsStore(database: try LabDatabase.inMemory())
  let old = FakeGenerator()
  old.identity = try JSONText.decode(GeneratorIdentity.self, from: before)
  _ = try runCached(store, old, name: "before")
  let stored = try store.database.writer.read { db in
    try String.fetchAll(
      db, sql: "SELECT DISTINCT generatorKey || ' ' || generatorJSON FROM generationCache")
  }
  #expect(stored == [SHA256.hex(of: Array(before.utf8)) + " " + before])

  let fastRun = FakeGenerator()
  fastRun.identity = fast.identity
  #expect(try runCached(store, fastRun, name: "fast").trialsFromCache == 0)
  #expect(fastRun.promptsSeen.count == 16)
  let f32Run = FakeGenerator()
  f32Run.identity = f32.identity
  #expect(try runCached(store, f32Run, name: "f32").trialsFromCache == 16)
  #expect(f32Run.promptsSeen.isEmpty)
}

@Test func storedCacheEntriesNameTheGeneratorTheyCameFrom() throws {
  let store = ResultsStore(database: try LabDatabase.inMemory())
  _ = try runCached(store, FakeGenerator(), name: "first")
  let json = try store.database.writer.read { db in
    try String.fetchAll(db, sql: "SELECT DISTINCT generatorJSON FROM generationCache")
  }
  #expect(json == [#"{"backend":"fake","modelSHA256":"fake-model-sha"}"#])
}

@Test func aChatSpecOnAModelWithoutAChatTemplateStopsBeforeStoringAnything() throws {
  let store = ResultsStore(database: try LabDatabase.inMemory())
  let generator = FakeGenerator()
  generator.chatFormat = nil
  #expect(throws: PromptError.noChatTemplate) {
    try makeRunner(store, generator: generator).run()
  }
  #expect(try store.experiments().isEmpty)
  let raw = try makeRunner(
    store, yaml: runnerSpecYAML + "\nprompt: {chat: false}", generator: generator
  ).run()
  #expect(raw.trialsRecorded == 48)
}
