import Foundation
import Store
import Testing

@testable import Experiments

@Test func chatTurnsSurviveTheBuildersSegmentsAndRefuseUnmarkedText() throws {
  let (before, after) = ChatTurns.format.split(system: "Be brief.")
  // A user turn starting with a combining accent must not merge into the mark.
  let text = before + "\u{301}Document [1] x\n" + "\nQuestion: q?" + after
  let turns = try #require(ChatTurns.split(text))
  #expect(turns.system == "Be brief.")
  #expect(turns.user == "\u{301}Document [1] x\n\nQuestion: q?")
  #expect(ChatTurns.split("Be brief.\n\nQuestion: q?") == nil)
  #expect(ChatTurns.split(text + ChatTurns.format.render("again", "twice")) == nil)
}

@Test func theChatEndpointSendsTheTurnsAndTheServersPromptTokensAreStored() throws {
  let server = try FakeOpenAIServer()
  let chatStore = ResultsStore(database: try LabDatabase.inMemory())
  let chat = try faultRunner(
    faultSpec(server.url, extra: ", endpoint: chat"), store: chatStore, sleeps: RecordedSleeps()
  ).run()
  #expect(chat.trialsRecorded == 6 && chat.trialsFailed == 0)
  let bodies = try server.requests()
  #expect(bodies.count == 6)
  #expect(bodies.allSatisfy { $0["_path"] as? String == "/v1/chat/completions" })
  #expect(bodies.allSatisfy { $0["prompt"] == nil && $0["logprobs"] as? Bool == true })
  #expect(bodies.allSatisfy { $0["top_logprobs"] as? Int == 1 })
  // q0 with k = 1 (the first request): the instruction as the system turn, the rest as the user
  // turn, laid out as docs/experiments.md "Prompt" describes, with no template text.
  let messages = try #require(bodies.first?["messages"] as? [[String: String]])
  #expect(
    messages == [
      ["role": "system", "content": PromptSpec.defaultInstruction],
      [
        "role": "user",
        "content":
          "Document [1](Title: Title0) Text of passage 0.\n\nQuestion: Which title is number 0?",
      ],
    ])

  // The same spec on /completions: same answers, and (the stand-in applying SmolLM2's template
  // as raglab renders it) the same prompt token counts — but a different generator identity.
  let plainStore = ResultsStore(database: try LabDatabase.inMemory())
  let plain = try faultRunner(faultSpec(server.url), store: plainStore, sleeps: RecordedSleeps())
    .run()
  func trials(_ store: ResultsStore, _ id: Int64) throws -> [String] {
    try ["q0", "q1"].flatMap { try store.trials(experimentId: id, questionId: $0) }
      .map { "\($0.questionId) \($0.passageIdsJSON) \($0.answer) \($0.promptTokenCount)" }.sorted()
  }
  #expect(try trials(chatStore, chat.experimentId) == trials(plainStore, plain.experimentId))
  let chatRecord = try #require(try chatStore.latestExperiment(named: "http-faults"))
  let plainRecord = try #require(try plainStore.latestExperiment(named: "http-faults"))
  let chatRun = try JSONText.decode(RunProvenance.self, from: chatRecord.provenanceJSON ?? "")
  let plainRun = try JSONText.decode(RunProvenance.self, from: plainRecord.provenanceJSON ?? "")
  #expect(chatRun.generator.endpoint == "chat" && plainRun.generator.endpoint == nil)
  #expect(chatRun.generator.key != plainRun.generator.key)
  #expect(chatRecord.specHash != plainRecord.specHash)
}

@Test func aCompletionsIdentityKeepsTheKeyItHadBeforeTheEndpointExisted() {
  let identity = GeneratorIdentity(
    backend: "openai", modelSHA256: "m", url: "http://h/v1", servedModel: "x")
  // The canonical JSON holds no endpoint field, so stored generation-cache keys still match.
  #expect(
    identity.json
      == #"{"backend":"openai","modelSHA256":"m","servedModel":"x","url":"http://h/v1"}"#)
  var chat = identity
  chat.endpoint = "chat"
  #expect(chat.key != identity.key)
}
