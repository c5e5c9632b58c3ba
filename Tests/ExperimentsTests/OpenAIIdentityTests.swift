import Foundation
import Store
import Testing

@testable import Experiments

/// A spec for the stand-in server with `model` as the served model name and `chat` prompts.
private func serverSpec(_ url: String, model: String = "fake-model", chat: Bool = true) throws
  -> LoadedSpec
{
  try SpecLoader.parse(
    yaml: """
      name: http-identity
      dataset: {name: fake, path: none, limit: 2}
      retrievers: [bm25]
      generator: {backend: openai, url: '\(url)', model: \(model), max_tokens: 8}
      prompt: {chat: \(chat)}
      module: {name: passage_count, k: [1, 2]}
      """)
}

@Test func anOpenAIGeneratorsIdentityHoldsBackendURLAndServedModel() throws {
  let server = try FakeOpenAIServer()
  let a = try OpenAIGenerator(spec: try serverSpec(server.url).spec.generator)
  let b = try OpenAIGenerator(spec: try serverSpec(server.url, model: "other").spec.generator)
  #expect(a.identity.backend == "openai")
  #expect(a.identity.url == server.url)
  #expect(a.identity.servedModel == "fake-model")
  #expect(a.identity.engineVersion == nil && a.identity.kvCache == nil)
  #expect(a.identity.key != b.identity.key)
}

@Test func theChatTemplateComesFromTheServersPropsAndRendersLikeTheModelsOwn() throws {
  let server = try FakeOpenAIServer()
  let generator = try OpenAIGenerator(spec: try serverSpec(server.url).spec.generator)
  let format = try #require(generator.chatFormat)
  #expect(
    format.render("S", "U")
      == "<|im_start|>system\nS<|im_end|>\n<|im_start|>user\nU<|im_end|>\n<|im_start|>assistant\n")
}

@Test func aServerThatDoesNotReportItsTemplateRefusesChatPromptsAndServesRawOnes() throws {
  let server = try FakeOpenAIServer(reportsChatTemplate: false)
  let chat = try serverSpec(server.url)
  let generator = try OpenAIGenerator(spec: chat.spec.generator)
  #expect(generator.chatFormat == nil)
  let store = ResultsStore(database: try LabDatabase.inMemory())
  #expect(throws: PromptError.noChatTemplate) {
    try ExperimentRunner(
      loaded: chat, inputs: FakeData.inputs(questions: 2), generator: generator, store: store
    ).run()
  }
  #expect(try server.requests().isEmpty)
  let raw = try ExperimentRunner(
    loaded: try serverSpec(server.url, chat: false), inputs: FakeData.inputs(questions: 2),
    generator: generator, store: store
  ).run()
  #expect(raw.trialsRecorded == 4)
  let prompts = try server.requests().compactMap { $0["prompt"] as? String }
  #expect(prompts.count == 4 && prompts.allSatisfy { !$0.contains("<|im_start|>") })
}
