import Testing

@testable import Inference

// These tests hold the engine to a naive F32 reference, so they load with `numerics: .f32`; the
// int8 path is checked against llama.cpp (LlamaCppFixtureTests) and its kernels in Int8GemmTests.

private let prompt: [Int] = [1, 4, 2, 7, 3, 8, 0]

@Test(arguments: ["llama", "qwen2"])
func forwardPassMatchesNaiveReference(arch: String) throws {
  let tiny = TinyModel(arch: arch)
  let path = try tiny.write()
  let ref = tiny.reference(prompt)
  for threads in [1, 2] {  // heads split over threads in prefill attention
    let model = try LanguageModel.load(path: path, threads: threads, numerics: .f32)
    #expect(model.config.architecture == arch && model.config.headDimension == 4)
    for block in [128, 3] {  // one attention block, and several causal row blocks
      let session = model.makeSession(contextLength: 16)
      session.attentionRowBlock = block
      try session.append(prompt.map(Int32.init))
      #expect(maxDifference(session.lastLogits(), ref.logits) < 1e-4)
    }
  }
}

@Test func tokenByTokenDecodeMatchesBatchedPrefill() throws {
  let tiny = TinyModel(arch: "llama")
  let model = try LanguageModel.load(path: try tiny.write(), threads: 1, numerics: .f32)
  let batched = model.makeSession(contextLength: 16)
  try batched.append(prompt.map(Int32.init))
  let stepwise = model.makeSession(contextLength: 16)
  for t in prompt { try stepwise.append([Int32(t)]) }
  #expect(maxDifference(batched.lastLogits(), stepwise.lastLogits()) < 1e-5)
}

@Test func truncateThenAppendEqualsFreshSession() throws {
  let tiny = TinyModel(arch: "qwen2")
  let model = try LanguageModel.load(path: try tiny.write(), threads: 1, numerics: .f32)
  let session = model.makeSession(contextLength: 16)
  try session.append([5, 5, 5, 6, 6, 6, 6])
  session.truncate(to: 2)
  #expect(session.count == 2)
  try session.append([7, 1, 2])
  let fresh = model.makeSession(contextLength: 16)
  try fresh.append([5, 5, 7, 1, 2])
  #expect(maxDifference(session.lastLogits(), fresh.lastLogits()) < 1e-5)
  session.truncate(to: 4)  // logits after truncation re-derive the last position
  let prefix = model.makeSession(contextLength: 16)
  try prefix.append([5, 5, 7, 1])
  #expect(maxDifference(session.lastLogits(), prefix.lastLogits()) < 1e-5)
}

@Test func capturedHiddenStatesMatchReferenceAndFeedTheHead() throws {
  let tiny = TinyModel(arch: "llama")
  let model = try LanguageModel.load(path: try tiny.write(), threads: 1, numerics: .f32)
  let session = model.makeSession(contextLength: 16)
  session.captureHiddenLayers = [0, 1, 2, 3]
  try session.append(prompt.map(Int32.init))
  let ref = tiny.reference(prompt)
  for layer in 0...2 {
    for pos in [0, 3, prompt.count - 1] {
      #expect(
        maxDifference(session.hiddenState(layer: layer, position: pos), ref.hidden[layer][pos])
          < 1e-4)
    }
  }
  let last = session.hiddenState(layer: 2, position: prompt.count - 1)
  #expect(maxDifference(session.logits(fromHidden: last), session.lastLogits()) < 1e-5)
  let normed = session.hiddenState(layer: 3, position: prompt.count - 1)
  #expect(maxDifference(normed, tiny.rmsnorm(ref.hidden[2].last!, "output_norm.weight")) < 1e-4)
}

@Test func attentionMassOfLastPositionMatchesReference() throws {
  let tiny = TinyModel(arch: "llama")
  let model = try LanguageModel.load(path: try tiny.write(), threads: 1, numerics: .f32)
  let session = model.makeSession(contextLength: 16)
  try session.append(prompt.map(Int32.init))
  let spans = [0..<2, 2..<5, 0..<prompt.count]
  let mass = session.attentionMass(spans: spans)
  let ref = tiny.reference(prompt).attention
  #expect(mass.count == 2)
  for l in 0..<2 {
    for (i, s) in spans.enumerated() {
      #expect(abs(mass[l][i] - ref[l][s].reduce(0, +)) < 1e-4)
    }
    #expect(abs(mass[l][2] - 1) < 1e-4)
  }
}

@Test func appendRejectsOverflowAndUnknownTokens() throws {
  let model = try LanguageModel.load(
    path: try TinyModel(arch: "llama").write(), threads: 1, numerics: .f32)
  let session = model.makeSession(contextLength: 4)
  #expect(throws: SessionError.self) { try session.append([1, 2, 3, 4, 5]) }
  #expect(throws: SessionError.self) { try session.append([10]) }
  #expect(session.count == 0)
}

@Test func generationIsGreedyOrSeededAndRespectsLimits() throws {
  let model = try LanguageModel.load(
    path: try TinyModel(arch: "llama").write(), threads: 1, numerics: .f32)
  let session = model.makeSession(contextLength: 32)
  try session.append([1, 2, 3])
  let expected = Sampler.argmax(session.lastLogits())
  let greedy = try session.generate(GenerationOptions(maxTokens: 4))
  #expect(greedy.tokens.first.map(Int.init) == expected || greedy.stopReason == .endOfGeneration)
  #expect(greedy.tokens.count == greedy.logprobs.count && greedy.logprobs.allSatisfy { $0 <= 0 })
  #expect(greedy.stopReason == .endOfGeneration || greedy.tokens.count == 4)
  func sample(seed: UInt64) throws -> [Int32] {
    session.truncate(to: 3)
    return try session.generate(
      GenerationOptions(maxTokens: 6, temperature: 1.5, topP: 0.9, seed: seed)
    ).tokens
  }
  #expect(try sample(seed: 42) == sample(seed: 42))
}

@Test func halfPrecisionCacheStaysCloseToTheF32Cache() throws {
  let model = try LanguageModel.load(
    path: try TinyModel(arch: "llama").write(), threads: 2, numerics: .f32)
  let exact = model.makeSession(contextLength: 16)
  let half = model.makeSession(contextLength: 16, kvCache: .f16)
  #expect(exact.kvCacheType == .f32 && half.kvCacheType == .f16)
  for session in [exact, half] {  // prefill, then one decode step: both attention paths
    try session.append(prompt.dropLast().map(Int32.init))
    try session.append([Int32(prompt.last!)])
  }
  let difference = maxDifference(exact.lastLogits(), half.lastLogits())
  #expect(difference > 0 && difference < 1e-2)  // rounded, but only to binary16
  let spans = [0..<2, 2..<prompt.count]
  let massDifference = zip(exact.attentionMass(spans: spans), half.attentionMass(spans: spans))
    .map { maxDifference($0, $1) }.max()!
  #expect(massDifference < 1e-2)
}
