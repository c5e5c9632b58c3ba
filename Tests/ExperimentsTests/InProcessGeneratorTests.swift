import Foundation
import Inference
import Testing

@testable import Experiments

/// The default model that `make test` installs; a missing file fails the test naming set-up.
func defaultModelPath() throws -> String {
  try AssetPaths.require(GeneratorSpec.defaultModel, what: "default model (SmolLM2-135M)")
}

@Test func realModelSharedAndNaivePlansSeeTheSameTokensAndGiveTheSameAnswers() throws {
  let generator = try InProcessGenerator.load(path: try defaultModelPath())
  #expect(generator.modelSHA256.hasPrefix("b179c952"))
  let passages = [
    Passage(id: "a", title: "Paris", text: "Paris is the capital and largest city of France."),
    Passage(id: "b", title: "Berlin", text: "Berlin is the capital of Germany."),
    Passage(id: "c", title: "Rome", text: "Rome is the capital of Italy."),
  ]
  let question = Question(id: "q", text: "What is the capital of France?", answers: ["Paris"])
  let requests = (1...3).map {
    PromptRequest(conditionIndex: $0 - 1, passages: Array(passages.prefix($0)))
  }
  let builder = try PromptBuilder(spec: PromptSpec(), chatFormat: generator.chatFormat)
  let options = DecodingOptions(maxTokens: 6, stop: ["\n"])
  var shared: [Int: PromptOutcome] = [:]
  var naive: [Int: PromptOutcome] = [:]
  let t1 = try PrefixPlanner(sharePrefixes: true).run(
    question: question, requests: requests, builder: builder, generator: generator, options: options
  ) { shared[$0.request.conditionIndex] = $0 }
  let t2 = try PrefixPlanner(sharePrefixes: false).run(
    question: question, requests: requests, builder: builder, generator: generator, options: options
  ) { naive[$0.request.conditionIndex] = $0 }
  for i in 0..<3 {
    #expect(shared[i]?.promptTokens == naive[i]?.promptTokens)
    #expect(shared[i]?.answer.text == naive[i]?.answer.text)
  }
  #expect(t1.naive == t2.evaluated)
  #expect(t1.evaluated < t2.evaluated)
  #expect(QAMetrics.score(prediction: shared[0]!.answer.text, golds: ["Paris"]).subem == 1)
}

@Test func inProcessIdentityNamesTheKVCacheTypeAndEngineVersion() throws {
  let model = try LanguageModel.load(path: try defaultModelPath())
  let f32 = try InProcessGenerator(model: model, kvCache: .f32)
  let f16 = try InProcessGenerator(model: model, kvCache: .f16)
  #expect(f32.identity.backend == "inprocess")
  #expect(f32.identity.kvCache == "f32" && f16.identity.kvCache == "f16")
  #expect(f32.identity.engineVersion == EngineVersion.current)
  #expect(f32.identity.modelSHA256 == f32.modelSHA256)
  #expect(f32.identity.key != f16.identity.key)
}

/// Segments are tokenised one by one (for prefix sharing); a server tokenises the whole prompt.
/// With the real tokenizer both give the same tokens, so in-process and server prompt token counts
/// agree — for every template with chat, and raw for `question_first` and `litm`. Raw
/// `question_last` does not yet: its header ends with the instruction's blank line, which alone
/// is one token ("\n\n", 1116) but before "Document" two ("\n", "\n"); left for a fix that
/// changes raw prompts' tokens (no shipped spec sends raw `question_last`).
@Test(arguments: ["question_last", "question_first", "litm"])
func segmentBySegmentTokensEqualTheWholePromptsTokens(template: String) throws {
  let model = try LanguageModel.load(path: try defaultModelPath())
  let passages = [
    Passage(id: "a", title: "Paris", text: "Paris is the capital and largest city of France."),
    Passage(id: "b", title: "Berlin", text: "Berlin is the capital of Germany."),
    Passage(id: "c", title: "Rome", text: "Rome is the capital of Italy."),
  ]
  let question = Question(id: "q", text: "What is the capital of France?", answers: ["Paris"])
  for chat in [true, false] {
    let builder = try PromptBuilder(
      spec: PromptSpec(template: template, chat: chat),
      chatFormat: model.chatTemplate.map(ChatFormat.init))
    for count in [0, 1, 3] {  // closed book, one passage, several
      let segments = builder.segments(question: question, passages: Array(passages.prefix(count)))
      let pieces = segments.all.flatMap { model.tokenizer.encode($0, parseSpecial: true) }
      #expect(
        pieces == model.tokenizer.encode(segments.text, parseSpecial: true),
        "chat: \(chat), \(count) passages")
    }
  }
}
