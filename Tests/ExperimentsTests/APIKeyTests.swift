import Foundation
import Store
import Testing

@testable import Experiments

@Test func theAPIKeyComesFromTheNamedVariableElseOpenAIAPIKey() throws {
  let named = GeneratorSpec(backend: "openai", url: "http://h/v1", apiKeyEnv: "LAB_KEY")
  #expect(try named.apiKey(environment: ["LAB_KEY": "k1", "OPENAI_API_KEY": "k2"]) == "k1")
  let unset = try #require(throws: RunError.self) {
    try named.apiKey(environment: ["OPENAI_API_KEY": "k2"])
  }
  #expect(unset.description.contains("LAB_KEY, which is not set"))
  let empty = try #require(throws: RunError.self) { try named.apiKey(environment: ["LAB_KEY": ""]) }
  #expect(empty.description.contains("LAB_KEY, which is empty"))
  let plain = GeneratorSpec(backend: "openai", url: "http://h/v1")
  #expect(try plain.apiKey(environment: ["OPENAI_API_KEY": "k2"]) == "k2")
  #expect(try plain.apiKey(environment: ["OPENAI_API_KEY": ""]) == nil)
  #expect(try plain.apiKey(environment: [:]) == nil)
}

@Test func theAPIKeyNeverReachesTheDatabaseTheSpecHashOrAnErrorMessage() throws {
  let key = "sk-raglab-\(UUID().uuidString)"
  // Requests 2–4 answer HTTP 500 echoing the Authorization header (q0 k2 fails after its 2
  // retries); request 6 answers 401 echoing it too, which stops the run.
  let server = try FakeOpenAIServer(
    faults: [2: .internalError, 3: .internalError, 4: .internalError, 6: .unauthorized])
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
    "raglab-key-\(UUID().uuidString)")
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: folder) }
  let path = folder.appendingPathComponent("lab.sqlite").path
  let yaml = faultSpec(server.url, extra: ", api_key_env: RAGLAB_TEST_SERVER_KEY")
  let error: GeneratorServerError
  do {
    let store = ResultsStore(database: try LabDatabase.open(path: path))
    error = try #require(throws: GeneratorServerError.self) {
      try faultRunner(
        yaml, store: store, sleeps: RecordedSleeps(),
        environment: ["RAGLAB_TEST_SERVER_KEY": key]
      ).run()
    }
    let experiment = try #require(try store.latestExperiment(named: "http-faults"))
    let failure = try #require(try store.failures(experimentId: experiment.id!).first)
    #expect(failure.reason.contains("[API key redacted]") && !failure.reason.contains(key))
    #expect(!experiment.specYAML.contains(key) && !(experiment.provenanceJSON ?? "").contains(key))
  }
  // The key was sent, and the server echoed it, so each check below could have failed.
  #expect(try server.requests().allSatisfy { $0["_authorization"] as? String == "Bearer \(key)" })
  #expect(
    error.description.contains("HTTP 401") && error.description.contains("[API key redacted]"))
  #expect(!error.description.contains(key))
  let withKey = try SpecLoader.parse(yaml: yaml).hash
  let withoutKey = try SpecLoader.parse(yaml: faultSpec(server.url)).hash
  #expect(withKey == withoutKey)
  // Nothing in the database files (main file, WAL, shared memory) holds the key's bytes.
  for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
    let bytes = try Data(contentsOf: folder.appendingPathComponent(file))
    #expect(bytes.range(of: Data(key.utf8)) == nil, "\(file) holds the key")
  }
}
