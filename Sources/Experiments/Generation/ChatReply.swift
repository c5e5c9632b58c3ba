import Foundation

/// What one generation request sends: a rendered prompt (`/completions`) or the chat turns
/// (`/chat/completions`, where the server applies its own chat template).
enum ServerInput: Sendable, Equatable {
  /// The whole prompt, rendered by raglab.
  case prompt(String)
  /// The instruction as the system turn and everything else as the user turn.
  case turns(system: String, user: String)
}

/// One chat turn as the chat API takes it.
struct ChatTurnField: Encodable, Equatable {
  /// `system` or `user`.
  let role: String
  /// The turn's text.
  let content: String
}

/// The request's `logprobs` field: a count for completions, a flag for chat.
enum LogprobsField: Encodable, Equatable {
  /// `logprobs: N` (completions: log-probabilities of the chosen token and N − 1 alternatives).
  case count(Int)
  /// `logprobs: true` (chat; alternatives are asked for with `top_logprobs`).
  case flag(Bool)

  /// Encodes the bare number or boolean.
  func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .count(let n): try container.encode(n)
    case .flag(let on): try container.encode(on)
    }
  }
}

/// The parts of a `/chat/completions` answer raglab reads; `completion` turns it into the
/// `/completions` form so the same checks (`CompletionReply`) apply.
struct ChatResponse: Decodable {
  /// The answers; raglab asks for one.
  let choices: [Choice]
  /// Token counts (the prompt's, after the server's chat template).
  let usage: CompletionResponse.Usage?
  /// llama.cpp's timings.
  let timings: CompletionResponse.Timings?

  /// One answer.
  struct Choice: Decodable {
    /// The assistant turn.
    let message: Message
    /// `stop`, `length`, …
    let finishReason: String?
    /// Log-probabilities of the chosen tokens (`content` form).
    let logprobs: CompletionResponse.Logprobs?
  }

  /// The assistant turn's text.
  struct Message: Decodable {
    /// The generated text.
    let content: String
  }

  /// The same answer as a `/completions` response.
  var completion: CompletionResponse {
    CompletionResponse(
      choices: choices.map {
        CompletionResponse.Choice(
          text: $0.message.content, finishReason: $0.finishReason, logprobs: $0.logprobs)
      }, usage: usage, timings: timings)
  }
}
