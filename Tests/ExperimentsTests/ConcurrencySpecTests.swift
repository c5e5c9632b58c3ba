import Foundation
import Testing

@testable import Experiments

@Test func concurrencyDefaultsToFourForAServerAndOneInProcess() throws {
  let server = try SpecLoader.parse(yaml: httpSpec(backend: "openai", url: "http://h/v1"))
  #expect(server.spec.generator.concurrency == nil)
  #expect(server.spec.generator.requestsInFlight == 4)
  let local = try SpecLoader.parse(yaml: httpSpec(backend: "inprocess", url: nil))
  #expect(local.spec.generator.requestsInFlight == 1)
  let eight = try SpecLoader.parse(
    yaml: httpSpec(backend: "openai", url: "http://h/v1", concurrency: 8))
  #expect(eight.spec.generator.requestsInFlight == 8)
  let one = try SpecLoader.parse(yaml: httpSpec(backend: "inprocess", url: nil, concurrency: 1))
  #expect(one.spec.generator.requestsInFlight == 1)
}

@Test func concurrencyResumesTheSameExperiment() throws {
  // How many requests are in flight changes no answer, so it is not part of the spec hash.
  let plain = try SpecLoader.parse(yaml: httpSpec(backend: "openai", url: "http://h/v1"))
  let eight = try SpecLoader.parse(
    yaml: httpSpec(backend: "openai", url: "http://h/v1", concurrency: 8))
  #expect(plain.hash == eight.hash)
  let json = String(decoding: try SpecHash.canonicalJSON(eight.spec), as: UTF8.self)
  #expect(!json.contains("concurrency"))
}

@Test func concurrencyOutOfRangeOrInProcessIsASpecError() throws {
  func problems(_ yaml: String) throws -> [SpecProblem] {
    try #require(throws: SpecError.self) { try SpecLoader.parse(yaml: yaml) }.problems
  }
  let zero = try problems(httpSpec(backend: "openai", url: "http://h/v1", concurrency: 0))
  #expect(zero.map(\.keyPath) == ["generator.concurrency"])
  #expect(zero[0].message.contains("must be at least 1, got 0"))
  let many = try problems(httpSpec(backend: "openai", url: "http://h/v1", concurrency: 65))
  #expect(many.map(\.keyPath) == ["generator.concurrency"])
  #expect(many[0].message.contains("must be at most 64, got 65"))
  let local = try problems(httpSpec(backend: "inprocess", url: nil, concurrency: 2))
  #expect(local.map(\.keyPath) == ["generator.concurrency"])
  #expect(local[0].message.contains("needs backend: openai (backend is inprocess)"))
  #expect(local[0].line == 5)
}

@Test func llamaCppSlotsArePinnedOnlyWhenEveryWorkerHasOne() {
  let four = LlamaCppSlots(totalSlots: 4, workers: 4)
  #expect(four.pinsSlots && (0..<4).map(four.slot(worker:)) == [0, 1, 2, 3])
  #expect(four.slot(worker: 4) == nil && four.slot(worker: -1) == nil)
  #expect(LlamaCppSlots(totalSlots: 8, workers: 2).slot(worker: 1) == 1)
  let fewer = LlamaCppSlots(totalSlots: 2, workers: 4)
  #expect(!fewer.pinsSlots && fewer.slot(worker: 0) == nil)
  #expect(LlamaCppSlots(totalSlots: nil, workers: 1).slot(worker: 0) == nil)
}

/// The body of the one completion a session of `generator` for `worker` sends.
private func sentBody(
  _ server: FakeOpenAIServer, _ generator: OpenAIGenerator, worker: Int
) throws -> [String: Any] {
  let session = try generator.makeSession(worker: worker)
  try session.append(segment: "Document [1](Title: T) text\n")
  _ = try session.generate(DecodingOptions(GeneratorSpec()))
  return try #require(try server.requests().last)
}

@Test func llamaCppGetsItsSlotAndPromptCacheOtherServersGetNeither() throws {
  let llama = try FakeOpenAIServer(slots: 4)
  let pinned = try OpenAIGenerator(
    spec: GeneratorSpec(backend: "openai", model: "fake-model", url: llama.url, concurrency: 4))
  #expect(pinned.concurrency == 4)
  let body = try sentBody(llama, pinned, worker: 2)
  #expect(body["id_slot"] as? Int == 2 && body["cache_prompt"] as? Bool == true)
  let shared = try OpenAIGenerator(
    spec: GeneratorSpec(backend: "openai", model: "fake-model", url: llama.url, concurrency: 8))
  let unpinned = try sentBody(llama, shared, worker: 2)
  #expect(unpinned["id_slot"] == nil && unpinned["cache_prompt"] as? Bool == true)
  // No /props (vLLM, OpenAI): plain OpenAI requests, nothing a strict server could reject.
  let other = try FakeOpenAIServer(reportsChatTemplate: false, slots: 4)
  let plain = try OpenAIGenerator(
    spec: GeneratorSpec(backend: "openai", model: "fake-model", url: other.url, concurrency: 4))
  let bare = try sentBody(other, plain, worker: 0)
  #expect(bare["id_slot"] == nil && bare["cache_prompt"] == nil)
  #expect(bare["prompt"] as? String == "Document [1](Title: T) text\n")
}
