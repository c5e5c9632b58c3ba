import Testing

@testable import Experiments

/// Two passages and a question, for the `litm` template.
private let question = Question(id: "q", text: "who wrote hamlet", answers: ["Shakespeare"])
private let passages = [
  Passage(id: "a", title: "Hamlet", text: "Hamlet is a tragedy by William Shakespeare."),
  Passage(id: "b", title: "Macbeth", text: "Macbeth is a Scottish play."),
]

/// The builder of `template: litm` with `chat`.
private func litm(chat: Bool) throws -> PromptBuilder {
  try PromptBuilder(
    spec: PromptSpec(template: "litm", chat: chat, instruction: "SYSTEM"),
    chatFormat: chat ? .chatML : nil)
}

@Test func rawLitMPromptIsLiuEtAlsQAPromptExactly() throws {
  // Written out by hand from qa.prompt (nelson-liu/lost-in-the-middle): instruction, blank line,
  // one `Document [i](Title: t) text` line per passage, blank line, question, `Answer:`.
  let expected = """
    Write a high-quality answer for the given question using only the provided search results \
    (some of which might be irrelevant).

    Document [1](Title: Hamlet) Hamlet is a tragedy by William Shakespeare.
    Document [2](Title: Macbeth) Macbeth is a Scottish play.

    Question: who wrote hamlet
    Answer:
    """
  let segments = try litm(chat: false).segments(question: question, passages: passages)
  #expect(segments.text == expected)
  // One segment per passage; the instruction rides with passage 1, so the header ("" raw) is the
  // same for every prompt of a question, closed book included, as the prefix planner needs.
  #expect(segments.header == "")
  #expect(segments.passages[1] == "Document [2](Title: Macbeth) Macbeth is a Scottish play.\n")
}

@Test func chatLitMPromptSendsTheWholeQAPromptAsTheUserTurn() throws {
  let expected = """
    <|im_start|>system
    SYSTEM<|im_end|>
    <|im_start|>user
    Write a high-quality answer for the given question using only the provided search results \
    (some of which might be irrelevant).

    Document [1](Title: Hamlet) Hamlet is a tragedy by William Shakespeare.
    Document [2](Title: Macbeth) Macbeth is a Scottish play.

    Question: who wrote hamlet
    Answer:<|im_end|>
    <|im_start|>assistant

    """
  let segments = try litm(chat: true).segments(question: question, passages: passages)
  #expect(segments.text == expected)
}

@Test func closedBookLitMPromptIsTheQuestionAlone() throws {
  // closedbook_qa.prompt: no instruction, no documents.
  #expect(
    try litm(chat: false).segments(question: question, passages: []).text
      == "Question: who wrote hamlet\nAnswer:")
  #expect(
    try litm(chat: true).segments(question: question, passages: []).text
      == "<|im_start|>system\nSYSTEM<|im_end|>\n<|im_start|>user\nQuestion: who wrote hamlet\n"
      + "Answer:<|im_end|>\n<|im_start|>assistant\n")
}

@Test(arguments: [true, false])
func litMPromptsShareTheirPrefixesAndShowTheSameTokensEitherWay(chat: Bool) throws {
  let builder = try litm(chat: chat)
  let question = FakeData.questions(1)[0]
  var prompts: [Bool: [Int: [Int32]]] = [:]
  var evaluated: [Bool: Int] = [:]
  for share in [true, false] {
    var seen: [Int: [Int32]] = [:]
    evaluated[share] = try PrefixPlanner(sharePrefixes: share).run(
      question: question, requests: sweepRequests([0, 1, 3, 5]), builder: builder,
      generator: FakeGenerator(), options: DecodingOptions()
    ) { seen[$0.request.conditionIndex] = $0.promptTokens }.evaluated
    prompts[share] = seen
  }
  #expect(prompts[true]!.count == 4)
  #expect(prompts[true]! == prompts[false]!)
  #expect(evaluated[true]! < evaluated[false]!)
}
