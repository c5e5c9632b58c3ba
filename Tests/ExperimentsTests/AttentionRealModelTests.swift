import Inference
import Store
import Testing

@testable import Experiments

@Test func inProcessSessionRecordsEachSegmentsTokenRangeAndItsAttentionCoversEveryToken() throws {
  let generator = try InProcessGenerator.load(path: try defaultModelPath())
  let segments = [
    "<|im_start|>system\nAnswer briefly.<|im_end|>\n<|im_start|>user\n",
    "Document [1](Title: Paris) Paris is the capital of France.\n",
    "Document [2](Title: Rome) Rome is the capital of Italy.\n",
    "\nQuestion: What is the capital of France?<|im_end|>\n<|im_start|>assistant\n",
  ]
  // Expected ranges: each segment's own token count, laid end to end.
  let counts = segments.map { generator.model.tokenizer.encode($0, parseSpecial: true).count }
  var expected: [Range<Int>] = []
  for count in counts {
    expected.append((expected.last?.upperBound ?? 0)..<((expected.last?.upperBound ?? 0) + count))
  }
  let session = try #require(try generator.makeSession() as? InProcessSession)
  for segment in segments { try session.append(segment: segment) }
  #expect(session.spans.ranges == expected)
  #expect(expected.last?.upperBound == session.tokens.count)
  // Softmax weights of every layer sum to 1 over the whole context: the segments cover it once.
  let attention = try #require(session.segmentAttention())
  #expect(attention.count == generator.model.config.layerCount)
  for layer in attention {
    #expect(layer.count == 4)
    #expect(abs(layer.reduce(0, +) - 1) < 1e-3)
    #expect(layer.allSatisfy { $0 >= 0 })
  }
  session.rewind(to: SessionCheckpoint(position: expected[1].upperBound))
  #expect(session.spans.ranges == Array(expected.prefix(2)))
}

@Test func runnerStoresTheLastPromptTokensAttentionPerSlotAndQuarterEvenWhenTheAnswerIsCached()
  throws
{
  let generator = try InProcessGenerator.load(path: try defaultModelPath())
  let yaml = """
    name: attention-check
    dataset: {name: fake, path: none, limit: 1}
    retrievers: [bm25]
    retrieval_depth: 12
    generator: {max_tokens: 4}
    module: {name: passage_count, k: [2, 3]}
    """
  let store = ResultsStore(database: try LabDatabase.inMemory())
  func run(_ yaml: String) throws -> RunSummary {
    try ExperimentRunner(
      loaded: try SpecLoader.parse(yaml: yaml), inputs: FakeData.inputs(questions: 1),
      generator: generator, store: store, options: RunOptions(useGenerationCache: true)
    ).run()
  }
  let plain = try run(yaml)  // fills the generation cache
  #expect(try store.attentionTrialCount(experimentId: plain.experimentId) == 0)
  let measured = try run(yaml + "\ndiagnostics: [attention]")
  #expect(measured.experimentId != plain.experimentId)
  #expect(measured.trialsFromCache == 0)  // a cached answer carries no attention: not read
  let builder = try PromptBuilder(spec: PromptSpec(), chatFormat: generator.chatFormat)
  let quarters = [0..<8, 8..<16, 16..<23, 23..<30]  // 30 layers → 8, 8, 7, 7
  let conditions = try store.conditions(experimentId: measured.experimentId)
  #expect(conditions.count == 2)  // k = 2, then k = 3 after rewinding k = 2's tail
  for condition in conditions {
    let trial = try #require(try store.trials(conditionId: condition.id!).first)
    let ids = try JSONText.decode([String].self, from: trial.passageIdsJSON)
    let rows = try store.attention(trialId: trial.id!)
    #expect(rows.count == ids.count * 4)  // slots × quarters

    // Independently: the same prompt in a fresh session, appended at once, spans from the
    // segments' token counts, quarters by hand.
    let passages = ids.compactMap { id in FakeData.passages.first { $0.id == id } }
    let parts = builder.segments(question: FakeData.questions(1)[0], passages: passages).all
    let tokens = parts.map { generator.model.tokenizer.encode($0, parseSpecial: true) }
    var spans: [Range<Int>] = []
    var start = tokens[0].count
    for passage in tokens.dropFirst().dropLast() {
      spans.append(start..<(start + passage.count))
      start += passage.count
    }
    let session = generator.model.makeSession(contextLength: 2048)
    try session.append(tokens.flatMap { $0 })
    let perLayer = session.attentionMass(spans: spans)
    #expect(perLayer.count == 30)
    for row in rows {
      let layers = quarters[row.quarter - 1]
      let mean =
        layers.reduce(0.0) { $0 + Double(perLayer[$1][row.slot - 1]) } / Double(layers.count)
      #expect(abs(row.mass - mean) < 1e-4, "k \(ids.count) slot \(row.slot) Q\(row.quarter)")
    }
  }
}
