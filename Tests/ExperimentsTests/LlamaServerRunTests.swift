import Foundation
import Store
import Testing

@testable import Experiments

/// A passage-count spec over the fake data: 4 questions × BM25 k 1, 2, 3, answered by `generator`.
private func smallSweep(generator: String) -> String {
  """
  name: llama-server-sweep
  dataset: {name: fake, path: none, limit: 4}
  retrievers: [bm25]
  retrieval_depth: 3
  generator: {\(generator), max_tokens: 4, seed: 3}
  module: {name: passage_count, k: [1, 2, 3]}
  """
}

/// Runs `yaml` over the fake data's first `questions` questions with `generator` into a fresh
/// in-memory store.
private func run(_ yaml: String, _ generator: any Generator, questions: Int = 4) throws
  -> (ResultsStore, RunSummary)
{
  let store = ResultsStore(database: try LabDatabase.inMemory())
  let summary = try ExperimentRunner(
    loaded: try SpecLoader.parse(yaml: yaml), inputs: FakeData.inputs(questions: questions),
    generator: generator, store: store,
    options: RunOptions(prefixSharing: true, useGenerationCache: false)
  ).run()
  return (store, summary)
}

/// Prompt token count of every stored trial, by "question passage-ids"; each trial counted once.
private func promptTokens(_ store: ResultsStore, _ id: Int64) throws -> [String: [Int]] {
  let trials = try store.conditions(experimentId: id).flatMap {
    try store.trials(conditionId: $0.id!)
  }
  return Dictionary(grouping: trials) { "\($0.questionId) \($0.passageIdsJSON)" }
    .mapValues { $0.map(\.promptTokenCount) }
}

@Test(.enabled(if: LlamaServerProcess.isBuilt, LlamaServerProcess.notBuilt))
func realLlamaServerWithFourSlotsCountsTheSamePromptTokensAsTheEngineOnEveryTrial() throws {
  let model = try defaultModelPath()
  let server = try LlamaServerProcess(model: model, slots: 4, contextPerSlot: 1024)
  defer { server.stop() }
  let yaml = smallSweep(
    generator: "backend: openai, url: '\(server.url)', model: smollm2, concurrency: 4")
  let remote = try OpenAIGenerator(spec: try SpecLoader.parse(yaml: yaml).spec.generator)
  // The server's /props reports 4 slots and SmolLM2's ChatML template: one slot per worker.
  #expect(remote.llamaCpp?.pinsSlots == true && remote.chatFormat != nil)
  let (httpStore, http) = try run(yaml, remote)
  // The chat endpoint on the same server: 2 questions × 3 conditions, templated by the server.
  let chatYAML = yaml.replacingOccurrences(
    of: "concurrency: 4", with: "concurrency: 4, endpoint: chat")
  let chatGenerator = try OpenAIGenerator(spec: try SpecLoader.parse(yaml: chatYAML).spec.generator)
  let (chatStore, chat) = try run(chatYAML, chatGenerator, questions: 2)
  server.stop()
  let engine = try InProcessGenerator.load(path: model)
  let (localStore, local) = try run(smallSweep(generator: "backend: inprocess"), engine)

  // Every trial stored once: 4 questions × 3 conditions, no failures, nothing twice.
  #expect(http.trialsRecorded == 12 && http.trialsFailed == 0 && !http.interrupted)
  let remoteCounts = try promptTokens(httpStore, http.experimentId)
  let localCounts = try promptTokens(localStore, local.experimentId)
  #expect(remoteCounts.count == 12 && remoteCounts.values.allSatisfy { $0.count == 1 })
  #expect(try httpStore.failures(experimentId: http.experimentId).isEmpty)
  // SmolLM2's GGUF has tokenizer.ggml.add_bos_token = false, so llama-server's /completions
  // (tokenised with add_special and parse_special) adds no BOS: the counts must be equal, not
  // off by one. raglab's tokenizer reads the same flag.
  #expect(!engine.model.tokenizer.addsBOS)
  #expect(remoteCounts == localCounts)
  #expect(localCounts.values.allSatisfy { $0[0] > 30 })
  // Each question's walk ran on one slot in order, so the server's prompt cache skipped the
  // shared prefixes: it evaluated fewer tokens than the 12 prompts hold.
  let sent = remoteCounts.values.map { $0[0] }.reduce(0, +)
  #expect(http.tokens.evaluated > 0 && http.tokens.evaluated < sent)

  // Chat: every trial stored once with the server's answer; its prompt tokens are the server's
  // (its own rendering of the GGUF's template), which for SmolLM2's ChatML count as raglab's
  // rendering does; the provenance says the server templated (the notebook's generator row).
  print("llama-server chat endpoint: \(chat.trialsRecorded) trials in \(chat.seconds) s")
  #expect(chat.trialsRecorded == 6 && chat.trialsFailed == 0 && !chat.interrupted)
  let chatTrials = try chatStore.conditions(experimentId: chat.experimentId).flatMap {
    try chatStore.trials(conditionId: $0.id!)
  }
  #expect(
    chatTrials.count == 6 && chatTrials.allSatisfy { $0.outputTokensJSON != "[]" && !$0.fromCache })
  let chatCounts = try promptTokens(chatStore, chat.experimentId)
  #expect(chatCounts.count == 6 && chatCounts.allSatisfy { remoteCounts[$0.key] == $0.value })
  #expect(chat.tokens.evaluated > 0)
  let record = try #require(try chatStore.latestExperiment(named: "llama-server-sweep"))
  let provenance = try JSONText.decode(RunProvenance.self, from: record.provenanceJSON ?? "")
  #expect(provenance.generator.endpoint == "chat")
}
