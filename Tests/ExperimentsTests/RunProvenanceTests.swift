import Foundation
import Inference
import Store
import Testing

@testable import Experiments

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()

/// identity → version of every pin in the committed Package.resolved, read with Foundation's JSON
/// parser (independently of the generated `DependencyVersions`).
func packageResolvedPins() throws -> [String: String] {
  let data = try Data(contentsOf: repositoryRoot.appendingPathComponent("Package.resolved"))
  let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  let pins = try #require(root["pins"] as? [[String: Any]])
  var versions: [String: String] = [:]
  for pin in pins {
    let state = try #require(pin["state"] as? [String: Any])
    versions[try #require(pin["identity"] as? String)] =
      (state["version"] as? String) ?? (state["revision"] as? String)
  }
  return versions
}

@Test func dependencyVersionsAgreeWithTheCommittedPackageResolved() throws {
  let pins = try packageResolvedPins()
  #expect(pins["grdb.swift"] != nil && pins["yams"] != nil)
  #expect(DependencyVersions.pinned == pins, "run scripts/pin-dependencies.py")
}

@Test func aRunStoresModuleDatasetAndProvenanceWithThreadsVersionsAndGenerator() throws {
  let store = ResultsStore(database: try LabDatabase.inMemory())
  let generator = FakeGenerator()
  let summary = try ExperimentRunner(
    loaded: try SpecLoader.parse(yaml: runnerSpecYAML), inputs: FakeData.inputs(questions: 1),
    generator: generator, store: store,
    options: RunOptions(gitCommit: "c0ffee", threads: 3)
  ).run()
  let experiment = try #require(try store.experiments().first { $0.id == summary.experimentId })
  #expect(experiment.module == "passage_count")
  #expect(experiment.datasetName == "fake")
  let provenance = try JSONText.decode(
    RunProvenance.self, from: try #require(experiment.provenanceJSON))
  #expect(provenance.threads == 3)
  #expect(provenance.gitCommit == "c0ffee")
  #expect(provenance.engineVersion == EngineVersion.current)
  #expect(provenance.dependencies == (try packageResolvedPins()))
  #expect(provenance.generator == generator.identity)
  #expect(provenance.machine.contains("cores"))
}

@Test func theQuickstartSpecHashIsPinnedSoASchemaChangeCannotSilentlyRestartStoredExperiments()
  throws
{
  let loaded = try SpecLoader.load(
    path: repositoryRoot.appendingPathComponent("experiments/quickstart.yaml").path)
  // The hash stored experiments of this spec carry (spec encoding of commit 123403d). If this fails, the
  // canonical spec encoding changed: every stored experiment would silently start over. Make new
  // keys optional (absent = not encoded) instead, or bump it on purpose and say so in the notes.
  #expect(loaded.hash == "d2fb4c69b785dcdea9487c7fa00e68f56daa9232727356a8ada287bc2acb3844")
}
