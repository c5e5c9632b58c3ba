import Testing

@testable import Experiments

@Test func sharedAndNaivePlansReadTheSameStatesAfterEachPromptsLastToken() throws {
  let question = FakeData.questions(1)[0]
  let builder = try PromptBuilder(spec: PromptSpec(), chatFormat: .chatML)
  let p = FakeData.passages
  let requests = [
    PromptRequest(conditionIndex: 0, passages: [p[0], p[1], p[2]]),
    PromptRequest(conditionIndex: 1, passages: [p[0], p[2], p[1]]),
    PromptRequest(conditionIndex: 2, passages: [p[0], p[1]]),
  ]
  var states: [Bool: [Int: [Int: [Float]]]] = [:]
  for share in [true, false] {
    let generator = FakeGenerator()
    generator.hiddenBlockCount = 4
    _ = try PrefixPlanner(sharePrefixes: share, hiddenLayers: [2, 5]).run(
      question: question, requests: requests, builder: builder, generator: generator,
      options: DecodingOptions()
    ) { outcome in
      states[share, default: [:]][outcome.request.conditionIndex] = outcome.hiddenStates
      // Expected: the fake's state of the whole prompt, rebuilt from the request's segments.
      let prompt = builder.segments(question: question, passages: outcome.request.passages).all
        .flatMap { $0.utf8.map { Int32($0) } }
      #expect(outcome.hiddenStates?[2] == FakeGenerator.state(layer: 2, prompt: prompt))
      #expect(outcome.hiddenStates?[5] == FakeGenerator.state(layer: 5, prompt: prompt))
    }
  }
  #expect(states[true]?.count == 3)
  #expect(states[true] == states[false])
}

@Test func withoutHiddenLayersOutcomesCarryNoStates() throws {
  let generator = FakeGenerator()
  generator.hiddenBlockCount = 4
  _ = try PrefixPlanner().run(
    question: FakeData.questions(1)[0], requests: sweepRequests([1, 2]),
    builder: PromptBuilder(spec: PromptSpec(), chatFormat: .chatML), generator: generator,
    options: DecodingOptions()
  ) { #expect($0.hiddenStates == nil) }
}

@Test func askingForStatesOnASessionWithoutThemIsARunError() throws {
  #expect(throws: RunError.self) {
    try PrefixPlanner(hiddenLayers: [5]).run(
      question: FakeData.questions(1)[0], requests: sweepRequests([1]),
      builder: PromptBuilder(spec: PromptSpec(), chatFormat: .chatML), generator: FakeGenerator(),
      options: DecodingOptions()
    ) { _ in }
  }
}
