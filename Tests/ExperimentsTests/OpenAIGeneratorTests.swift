import Foundation
import Store
import Testing

@testable import Experiments

/// The stand-in server (Fixtures/fake_openai_server.py) as a child process, stopped on deinit.
final class FakeOpenAIServer {
  private let server: LoopbackServer
  /// Where the server logs every request body, one JSON line each.
  let log: URL
  /// Where the fault schedule is written (nil without faults).
  private let faultFile: URL?
  /// The API root, `http://127.0.0.1:PORT/v1`.
  var url: String { "http://127.0.0.1:\(port)/v1" }
  /// The port it listens on.
  var port: Int { server.port }

  /// Starts a server on `port` (0: any free one) that exits instead of answering completion
  /// number `dieAfter + 1`, if given, and reports SmolLM2's ChatML template and `slots` slots at
  /// `/props` as llama-server does (or, `reportsChatTemplate: false`, answers 404 there as vLLM
  /// does); each completion is answered `delayMilliseconds` after it arrives, and request
  /// number n (completions, chat or embeddings) (1-based, retries included) meets `faults[n]` instead, if given;
  /// `/v1/embeddings` answers as with `--embeddings --pooling last` unless `embeddings` is false;
  /// `/props` names `modelPath` as its `model_path`, if given.
  init(
    port: Int = 0, dieAfter: Int? = nil, reportsChatTemplate: Bool = true, slots: Int = 1,
    delayMilliseconds: Int = 0, faults: [Int: ServerFault] = [:], embeddings: Bool = true,
    modelPath: String? = nil
  ) throws {
    let stem = FileManager.default.temporaryDirectory.appendingPathComponent(
      "raglab-openai-\(UUID().uuidString)")
    log = stem.appendingPathExtension("jsonl")
    faultFile = faults.isEmpty ? nil : stem.appendingPathExtension("faults.json")
    if let faultFile {
      let schedule = Dictionary(
        uniqueKeysWithValues: faults.map { (String($0.key), $0.value.rawValue) })
      try JSONSerialization.data(withJSONObject: schedule).write(to: faultFile)
    }
    server = try LoopbackServer(
      script: "fake_openai_server.py",
      arguments: [
        log.path, String(port), dieAfter.map(String.init) ?? "-",
        reportsChatTemplate ? "props" : "no-props", faultFile?.path ?? "-",
      ],
      environment: [
        "FAKE_TOTAL_SLOTS": String(slots), "FAKE_DELAY_MS": String(delayMilliseconds),
        "FAKE_EMBEDDINGS": embeddings ? "on" : "off", "FAKE_MODEL_PATH": modelPath ?? "",
      ])
  }

  deinit {
    server.stop()
    try? FileManager.default.removeItem(at: log)
    if let faultFile { try? FileManager.default.removeItem(at: faultFile) }
  }

  /// The request bodies received so far (none before the first completion).
  func requests() throws -> [[String: Any]] {
    guard FileManager.default.fileExists(atPath: log.path) else { return [] }
    return try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map {
      try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
  }
}

/// A passage-count spec over the fake data (6 questions × 8 conditions), with
/// `generator.concurrency` when given.
func httpSpec(backend: String, url: String?, concurrency: Int? = nil) -> String {
  let workers = concurrency.map { "concurrency: \($0), " } ?? ""
  return """
    name: http-sweep
    dataset: {name: fake, path: none, limit: 6}
    retrievers: [bm25, dense]
    retrieval_depth: 12
    generator: {backend: \(backend), \(url.map { "url: '\($0)', model: fake-model, " } ?? "")\(workers)max_tokens: 8, seed: 3}
    module: {name: passage_count, k: [1, 2, 4, 8]}
    """
}

/// (question, passages, answer) of every trial of the only experiment in `store`, sorted.
private func answers(_ store: ResultsStore, _ id: Int64) throws -> [String] {
  try store.conditions(experimentId: id).flatMap { try store.trials(conditionId: $0.id!) }
    .map { "\($0.questionId) \($0.passageIdsJSON) \($0.answer)" }.sorted()
}

@Test func runOverHTTPGivesTheSameTrialsAsTheSameModelInProcess() throws {
  let server = try FakeOpenAIServer()
  let loaded = try SpecLoader.parse(yaml: httpSpec(backend: "openai", url: server.url))
  let generator = try OpenAIGenerator(spec: loaded.spec.generator)
  let httpStore = ResultsStore(database: try LabDatabase.inMemory())
  let http = try ExperimentRunner(
    loaded: loaded, inputs: FakeData.inputs(questions: 6), generator: generator, store: httpStore,
    options: RunOptions(prefixSharing: true, useGenerationCache: false)
  ).run()
  #expect(http.trialsRecorded == 6 * 8)
  let localStore = ResultsStore(database: try LabDatabase.inMemory())
  let local = try makeRunner(localStore, yaml: httpSpec(backend: "inprocess", url: nil)).run()
  #expect(try answers(httpStore, http.experimentId) == answers(localStore, local.experimentId))

  let requests = try server.requests()
  #expect(requests.count == 6 * 8)
  for body in requests {
    #expect(body["model"] as? String == "fake-model")
    #expect(body["max_tokens"] as? Int == 8 && body["seed"] as? Int == 3)
    #expect(body["stop"] as? [String] == ["\n"] && body["temperature"] as? Double == 0)
    #expect((body["prompt"] as? String)?.hasPrefix("<|im_start|>system\n") == true)
  }
  let trial = try #require(
    try httpStore.conditions(experimentId: http.experimentId).first.map {
      try httpStore.trials(conditionId: $0.id!)[0]
    })
  #expect(trial.outputTokensJSON == JSONText.encode(trial.answer.utf8.map { Int32($0) }))
  #expect(trial.promptTokenCount > 100)
  // The server's own count of evaluated prompt tokens (here half the prompt) is what is reported.
  #expect(
    http.tokens.evaluated == requests.map { ($0["prompt"] as! String).utf8.count / 2 }.reduce(0, +))
}

@Test func deadServerIsAnErrorNamingTheURL() throws {
  let generator = GeneratorSpec(backend: "openai", model: "m", url: "http://127.0.0.1:9/v1")
  let error = try #require(throws: GeneratorServerError.self) {
    try OpenAIGenerator(spec: generator, timeout: 5)
  }
  #expect(
    error.description.contains("cannot reach the generator server at http://127.0.0.1:9/v1/models"))
  #expect(error.description.contains("generator.url"))
}

@Test func serverDyingMidRunKeepsFinishedTrialsAndTheRunResumes() throws {
  let store = ResultsStore(database: try LabDatabase.inMemory())
  var port = 0
  var loaded: LoadedSpec
  do {
    let dying = try FakeOpenAIServer(dieAfter: 10)
    port = dying.port
    // One worker: exactly the 10 answered requests are stored before the crash.
    loaded = try SpecLoader.parse(
      yaml: httpSpec(backend: "openai", url: dying.url, concurrency: 1))
    let runner = ExperimentRunner(
      loaded: loaded, inputs: FakeData.inputs(questions: 6),
      generator: try OpenAIGenerator(
        spec: loaded.spec.generator, timeout: 10, sleep: { _ in }),
      store: store, options: RunOptions(prefixSharing: true, useGenerationCache: false))
    // Each later request fails after its 5 retries (connection refused) and its trial is stored
    // as failed; the third failed trial in a row stops the run, naming the URL.
    let error = try #require(throws: RunError.self) { try runner.run() }
    #expect(error.description.contains(dying.url + "/completions"))
    #expect(error.description.contains("3 trials in a row"))
  }
  let experiment = try #require(try store.latestExperiment(named: "http-sweep"))
  #expect(try store.trialCount(experimentId: experiment.id!) == 10)
  let failed = try store.failures(experimentId: experiment.id!)
  #expect(failed.count == 3 && failed.allSatisfy { $0.attempts == 6 })
  #expect(experiment.finishedAt == nil)
  let restarted = try FakeOpenAIServer(port: port)  // same URL, so the same spec and model identity
  let resumed = try ExperimentRunner(
    loaded: loaded, inputs: FakeData.inputs(questions: 6),
    generator: try OpenAIGenerator(spec: loaded.spec.generator), store: store,
    options: RunOptions(prefixSharing: true, useGenerationCache: false)
  ).run()
  #expect(resumed.resumed && resumed.trialsAlreadyDone == 10 && resumed.trialsRecorded == 38)
  #expect(resumed.trialsFailed == 0 && !resumed.interrupted)
  #expect(try store.failures(experimentId: experiment.id!).isEmpty)
  #expect(try restarted.requests().count == 38)
}

@Test func openAIKeysAreCheckedAgainstTheBackend() throws {
  let missing = try #require(throws: SpecError.self) {
    try SpecLoader.parse(yaml: httpSpec(backend: "openai", url: nil))
  }
  #expect(missing.problems.map(\.keyPath) == ["generator.url"])
  let misplaced = try #require(throws: SpecError.self) {
    try SpecLoader.parse(yaml: httpSpec(backend: "inprocess", url: "http://x/v1"))
  }
  #expect(misplaced.problems.map(\.keyPath) == ["generator.url"])
  #expect(misplaced.problems[0].message.contains("only applies to backend: openai"))
}

/// `json` read as a `/completions` answer from a made-up URL.
private func reply(_ json: String) throws -> CompletionReply {
  try CompletionReply(json: Data(json.utf8), from: URL(string: "http://h/v1/completions")!)
}

@Test func legacyLogprobsAndFinishReasonAreRead() throws {
  let parsed = try reply(
    """
    {"choices": [{"text": "Paris", "finish_reason": "length",
                  "logprobs": {"tokens": ["Par", "is"], "token_logprobs": [-0.5, -0.25]}}],
     "usage": {"prompt_tokens": 42}}
    """)
  #expect(parsed.answer.text == "Paris" && parsed.answer.stopReason == "server:length")
  #expect(parsed.answer.logprobs == [-0.5, -0.25] && parsed.answer.tokens.isEmpty)
  #expect(parsed.answer.promptTokenCount == 42 && parsed.evaluatedPromptTokens == 42)
  let empty = try #require(throws: GeneratorServerError.self) { try reply(#"{"choices": []}"#) }
  #expect(empty.description.contains("http://h/v1/completions answered without choices[0].text"))
  let wrongType = try #require(throws: GeneratorServerError.self) {
    try reply(#"{"choices": [{"text": 7}]}"#)
  }
  #expect(wrongType.description.contains("http://h/v1/completions"))
  #expect(wrongType.description.contains("choices[0].text"))
}

@Test func aNullLogprobKeepsEveryTokenAlignedWithItsLogprob() throws {
  let llama = try reply(
    """
    {"choices": [{"text": "abc", "finish_reason": "stop", "logprobs": {"content": [
      {"id": 97, "logprob": -0.5}, {"id": 98, "logprob": null}, {"id": 99, "logprob": -0.25}]}}]}
    """)
  #expect(llama.answer.tokens == [97, 98, 99])
  #expect(llama.answer.logprobs.count == 3)
  #expect(llama.answer.logprobs[0] == -0.5 && llama.answer.logprobs[2] == -0.25)
  #expect(llama.answer.logprobs[1].isNaN)
  let legacy = try reply(
    """
    {"choices": [{"text": "abc", "logprobs": {"tokens": ["a", "b", "c"],
                                             "token_logprobs": [-0.5, null, -0.25]}}]}
    """)
  #expect(legacy.answer.logprobs.count == 3)
  #expect(legacy.answer.logprobs[0] == -0.5 && legacy.answer.logprobs[2] == -0.25)
  #expect(legacy.answer.logprobs[1].isNaN)
  // Stored as "nan", so the stored list keeps its length too.
  #expect(JSONText.encode(legacy.answer.logprobs) == #"[-0.5,"nan",-0.25]"#)
}
