import Foundation

/// The body of `POST {url}/embeddings` (keys sent in snake_case).
struct EmbeddingRequest: Encodable {
  /// The served model name.
  let model: String
  /// The whole rendered prompt, tokenised by the server as `/completions` tokenises it.
  let input: String
  /// llama.cpp's normalisation of the pooled vector: -1 asks for the raw state.
  let embdNormalize: Int
  /// llama.cpp: the slot of the question's completions (`LlamaCppSlots`); omitted when the
  /// server chooses. llama-server 0.3.36 ignores it on `/embeddings` and picks the free slot whose
  /// cached prompt is most similar — the same one.
  let idSlot: Int?
}

/// The OpenAI embeddings answer: one row per input, and the tokens evaluated.
struct EmbeddingResponse: Decodable {
  /// One input's vector.
  struct Row: Decodable {
    /// The pooled state.
    let embedding: [Float]
  }
  /// OpenAI's `usage`.
  struct Usage: Decodable {
    /// Tokens of the input.
    let promptTokens: Int
  }
  /// The rows, one per input.
  let data: [Row]
  /// The token count, when the server reports it.
  let usage: Usage?
}

/// The last prompt token's final-norm state and the prompt tokens the server evaluated for it.
struct RemoteState {
  /// The raw state.
  let state: [Float]
  /// `usage.prompt_tokens` (0 when not reported): an embeddings request reuses no cached prefix.
  let evaluatedTokens: Int
}

/// Remote hidden states: llama.cpp's `llama-server --embeddings --pooling last` answers
/// `POST {url}/embeddings` with the last prompt token's final-norm output (the state its output
/// head reads), raw when asked with `embd_normalize: -1`. The same server still answers
/// completions. No other layer is available over HTTP.
extension OpenAIGenerator {
  /// `[blockCount + 1]` for `last`, the served model's final-norm output numbered as in process
  /// (`servedBlockCount`), after one request checks that the server answers `/embeddings`.
  /// - Throws: `RunError` naming `module.layers` for other layers, `generator.endpoint` for `chat`
  ///   or `generator.block_count` when the block count cannot be known; `GeneratorServerError`
  ///   naming the URL and the server flags when it does not answer.
  public func hiddenLayers(for selection: HiddenLayerSelection) throws -> [Int]? {
    _ = try selection.resolveRemote(blockCount: 0)  // other layers refused before any request
    guard endpoint == .completions else {
      throw RunError(
        "generator.endpoint: chat lets the server template the prompt, which /embeddings does "
          + "not do, so the hidden states would be of another prompt; use endpoint: completions "
          + "for a module that reads hidden states")
    }
    let probe: RemoteState
    do {
      probe = try lastTokenState(prompt: "raglab")
    } catch let error as GeneratorServerError {
      throw GeneratorServerError(
        description:
          "the module reads the last prompt token's final-layer state from "
          + "\(embeddingsURL.absoluteString), which failed: \(error.description); start "
          + "llama-server with --embeddings --pooling last")
    }
    return try selection.resolveRemote(blockCount: servedBlockCount(stateWidth: probe.state.count))
  }

  /// `{url}/embeddings`.
  var embeddingsURL: URL { baseURL.appendingPathComponent("embeddings") }

  /// The raw final-norm state of `prompt`'s last token (one request, no retries), sent with
  /// `worker`'s llama.cpp slot.
  /// - Throws: `GeneratorServerError` naming the URL (transient or not, see `isTransient`).
  func lastTokenState(prompt: String, worker: Int = 0) throws -> RemoteState {
    let url = embeddingsURL
    let request = EmbeddingRequest(
      model: model, input: prompt, embdNormalize: -1, idSlot: llamaCpp?.slot(worker: worker))
    let reply = try client.post(url, body: request, as: EmbeddingResponse.self)
    guard reply.data.count == 1, let state = reply.data.first?.embedding, !state.isEmpty else {
      throw GeneratorServerError(
        description:
          "the server at \(url.absoluteString) answered \(reply.data.count) embeddings for one "
          + "prompt, or an empty one; start llama-server with --embeddings --pooling last")
    }
    return RemoteState(state: state, evaluatedTokens: max(0, reply.usage?.promptTokens ?? 0))
  }
}
