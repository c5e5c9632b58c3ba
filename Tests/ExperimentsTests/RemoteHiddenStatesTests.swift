import Foundation
import Store
import Testing

@testable import Experiments

/// Passages p0…p9 titled T0…, p3 and p7 mentioning Paris (the answer).
private let corpus = FixedCorpus.paris(count: 10, mentioning: [3, 7])

/// One question whose gold passage is p5, over `corpus`.
private var inputs: ExperimentInputs {
  ExperimentInputs(
    questions: [
      Question(id: "q", text: "Where?", answers: ["Paris"], goldPassageIDs: ["p5"])
    ], dataChecksum: "fixed", rankers: corpus.rankers, corpus: corpus)
}

/// The stand-in model's block count in these specs: its states are stored as layer 5.
private let standInBlocks = 4

/// A `stable_rag` spec of k = 3 (six orders) with `layers` over the server at `url`, declaring
/// `blockCount` blocks (nil: none).
private func remoteSpec(
  url: String, layers: String = "last", endpoint: String = "completions",
  blockCount: Int? = standInBlocks
) throws -> LoadedSpec {
  try SpecLoader.parse(
    yaml: remoteSpecYAML(url: url, layers: layers, endpoint: endpoint, blockCount: blockCount))
}

/// The YAML of `remoteSpec`.
private func remoteSpecYAML(
  url: String, layers: String = "last", endpoint: String = "completions",
  blockCount: Int? = standInBlocks
) -> String {
  let blocks = blockCount.map { "block_count: \($0), " } ?? ""
  return """
    name: srag-remote
    dataset: {name: fixed, path: none}
    retrievers: [bm25]
    retrieval_depth: 10
    generator: {backend: openai, url: '\(url)', model: fake-model, endpoint: \(endpoint), \(blocks)max_tokens: 8}
    prompt: {template: question_first, chat: true}
    module: {name: stable_rag, k: 3, layers: \(layers)}
    """
}

/// A runner of `loaded` over the stand-in server at `loaded`'s URL; retries do not wait.
private func remoteRunner(_ loaded: LoadedSpec, _ store: ResultsStore) throws -> ExperimentRunner {
  ExperimentRunner(
    loaded: loaded, inputs: inputs,
    generator: try OpenAIGenerator(spec: loaded.spec.generator, sleep: { _ in }),
    store: store, options: RunOptions(useGenerationCache: false))
}

@Test func aRemoteGeneratorResolvesOnlyTheLastLayerNumberedAsInProcess() throws {
  #expect(try HiddenLayerSelection.last.resolveRemote(blockCount: 30) == [31])
  #expect(try HiddenLayerSelection.layers([.last, .last]).resolveRemote(blockCount: 30) == [31])
  for selection in [HiddenLayerSelection.all, .layers([.index(5), .last]), .layers([.index(31)])] {
    let error = #expect(throws: RunError.self) { try selection.resolveRemote(blockCount: 30) }
    #expect(error?.description.contains("module.layers") == true)
    #expect(error?.description.contains("only the final layer is available remotely") == true)
  }
}

@Test func stableRAGOverHTTPStoresTheServersRawLastTokenStateOfEachWholePrompt() throws {
  let server = try FakeOpenAIServer()
  let store = ResultsStore(database: try LabDatabase.inMemory())
  let summary = try remoteRunner(try remoteSpec(url: server.url), store).run()
  #expect(summary.trialsRecorded == 6)
  #expect(try store.hiddenStateLayers(experimentId: summary.experimentId) == [standInBlocks + 1])
  let trials = try store.trials(experimentId: summary.experimentId, questionId: "q")
  // Evaluated: each state's whole prompt (usage, one token per byte) plus each completion's
  // `timings.prompt_n` (half the prompt's bytes, rounded down, in the stand-in).
  let evaluated = trials.reduce(0) { $0 + $1.promptTokenCount + $1.promptTokenCount / 2 }
  #expect(summary.tokens.evaluated == evaluated)

  let requests = try server.requests()
  let paths = requests.map { $0["_path"] as? String ?? "" }
  // One probe, then per order: the state of the prompt, then its completion.
  #expect(
    paths == ["/v1/embeddings"]
      + Array(repeating: ["/v1/embeddings", "/v1/completions"], count: 6).flatMap { $0 })
  for body in requests where body["_path"] as? String == "/v1/embeddings" {
    #expect(body["embd_normalize"] as? Int == -1)
  }
  var expected: [[Float]] = []
  for (embed, complete) in zip(requests.dropFirst(), requests.dropFirst(2)).enumerated()
    .filter({ $0.offset % 2 == 0 }).map(\.element)
  {
    let prompt = try #require(complete["prompt"] as? String)
    #expect(embed["input"] as? String == prompt)  // the whole prompt, as it is completed
    // The stand-in's state: [UTF-8 bytes, Σ (i + 1) · byte i mod 2039, first byte, last byte].
    let bytes = Array(prompt.utf8)
    let checksum = bytes.enumerated().reduce(0) { ($0 + ($1.offset + 1) * Int($1.element)) % 2039 }
    expected.append([Float(bytes.count), Float(checksum), Float(bytes.first!), Float(bytes.last!)])
  }
  let stored = try store.hiddenStates(experimentId: summary.experimentId, layer: standInBlocks + 1)
  #expect(stored.count == 6 && Set(expected.map { $0[1] }).count == 6)  // six distinct prompts
  let key = { (v: [Float]) in v.map { String($0) }.joined(separator: " ") }
  #expect(stored.map { key($0.vector) }.sorted() == expected.map(key).sorted())
  for state in stored {
    let trial = try #require(
      try store.trials(experimentId: summary.experimentId, questionId: "q")
        .first { $0.id == state.trialId })
    #expect(state.vector[0] == Float(trial.promptTokenCount))  // usage: one token per byte
  }
}

@Test func aServerWithoutEmbeddingsStopsTheRunBeforeAnythingIsStored() throws {
  let server = try FakeOpenAIServer(embeddings: false)
  let store = ResultsStore(database: try LabDatabase.inMemory())
  let error = #expect(throws: GeneratorServerError.self) {
    try remoteRunner(try remoteSpec(url: server.url), store).run()
  }
  #expect(error?.description.contains("\(server.url)/embeddings") == true)
  #expect(error?.description.contains("--embeddings --pooling last") == true)
  #expect(try store.experiments().isEmpty)
  #expect(try server.requests().allSatisfy { $0["_path"] as? String == "/v1/embeddings" })
}

@Test func otherLayersOrTheChatEndpointAreRefusedBeforeAnyRequest() throws {
  let server = try FakeOpenAIServer()
  let store = ResultsStore(database: try LabDatabase.inMemory())
  let layers = #expect(throws: RunError.self) {
    try remoteRunner(try remoteSpec(url: server.url, layers: "[20, last]"), store).run()
  }
  #expect(layers?.description.contains("module.layers") == true)
  let chat = #expect(throws: RunError.self) {
    try remoteRunner(try remoteSpec(url: server.url, endpoint: "chat"), store).run()
  }
  #expect(chat?.description.contains("generator.endpoint") == true)
  #expect(try store.experiments().isEmpty)
  #expect(try server.requests().isEmpty)
}

// Request 1 is the start-up probe; 2–4 are the first order's state, failing three times, so with
// `retries: 2` that trial fails without a completion; the other five orders take 5–14.
@Test func aStateFetchThatKeepsFailingStoresAFailedTrialThatTheRerunCompletes() throws {
  let server = try FakeOpenAIServer(faults: [
    2: .internalError, 3: .internalError, 4: .internalError,
  ])
  let store = ResultsStore(database: try LabDatabase.inMemory())
  let spec = try SpecLoader.parse(
    yaml: remoteSpecYAML(url: server.url).replacingOccurrences(
      of: "max_tokens: 8", with: "max_tokens: 8, retries: 2"))
  let first = try remoteRunner(spec, store).run()
  #expect(first.trialsRecorded == 5 && first.trialsFailed == 1 && first.interrupted)
  let failure = try #require(try store.failures(experimentId: first.experimentId).first)
  #expect(failure.reason.contains("\(server.url)/embeddings") && failure.attempts == 3)
  #expect(try store.hiddenStates(experimentId: first.experimentId, layer: 5).count == 5)
  let requests = try server.requests()
  #expect(requests.count == 14)
  #expect(requests.filter { $0["_path"] as? String == "/v1/completions" }.count == 5)

  let rerun = try remoteRunner(spec, store).run()
  #expect(rerun.trialsRecorded == 1 && rerun.trialsFailed == 0 && !rerun.interrupted)
  #expect(try store.failures(experimentId: first.experimentId).isEmpty)
  #expect(try store.hiddenStates(experimentId: first.experimentId, layer: 5).count == 6)
}

@Test func aServerWhoseBlockCountCannotBeKnownIsRefusedNamingBlockCount() throws {
  let cases: [(modelPath: String?, says: String)] = [
    (nil, "answers no llama.cpp /props with a model_path"),
    ("/nowhere/model.gguf", "names /nowhere/model.gguf, which is not a GGUF readable"),
    // The real GGUF is 576 wide; the stand-in's states are 4 wide, so the file is not its model.
    (try defaultModelPath(), "a GGUF 576 wide, but its states are 4 wide"),
  ]
  for (modelPath, says) in cases {
    let server = try FakeOpenAIServer(modelPath: modelPath)
    let store = ResultsStore(database: try LabDatabase.inMemory())
    let error = #expect(throws: RunError.self) {
      try remoteRunner(try remoteSpec(url: server.url, blockCount: nil), store).run()
    }
    #expect(error?.description.contains("set generator.block_count") == true)
    #expect(error?.description.contains(says) == true)
    #expect(try store.experiments().isEmpty)
  }
}

@Test func aResumedExperimentStoredWithTheLegacyLayerIsRenumbered() throws {
  // Request 2 (the first order's state) fails once more than `retries: 0` allows.
  let server = try FakeOpenAIServer(faults: [2: .internalError])
  let store = ResultsStore(database: try LabDatabase.inMemory())
  let spec = try SpecLoader.parse(
    yaml: remoteSpecYAML(url: server.url).replacingOccurrences(
      of: "max_tokens: 8", with: "max_tokens: 8, retries: 0"))
  let first = try remoteRunner(spec, store).run()
  #expect(first.trialsRecorded == 5 && first.trialsFailed == 1)
  // As a run before the block count was learned stored them.
  #expect(try store.renumberHiddenStates(experimentId: first.experimentId, from: 5, to: -1) == 5)
  let rerun = try remoteRunner(spec, store).run()
  #expect(rerun.resumed && rerun.trialsRecorded == 1 && !rerun.interrupted)
  #expect(try store.hiddenStateLayers(experimentId: first.experimentId) == [5])
  #expect(try store.hiddenStates(experimentId: first.experimentId, layer: 5).count == 6)
}

@Test func eachStateRequestCarriesTheSlotOfItsQuestionsCompletions() throws {
  let server = try FakeOpenAIServer(slots: 4)
  let store = ResultsStore(database: try LabDatabase.inMemory())
  let spec = try SpecLoader.parse(
    yaml: remoteSpecYAML(url: server.url).replacingOccurrences(
      of: "max_tokens: 8", with: "max_tokens: 8, concurrency: 4"))
  _ = try remoteRunner(spec, store).run()
  let requests = try server.requests().dropFirst()  // after the probe
  #expect(requests.count == 12)
  let slots = requests.map { $0["id_slot"] as? Int }
  // One question: its worker's slot on every state request and every completion.
  #expect(slots.allSatisfy { $0 != nil && $0 == slots.first! })
}

@Test func blockCountIsAnOpenAIKeyInTheSpecHashOnlyWhenGiven() throws {
  let url = "http://h/v1"
  let without = try SpecLoader.parse(yaml: remoteSpecYAML(url: url, blockCount: nil))
  let with30 = try SpecLoader.parse(yaml: remoteSpecYAML(url: url, blockCount: 30))
  #expect(without.spec.generator.blockCount == nil && with30.spec.generator.blockCount == 30)
  #expect(without.hash != with30.hash)
  let canonical = String(decoding: try SpecHash.canonicalJSON(without.spec), as: UTF8.self)
  #expect(!canonical.contains("block_count"))
  let zero = try #require(throws: SpecError.self) {
    try SpecLoader.parse(yaml: remoteSpecYAML(url: url, blockCount: 0))
  }
  #expect(zero.problems.map(\.keyPath) == ["generator.block_count"])
  let local = try #require(throws: SpecError.self) {
    try SpecLoader.parse(
      yaml: remoteSpecYAML(url: url, blockCount: 30).replacingOccurrences(
        of: "backend: openai, url: '\(url)', model: fake-model, endpoint: completions, ",
        with: ""))
  }
  #expect(local.problems.map(\.keyPath) == ["generator.block_count"])
  #expect(local.problems[0].message.contains("only applies to backend: openai"))
}
