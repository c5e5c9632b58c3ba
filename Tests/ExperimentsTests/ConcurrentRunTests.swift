import Foundation
import Store
import Testing

@testable import Experiments

/// One completion request as the stand-in server logged it: the question's number, the passage
/// ids in prompt order (from `Text of passage N.`) and the llama.cpp slot asked for.
private struct LoggedRequest: Equatable {
  let question: Int
  let passages: [String]
  let slot: Int?
  let cachePrompt: Bool?
}

/// The completions `server` received, in arrival order.
private func logged(_ server: FakeOpenAIServer) throws -> [LoggedRequest] {
  try server.requests().map { body in
    let prompt = try #require(body["prompt"] as? String)
    func numbers(after label: String) -> [Int] {
      prompt.components(separatedBy: label).dropFirst().compactMap {
        Int($0.prefix { $0.isNumber })
      }
    }
    return LoggedRequest(
      question: try #require(numbers(after: "Which title is number ").first),
      passages: numbers(after: "Text of passage ").map { "p\($0)" },
      slot: body["id_slot"] as? Int, cachePrompt: body["cache_prompt"] as? Bool)
  }
}

/// The planner's order for question `n` of the fake data, derived by hand: `FakeRanker` rotates
/// bm25's `p0…p11` and dense's `p11…p0` by n, k runs over 1, 2, 4, 8, and the shared walk
/// visits the passage-id lists in lexicographic order.
private func plannedOrder(question n: Int) -> [[String]] {
  let bm25 = (0..<12).map { "p\((n + $0) % 12)" }
  let dense = (0..<12).map { "p\(11 - (n + $0) % 12)" }
  let lists = [1, 2, 4, 8].flatMap { k in [Array(bm25.prefix(k)), Array(dense.prefix(k))] }
  return lists.sorted { $0.lexicographicallyPrecedes($1) }
}

/// A runner for the fake data over `server` with `concurrency` workers.
private func httpRunner(
  _ server: FakeOpenAIServer, _ store: ResultsStore, concurrency: Int
) throws -> ExperimentRunner {
  let loaded = try SpecLoader.parse(
    yaml: httpSpec(backend: "openai", url: server.url, concurrency: concurrency))
  return ExperimentRunner(
    loaded: loaded, inputs: FakeData.inputs(questions: 6),
    generator: try OpenAIGenerator(spec: loaded.spec.generator, timeout: 10, sleep: { _ in }),
    store: store, options: RunOptions(prefixSharing: true, useGenerationCache: false))
}

/// Checks that every condition of `experimentId` holds each of the 6 questions exactly once.
private func expectEveryTrialOnce(_ store: ResultsStore, _ experimentId: Int64) throws {
  #expect(try store.trialCount(experimentId: experimentId) == 48)
  let conditions = try store.conditions(experimentId: experimentId)
  #expect(conditions.count == 8)
  for condition in conditions {
    let ids = try store.trials(conditionId: condition.id!).map(\.questionId)
    #expect(ids.sorted() == (0..<6).map { "q\($0)" })
  }
}

@Test func fourWorkersStoreEveryTrialOnceAndFinish() throws {
  let server = try FakeOpenAIServer(slots: 4, delayMilliseconds: 5)
  let store = ResultsStore(database: try LabDatabase.inMemory())
  let summary = try httpRunner(server, store, concurrency: 4).run()
  #expect(summary.trialsRecorded == 48 && !summary.interrupted)
  try expectEveryTrialOnce(store, summary.experimentId)
  #expect(try store.latestExperiment(named: "http-sweep")?.finishedAt != nil)
  let requests = try logged(server)
  #expect(requests.count == 48)
  let prompts = requests.map { "\($0.question) \($0.passages)" }
  #expect(Set(prompts).count == 48)  // no prompt was sent twice
  // The server's evaluated tokens (half of each prompt here) add up whatever the interleaving.
  let sent = try server.requests().map { ($0["prompt"] as! String).utf8.count / 2 }
  #expect(summary.tokens.evaluated == sent.reduce(0, +))
}

@Test func eachQuestionWalksInThePlannersOrderOnOneSlot() throws {
  // 40 ms per answer keeps every worker busy long enough for all four to take a question.
  let server = try FakeOpenAIServer(slots: 4, delayMilliseconds: 40)
  let store = ResultsStore(database: try LabDatabase.inMemory())
  _ = try httpRunner(server, store, concurrency: 4).run()
  let requests = try logged(server)
  #expect(requests.count == 48)
  #expect(requests.allSatisfy { $0.cachePrompt == true })
  for n in 0..<6 {
    let mine = requests.filter { $0.question == n }
    #expect(mine.map(\.passages) == plannedOrder(question: n))
    #expect(Set(mine.map(\.slot)).count == 1)
  }
  let slots = requests.compactMap(\.slot)
  #expect(slots.count == 48 && Set(slots).isSubset(of: 0..<4) && Set(slots).count > 1)
  // A slot runs one question's walk to its end before the next: its questions never interleave.
  for slot in Set(slots) {
    let questions = requests.filter { $0.slot == slot }.map(\.question)
    let runs = zip(questions, questions.dropFirst()).filter { $0 != $1 }.count + 1
    #expect(runs == Set(questions).count)
  }
}

@Test func oneWorkerSendsTheSerialOrder() throws {
  let server = try FakeOpenAIServer(slots: 4)
  let store = ResultsStore(database: try LabDatabase.inMemory())
  _ = try httpRunner(server, store, concurrency: 1).run()
  let requests = try logged(server)
  // Question after question in dataset order, each in the planner's order, all on slot 0.
  #expect(requests.map(\.question) == (0..<6).flatMap { Array(repeating: $0, count: 8) })
  #expect(requests.map(\.passages) == (0..<6).flatMap(plannedOrder(question:)))
  #expect(requests.allSatisfy { $0.slot == 0 && $0.cachePrompt == true })
}

@Test func interruptedConcurrentRunResumesWithoutSendingAPromptTwice() throws {
  let server = try FakeOpenAIServer(slots: 4, delayMilliseconds: 5)
  let store = ResultsStore(database: try LabDatabase.inMemory())
  var reports = 0
  let first = try httpRunner(server, store, concurrency: 4).run(
    progress: { _ in reports += 1 }, shouldStop: { reports >= 13 })
  #expect(first.interrupted)
  // Stopping happens between questions: the questions in flight finish whole.
  #expect(first.trialsRecorded >= 16 && first.trialsRecorded < 48)
  #expect(first.trialsRecorded % 8 == 0)
  #expect(try store.latestExperiment(named: "http-sweep")?.finishedAt == nil)
  let second = try httpRunner(server, store, concurrency: 4).run()
  #expect(second.resumed && second.experimentId == first.experimentId)
  #expect(second.trialsAlreadyDone == first.trialsRecorded)
  #expect(second.trialsRecorded == 48 - first.trialsRecorded && !second.interrupted)
  try expectEveryTrialOnce(store, first.experimentId)
  #expect(try store.latestExperiment(named: "http-sweep")?.finishedAt != nil)
  let prompts = try logged(server).map { "\($0.question) \($0.passages)" }
  #expect(prompts.count == 48 && Set(prompts).count == 48)
}

@Test func concurrentRunKilledByTheServerResumesOnlyTheMissingTrials() throws {
  let store = ResultsStore(database: try LabDatabase.inMemory())
  var port = 0
  do {
    let dying = try FakeOpenAIServer(dieAfter: 20, slots: 4, delayMilliseconds: 5)
    port = dying.port
    // Requests to the dead server fail after their retries; three failed trials in a row stop it.
    let error = try #require(throws: RunError.self) {
      try httpRunner(dying, store, concurrency: 4).run()
    }
    #expect(error.description.contains(dying.url + "/completions"))
  }
  let experiment = try #require(try store.latestExperiment(named: "http-sweep"))
  let kept = try store.trialCount(experimentId: experiment.id!)
  #expect(kept <= 20 && experiment.finishedAt == nil)
  let restarted = try FakeOpenAIServer(port: port, slots: 4)
  let resumed = try httpRunner(restarted, store, concurrency: 4).run()
  #expect(resumed.resumed && resumed.trialsAlreadyDone == kept)
  #expect(resumed.trialsRecorded == 48 - kept)
  // The restarted server is asked exactly the trials that were not stored.
  #expect(try restarted.requests().count == 48 - kept)
  try expectEveryTrialOnce(store, experiment.id!)
  #expect(try store.latestExperiment(named: "http-sweep")?.finishedAt != nil)
}
