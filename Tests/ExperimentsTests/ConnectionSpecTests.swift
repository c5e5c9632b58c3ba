import Foundation
import Testing

@testable import Experiments

/// A server spec whose generator mapping is on line 5, one key per line from line 6 on, with
/// `keys` (YAML lines) added there and `prompt` as its prompt mapping.
private func connectionSpec(_ keys: [String], prompt: String = "{chat: true}") -> String {
  """
  name: http-keys
  dataset: {name: fake, path: none, limit: 2}
  retrievers: [bm25]
  module: {name: passage_count, k: [1]}
  generator:
    backend: openai
    url: http://h/v1
  \(keys.map { "  " + $0 }.joined(separator: "\n"))
  prompt: \(prompt)
  """
}

/// The problems `yaml` has.
private func problems(_ yaml: String) throws -> [SpecProblem] {
  try #require(throws: SpecError.self) { try SpecLoader.parse(yaml: yaml) }.problems
}

@Test func connectionKeysAreReadWithTheirDefaults() throws {
  let plain = try SpecLoader.parse(yaml: connectionSpec([])).spec.generator
  #expect(plain.endpoint == nil && !plain.usesChatEndpoint && plain.retryCount == 5)
  #expect(plain.apiKeyEnv == nil)
  let set = try SpecLoader.parse(
    yaml: connectionSpec(["endpoint: chat", "retries: 0", "api_key_env: LAB_KEY"])
  ).spec.generator
  #expect(set.usesChatEndpoint && set.retryCount == 0 && set.apiKeyEnv == "LAB_KEY")
}

@Test func badConnectionKeysAreNamedWithTheirLines() throws {
  let found = try problems(
    connectionSpec(["endpoint: chats", "retries: -1", "api_key_env: sk-live-1234"]))
  #expect(
    found.map(\.keyPath) == ["generator.endpoint", "generator.retries", "generator.api_key_env"])
  #expect(found.map(\.line) == [8, 9, 10])
  #expect(found[0].message.contains("unknown generator endpoint 'chats' (did you mean 'chat'?)"))
  #expect(found[1].message.contains("must be at least 0, got -1"))
  // A key pasted by mistake is refused without being repeated.
  #expect(found[2].message.contains("must name an environment variable"))
  #expect(!found.map(\.description).joined().contains("sk-live-1234"))
}

@Test func theChatEndpointNeedsChatPrompts() throws {
  let found = try problems(connectionSpec(["endpoint: chat"], prompt: "{chat: false}"))
  #expect(found.map(\.keyPath) == ["generator.endpoint"] && found.map(\.line) == [8])
  #expect(found[0].message.contains("needs prompt.chat: true"))
}

@Test func connectionKeysOnTheInProcessBackendAreErrors() throws {
  let yaml = """
    name: local-keys
    dataset: {name: fake, path: none}
    retrievers: [bm25]
    module: {name: passage_count, k: [1]}
    generator: {endpoint: chat, retries: 2, api_key_env: LAB_KEY}
    """
  let found = try problems(yaml)
  #expect(
    found.map(\.keyPath) == ["generator.api_key_env", "generator.endpoint", "generator.retries"])
  #expect(found.allSatisfy { $0.message.contains("only applies to backend: openai") })
}

@Test func retriesAndTheKeyVariableResumeTheExperimentButTheChatEndpointDoesNot() throws {
  let plain = try SpecLoader.parse(yaml: connectionSpec([])).hash
  let operational = try SpecLoader.parse(
    yaml: connectionSpec(["retries: 9", "api_key_env: LAB_KEY"])
  ).hash
  let completions = try SpecLoader.parse(yaml: connectionSpec(["endpoint: completions"])).hash
  let chat = try SpecLoader.parse(yaml: connectionSpec(["endpoint: chat"])).hash
  #expect(operational == plain && completions == plain && chat != plain)
}
