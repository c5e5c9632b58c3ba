import Inference
import Testing

@testable import Experiments

/// The largest absolute difference between `a` and `b`, relative to the largest magnitude in `b`.
private func relativeDifference(_ a: [Float], _ b: [Float]) -> Float {
  guard a.count == b.count, let scale = b.map(abs).max(), scale > 0 else { return .infinity }
  return zip(a, b).map { abs($0 - $1) }.max()! / scale
}

private let capitals = [
  Passage(id: "a", title: "Paris", text: "Paris is the capital and largest city of France."),
  Passage(id: "b", title: "Berlin", text: "Berlin is the capital of Germany."),
  Passage(id: "c", title: "Rome", text: "Rome is the capital of Italy."),
]
private let capitalQuestion = Question(
  id: "q", text: "What is the capital of France?", answers: ["Paris"])

@Test func realModelStatesFromTheTrieSharedPrefillEqualEachPromptEvaluatedAlone() throws {
  let generator = try InProcessGenerator.load(path: try defaultModelPath())
  let layers = [0, 5, 15, 30, 31]  // embedding, three blocks, final norm (30 blocks)
  let orders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]]
  let requests = orders.enumerated().map { i, order in
    PromptRequest(conditionIndex: i, passages: order.map { capitals[$0] })
  }
  let builder = try PromptBuilder(
    spec: PromptSpec(template: "question_first"), chatFormat: generator.chatFormat)
  var outcomes: [PromptOutcome] = []
  let tally = try PrefixPlanner(hiddenLayers: layers).run(
    question: capitalQuestion, requests: requests, builder: builder, generator: generator,
    options: DecodingOptions(maxTokens: 2)
  ) { outcomes.append($0) }
  #expect(outcomes.count == 6)
  #expect(tally.evaluated < tally.naive)  // prefixes were shared
  for outcome in outcomes {
    // Independently: the engine alone, the whole prompt appended at once in a fresh cache.
    let session = generator.model.makeSession(contextLength: 1024)
    session.captureHiddenLayers = Set(layers)
    try session.append(outcome.promptTokens)
    let states = try #require(outcome.hiddenStates)
    #expect(states.keys.sorted() == layers)
    for layer in layers {
      let alone = session.hiddenState(layer: layer, position: outcome.promptTokens.count - 1)
      // Measured: at most 6.2e-7 (the same 1e-5 a shared prefix's logits are held to).
      #expect(
        relativeDifference(states[layer] ?? [], alone) < 1e-5,
        "order \(outcome.request.conditionIndex) layer \(layer)")
    }
  }
}

@Test func theOutputHeadOnTheCapturedLastStateGivesTheSessionsLogits() throws {
  let generator = try InProcessGenerator.load(path: try defaultModelPath())
  let session = try #require(try generator.makeSession() as? InProcessSession)
  session.captureHiddenStates(layers: [31])
  let builder = try PromptBuilder(
    spec: PromptSpec(template: "question_first"), chatFormat: generator.chatFormat)
  for segment in builder.segments(question: capitalQuestion, passages: capitals).all {
    try session.append(segment: segment)
  }
  let last = try #require(session.lastTokenHiddenStates(layers: [31])?.first)
  let logits = try generator.outputLogits(finalHidden: last)
  let reference = session.session.lastLogits()
  #expect(relativeDifference(logits, reference) < 1e-3)
  #expect(
    logits.indices.max { logits[$0] < logits[$1] }
      == reference.indices.max {
        reference[$0] < reference[$1]
      })
  #expect(session.lastTokenHiddenStates(layers: [10]) == nil)  // not captured
  #expect(throws: RunError.self) { try generator.outputLogits(finalHidden: [1, 2, 3]) }
}
