import Foundation
import Store
import Testing

@testable import Experiments

/// Delays the generator was asked to wait between retries, in order.
final class RecordedSleeps: @unchecked Sendable {
  private let lock = NSLock()
  private var values: [TimeInterval] = []
  /// Records one wait instead of sleeping.
  func sleep(_ seconds: TimeInterval) { lock.withLock { values.append(seconds) } }
  /// The waits so far.
  var delays: [TimeInterval] { lock.withLock { values } }
}

/// 2 questions × k 1, 2, 4 over BM25 on the stand-in server: 6 trials, one worker (so request
/// numbers follow the planner's order), `retries` retries, and `extra` generator keys.
func faultSpec(_ url: String, retries: Int = 2, extra: String = "") -> String {
  """
  name: http-faults
  dataset: {name: fake, path: none, limit: 2}
  retrievers: [bm25]
  retrieval_depth: 4
  generator: {backend: openai, url: '\(url)', model: fake-model, concurrency: 1, retries: \(retries), max_tokens: 8\(extra)}
  module: {name: passage_count, k: [1, 2, 4]}
  """
}

/// A runner of `yaml` on the fake data against the server, recording retry waits in `sleeps`.
func faultRunner(
  _ yaml: String, store: ResultsStore, sleeps: RecordedSleeps, timeout: TimeInterval = 10,
  environment: [String: String] = [:]
) throws -> ExperimentRunner {
  let loaded = try SpecLoader.parse(yaml: yaml)
  let generator = try OpenAIGenerator(
    spec: loaded.spec.generator, timeout: timeout, environment: environment,
    sleep: { sleeps.sleep($0) })
  return ExperimentRunner(
    loaded: loaded, inputs: FakeData.inputs(questions: 2), generator: generator, store: store,
    options: RunOptions(prefixSharing: true, useGenerationCache: false))
}

/// Stored trials of `experimentId` as "question condition" strings, one per stored row.
private func storedPairs(_ store: ResultsStore, _ experimentId: Int64) throws -> [String] {
  try store.conditions(experimentId: experimentId).flatMap { condition in
    try store.trials(conditionId: condition.id!).map { "\($0.questionId) \(condition.id!)" }
  }
}

// The planner walks q0 (k 1, 2, 4), then q1: requests 1 (q0 k1), 2–4 (q0 k2: the fault three
// times, so with 2 retries the trial fails), 5 (q0 k4), 6–7 (q1 k1: the fault once, then the
// answer), 8 (q1 k2), 9 (q1 k4). The rerun sends request 10 (q0 k2), which is answered.
@Test(arguments: ServerFault.transient)
func aFaultIsRetriedAndATrialThatKeepsFailingIsStoredAsFailedThenRerun(_ fault: ServerFault)
  throws
{
  let server = try FakeOpenAIServer(faults: [2: fault, 3: fault, 4: fault, 6: fault])
  let store = ResultsStore(database: try LabDatabase.inMemory())
  let sleeps = RecordedSleeps()
  // A stall outlasts a 1 s timeout; the other faults answer at once.
  let timeout: TimeInterval = fault == .stall ? 1 : 10
  let first = try faultRunner(
    faultSpec(server.url), store: store, sleeps: sleeps, timeout: timeout
  ).run()
  let pairs = try storedPairs(store, first.experimentId)
  let failures = try store.failures(experimentId: first.experimentId)
  let duplicated = pairs.count - Set(pairs).count
  #expect(first.trialsTotal == 6 && pairs.count == 5 && failures.count == 1 && duplicated == 0)
  #expect(first.trialsRecorded == 5 && first.trialsFailed == 1 && first.interrupted)
  #expect(try server.requests().count == 9)
  let failure = try #require(failures.first)
  #expect(failure.questionId == "q0" && failure.attempts == 3)
  #expect(failure.reason.contains("\(server.url)/completions"))
  #expect(try store.latestExperiment(named: "http-faults")?.finishedAt == nil)
  // Three retries in all: a 429 or 503 waits its Retry-After (2 s), the others back off with
  // full jitter under 0.5 s, then 1 s (the failing trial) and 0.5 s (the recovered one).
  if fault == .tooManyRequests || fault == .unavailable {
    #expect(sleeps.delays == [2, 2, 2])
  } else {
    let ceilings: [TimeInterval] = [0.5, 1, 0.5]
    #expect(sleeps.delays.count == 3)
    #expect(zip(sleeps.delays, ceilings).allSatisfy { $0 >= 0 && $0 <= $1 })
  }

  let rerun = try faultRunner(faultSpec(server.url), store: store, sleeps: sleeps).run()
  let after = try storedPairs(store, first.experimentId)
  #expect(rerun.resumed && rerun.trialsAlreadyDone == 5 && rerun.trialsRecorded == 1)
  #expect(rerun.trialsFailed == 0 && !rerun.interrupted)
  #expect(after.count == 6 && Set(after).count == 6)
  #expect(try store.failures(experimentId: first.experimentId).isEmpty)
  #expect(try store.latestExperiment(named: "http-faults")?.finishedAt != nil)
  #expect(try server.requests().count == 10)
  // Every answer is the one the server gives without faults: the first passage's title.
  let answers = try store.trials(experimentId: first.experimentId, questionId: "q0").map(\.answer)
  #expect(answers == ["Title0", "Title0", "Title0"])
  print(
    "fault matrix | \(fault) | 6 | \(pairs.count) | \(failures.count) | \(duplicated) | "
      + "\(rerun.trialsRecorded) stored, \(after.count)/6, \(after.count - Set(after).count) "
      + "duplicated | \(failure.reason.prefix(160)) |")
}

@Test func anotherClientErrorStopsTheRunAtOnceWithTheServersMessage() throws {
  let server = try FakeOpenAIServer(faults: [2: .badRequest])
  let store = ResultsStore(database: try LabDatabase.inMemory())
  let sleeps = RecordedSleeps()
  let error = try #require(throws: GeneratorServerError.self) {
    try faultRunner(faultSpec(server.url), store: store, sleeps: sleeps).run()
  }
  #expect(error.description.contains("\(server.url)/completions answered HTTP 400"))
  #expect(error.description.contains("the request exceeds the available context size"))
  #expect(try server.requests().count == 2 && sleeps.delays.isEmpty)
  let experiment = try #require(try store.latestExperiment(named: "http-faults"))
  #expect(try store.trialCount(experimentId: experiment.id!) == 1)
  #expect(try store.failures(experimentId: experiment.id!).isEmpty)
}

@Test func threeFailedTrialsInARowStopTheRunNamingTheServer() throws {
  // Requests 2–7 fail: with 1 retry, q0 k2, q0 k4 and q1 k1 fail in a row.
  let faults = Dictionary(uniqueKeysWithValues: (2...7).map { ($0, ServerFault.internalError) })
  let server = try FakeOpenAIServer(faults: faults)
  let store = ResultsStore(database: try LabDatabase.inMemory())
  let error = try #require(throws: RunError.self) {
    try faultRunner(faultSpec(server.url, retries: 1), store: store, sleeps: RecordedSleeps())
      .run()
  }
  #expect(error.description.contains("3 trials in a row"))
  #expect(error.description.contains("\(server.url)/completions answered HTTP 500"))
  let experiment = try #require(try store.latestExperiment(named: "http-faults"))
  #expect(try store.trialCount(experimentId: experiment.id!) == 1)
  #expect(try store.failures(experimentId: experiment.id!).count == 3)
  #expect(try server.requests().count == 7)
}
