import Foundation

/// The parts of a `/completions` answer raglab keeps, checked for consistency.
///
/// A `null` log-probability is kept as NaN (stored as `"nan"`), so token i and log-probability
/// i always describe the same token; anything else inconsistent is an error naming the URL.
struct CompletionReply {
  /// The answer, with token ids and log-probabilities when the server sent them.
  let answer: GeneratedAnswer
  /// Prompt tokens the server evaluated (llama.cpp's `timings.prompt_n`, after its prefix cache),
  /// else the prompt's length (`usage.prompt_tokens`).
  let evaluatedPromptTokens: Int

  /// Decodes and checks a server's JSON answer.
  /// - Throws: `GeneratorServerError` naming `url` and what was wrong.
  init(json: Data, from url: URL) throws {
    try self.init(JSONHTTPClient.decode(CompletionResponse.self, from: json, url: url), from: url)
  }

  /// Reads `choices[0]`, `usage` and `timings`; log-probabilities in either form.
  /// - Throws: `GeneratorServerError` naming `url` when there is no `choices[0]`, a token count
  ///   or token id is negative, or tokens and log-probabilities differ in number.
  init(_ response: CompletionResponse, from url: URL) throws {
    func problem(_ message: String) -> GeneratorServerError {
      GeneratorServerError(
        description: "the generator server at \(url.absoluteString) answered \(message)")
    }
    guard let choice = response.choices.first else { throw problem("without choices[0].text") }
    let counts = [
      ("usage.prompt_tokens", response.usage?.promptTokens),
      ("usage.completion_tokens", response.usage?.completionTokens),
      ("timings.prompt_n", response.timings?.promptN),
    ]
    for case (let key, let value?) in counts where value < 0 {
      throw problem("\(key) = \(value); a token count cannot be negative")
    }
    var tokens: [Int32] = []
    var logprobs: [Float] = []
    if let content = choice.logprobs?.content {
      logprobs = content.map { $0.logprob.map(Float.init) ?? .nan }
      let ids = content.map(\.id)
      if let missing = ids.firstIndex(of: nil), ids.contains(where: { $0 != nil }) {
        throw problem("logprobs.content[\(missing)] without an id while other tokens have one")
      }
      for (index, id) in ids.enumerated() {
        guard let id else { continue }
        guard let token = Int32(exactly: id), token >= 0 else {
          throw problem("logprobs.content[\(index)].id = \(id), which is not a token id")
        }
        tokens.append(token)
      }
    } else if let values = choice.logprobs?.tokenLogprobs {
      let texts = choice.logprobs?.tokens?.count ?? values.count
      guard texts == values.count else {
        throw problem(
          "\(texts) logprobs.tokens but \(values.count) logprobs.token_logprobs; "
            + "each token needs its log-probability")
      }
      logprobs = values.map { $0.map(Float.init) ?? .nan }
    }
    let promptTokens = response.usage?.promptTokens ?? 0
    answer = GeneratedAnswer(
      text: choice.text, tokens: tokens, logprobs: logprobs,
      stopReason: "server:\(choice.finishReason ?? "unknown")", promptTokenCount: promptTokens)
    evaluatedPromptTokens = response.timings?.promptN ?? promptTokens
  }
}
