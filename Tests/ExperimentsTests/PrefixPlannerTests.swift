import Testing

@testable import Experiments

func sweepRequests(_ ks: [Int]) -> [PromptRequest] {
  ks.enumerated().map {
    PromptRequest(conditionIndex: $0, passages: Array(FakeData.passages.prefix($1)))
  }
}

@Test(arguments: [true, false])
func sharedAndNaivePlansShowTheModelIdenticalTokens(chat: Bool) throws {
  let question = FakeData.questions(1)[0]
  let builder = try PromptBuilder(spec: PromptSpec(chat: chat), chatFormat: .chatML)
  let ks = [1, 2, 4, 8, 12]
  var prompts: [Bool: [Int: [Int32]]] = [:]
  var tallies: [Bool: PromptTokenTally] = [:]
  for share in [true, false] {
    let generator = FakeGenerator()
    var seen: [Int: [Int32]] = [:]
    tallies[share] = try PrefixPlanner(sharePrefixes: share).run(
      question: question, requests: sweepRequests(ks), builder: builder, generator: generator,
      options: DecodingOptions()
    ) { seen[$0.request.conditionIndex] = $0.promptTokens }
    prompts[share] = seen
    #expect(generator.evaluatedPromptTokens == tallies[share]!.evaluated)
  }
  #expect(prompts[true]!.count == ks.count)
  #expect(prompts[true]! == prompts[false]!)
  #expect(tallies[true]!.naive == tallies[false]!.naive)
  #expect(tallies[false]!.evaluated == tallies[false]!.naive)
  #expect(tallies[true]!.evaluated < tallies[false]!.evaluated)
}

@Test func sharedPromptsEqualTheirSegmentsTokenisedOneByOne() throws {
  let question = FakeData.questions(1)[0]
  let builder = try PromptBuilder(spec: PromptSpec(), chatFormat: .chatML)
  var outcomes: [PromptOutcome] = []
  _ = try PrefixPlanner().run(
    question: question, requests: sweepRequests([3, 1, 2]), builder: builder,
    generator: FakeGenerator(),
    options: DecodingOptions()
  ) { outcomes.append($0) }
  for outcome in outcomes {
    let expected = outcome.segments.all.flatMap { $0.utf8.map { Int32($0) } }
    #expect(outcome.promptTokens == expected)
    #expect(outcome.answer.text == "Title0")
  }
  // evaluated shortest prefix first
  #expect(outcomes.map { $0.request.passages.count } == [1, 2, 3])
}

@Test func aTwentyStepSweepEvaluatesAtLeastFiveTimesFewerPromptTokens() throws {
  let passages = (0..<20).map {
    Passage(
      id: String(format: "d%02d", $0), title: "T\($0)", text: String(repeating: "word ", count: 80))
  }
  let requests = (1...20).map {
    PromptRequest(conditionIndex: $0 - 1, passages: Array(passages.prefix($0)))
  }
  let tally = try PrefixPlanner().run(
    question: FakeData.questions(1)[0], requests: requests,
    builder: PromptBuilder(spec: PromptSpec(), chatFormat: .chatML),
    generator: FakeGenerator(), options: DecodingOptions()
  ) { _ in }
  #expect(tally.factor >= 5)
}

@Test func branchingRequestsRewindToTheDeepestSharedPassage() throws {
  let p = FakeData.passages
  let requests = [
    PromptRequest(conditionIndex: 0, passages: [p[0], p[1], p[2]]),
    PromptRequest(conditionIndex: 1, passages: [p[0], p[2], p[1]]),
    PromptRequest(conditionIndex: 2, passages: [p[0], p[1]]),
  ]
  let shared = FakeGenerator()
  let naive = FakeGenerator()
  let builder = try PromptBuilder(spec: PromptSpec(chat: false), chatFormat: nil)
  var a: [Int: [Int32]] = [:]
  var b: [Int: [Int32]] = [:]
  let question = FakeData.questions(1)[0]
  let t1 = try PrefixPlanner(sharePrefixes: true).run(
    question: question, requests: requests, builder: builder, generator: shared,
    options: DecodingOptions()
  ) { a[$0.request.conditionIndex] = $0.promptTokens }
  let t2 = try PrefixPlanner(sharePrefixes: false).run(
    question: question, requests: requests, builder: builder, generator: naive,
    options: DecodingOptions()
  ) { b[$0.request.conditionIndex] = $0.promptTokens }
  #expect(a == b)
  #expect(t1.evaluated < t2.evaluated)
}

@Test func promptBuilderLaysOutQuestionLastAndQuestionFirst() throws {
  let q = Question(id: "1", text: "Who?", answers: ["x"])
  let p = [FakeData.passages[0]]
  let two = Array(FakeData.passages.prefix(2))
  let last = try PromptBuilder(
    spec: PromptSpec(template: "question_last", chat: false, instruction: "I"), chatFormat: nil
  ).segments(question: q, passages: p)
  #expect(
    last.text == "I\n\nDocument [1](Title: Title0) Text of passage 0.\n\nQuestion: Who?\nAnswer:")
  // The blank line opens the first passage's segment (or the tail, with none), as BPE splits it.
  #expect(last.header == "I" && last.passages[0].hasPrefix("\n\nDocument [1]"))
  let first = try PromptBuilder(
    spec: PromptSpec(template: "question_first", chat: true, instruction: "S"), chatFormat: .chatML
  ).segments(question: q, passages: two)
  // Stable-RAG's released code: f"Question: {q}\nDocuments: {final_docs}", final_docs =
  // "\n".join(f"document {j}: {doc}"), then the chat template with the generation prompt.
  #expect(
    first.text
      == "<|im_start|>system\nS<|im_end|>\n<|im_start|>user\nQuestion: Who?\nDocuments: "
      + "document 1: Text of passage 0.\ndocument 2: Text of passage 1.<|im_end|>\n"
      + "<|im_start|>assistant\n")
  #expect(
    first.passages == [" document 1: Text of passage 0.", "\ndocument 2: Text of passage 1."])
}

@Test func aChatPromptForAModelWithoutAChatTemplateIsRefusedNamingChatFalse() throws {
  #expect(throws: PromptError.noChatTemplate) {
    try PromptBuilder(spec: PromptSpec(chat: true), chatFormat: nil)
  }
  #expect(PromptError.noChatTemplate.description.contains("chat: false"))
  let raw = try PromptBuilder(spec: PromptSpec(chat: false, instruction: "I"), chatFormat: nil)
    .segments(question: FakeData.questions(1)[0], passages: [])
  #expect(!raw.text.contains("<|im_start|>"))
}
