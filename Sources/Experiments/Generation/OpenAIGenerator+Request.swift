import Foundation

/// Where an `openai` generator sends its prompts (`generator.endpoint`).
public enum OpenAIEndpoint: String, Sendable {
  /// `POST {url}/completions` with the prompt rendered here.
  case completions
  /// `POST {url}/chat/completions` with the system and user turns; the server applies its chat
  /// template, so the prompt tokens (and their count) are the server's.
  case chat

  /// The path below the API root.
  var path: String { self == .chat ? "chat/completions" : "completions" }
}

extension OpenAIGenerator {
  /// One request (no retries) for `prompt` — sent whole, or split back into its turns
  /// (`ChatTurns`) for the chat endpoint — with `worker`'s llama.cpp slot.
  /// - Throws: `GeneratorServerError` naming the URL (transient or not, see `isTransient`).
  func complete(prompt: String, options: DecodingOptions, worker: Int) throws -> CompletionReply {
    let url = baseURL.appendingPathComponent(endpoint.path)
    switch endpoint {
    case .completions:
      let request = CompletionRequest(
        model: model, input: .prompt(prompt), options: options, llamaCpp: llamaCpp,
        worker: worker)
      return try CompletionReply(
        client.post(url, body: request, as: CompletionResponse.self), from: url)
    case .chat:
      guard let turns = ChatTurns.split(prompt) else {
        throw GeneratorServerError(
          description:
            "generator.endpoint: chat needs the prompt as chat turns, but the prompt has none: "
            + "set prompt.chat: true")
      }
      let request = CompletionRequest(
        model: model, input: .turns(system: turns.system, user: turns.user), options: options,
        llamaCpp: llamaCpp, worker: worker)
      return try CompletionReply(
        client.post(url, body: request, as: ChatResponse.self).completion, from: url)
    }
  }
}
