import Foundation
import Testing

@testable import Experiments

/// cos(a, b) in Double.
private func cosine(_ a: [Float], _ b: [Float]) -> Double {
  let dot = zip(a, b).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
  let norms = [a, b].map { v in v.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot() }
  return dot / (norms[0] * norms[1])
}

/// ‖v‖ in Double.
private func norm(_ v: [Float]) -> Double {
  v.reduce(0.0) { $0 + Double($1) * Double($1) }.squareRoot()
}

/// The part of llama-server's `/embeddings` answer that counts the prompt's tokens.
private struct EmbeddingUsage: Decodable {
  /// OpenAI's `usage`.
  struct Usage: Decodable {
    /// Tokens the server evaluated for the input.
    let promptTokens: Int
  }
  /// The usage block.
  let usage: Usage
}

private let lakes = [
  Passage(id: "a", title: "Baikal", text: "Lake Baikal in Siberia is the deepest lake on Earth."),
  Passage(
    id: "b", title: "Titicaca", text: "Lake Titicaca lies on the border of Peru and Bolivia."),
  Passage(id: "c", title: "Victoria", text: "Lake Victoria is the largest lake in Africa."),
]

@Test(.enabled(if: LlamaServerProcess.isBuilt, LlamaServerProcess.notBuilt))
func aRemoteLastLayerStateIsTheInProcessFinalNormStateOfTheSamePrompt() throws {
  let path = try defaultModelPath()
  let server = try LlamaServerProcess(
    model: path, slots: 1, arguments: ["--embeddings", "--pooling", "last"])
  let remote = try OpenAIGenerator(
    spec: GeneratorSpec(backend: "openai", model: "smollm2", url: server.url))
  let local = try InProcessGenerator.load(path: path)
  let blocks = try #require(local.hiddenStateBlockCount)
  // The block count is learned from the GGUF the server's /props names: layer 31, as in process.
  #expect(try remote.hiddenLayers(for: .last) == [blocks + 1])
  let wrong = try OpenAIGenerator(
    spec: GeneratorSpec(backend: "openai", model: "smollm2", url: server.url, blockCount: 29))
  let error = #expect(throws: RunError.self) { try wrong.hiddenLayers(for: .last) }
  #expect(error?.description.contains("generator.block_count is 29") == true)
  #expect(error?.description.contains("has \(blocks) blocks") == true)
  let builder = try PromptBuilder(
    spec: PromptSpec(template: "question_first"), chatFormat: local.chatFormat)
  let question = Question(id: "q", text: "Which lake is the deepest?", answers: ["Baikal"])
  for passages in [lakes, lakes.reversed()] {
    let segments = builder.segments(question: question, passages: passages).all
    let remoteSession = try remote.makeSession()
    let localSession = try local.makeSession()
    remoteSession.captureHiddenStates(layers: [blocks + 1])
    localSession.captureHiddenStates(layers: [blocks + 1])
    // The server tokenises the prompt whole; so does the engine here (segment by segment, a
    // token may straddle a boundary differently).
    for segment in segments { try remoteSession.append(segment: segment) }
    try localSession.append(segment: segments.joined())
    let far = try #require(
      try remoteSession.lastTokenHiddenStates(layers: [blocks + 1])?.first)
    let near = try #require(try localSession.lastTokenHiddenStates(layers: [blocks + 1])?.first)
    // The server sees the same tokens (no BOS added for SmolLM2).
    let usage = try remote.client.post(
      remote.embeddingsURL,
      body: EmbeddingRequest(
        model: remote.model, input: segments.joined(), embdNormalize: -1, idSlot: nil),
      as: EmbeddingUsage.self)
    #expect(usage.usage.promptTokens == localSession.tokens.count)
    #expect(far.count == near.count)
    let similarity = cosine(far, near)
    let ratio = norm(far) / norm(near)
    print(
      "remote vs in-process final-norm state: cosine \(similarity), norm ratio \(ratio), "
        + "\(localSession.tokens.count) tokens")
    #expect(similarity >= 0.999)
    #expect(abs(ratio - 1) < 0.02)  // raw, not L2-normalised (‖near‖ is far from 1)
    #expect(abs(norm(near) - 1) > 0.5)
  }
}
