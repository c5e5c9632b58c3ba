import Foundation

/// The body of `POST {url}/completions`, or of `POST {url}/chat/completions` when it carries
/// `messages` instead of a `prompt` (keys sent in snake_case).
struct CompletionRequest: Encodable {
  /// The served model name.
  let model: String
  /// The whole rendered prompt (`/completions`); omitted for chat.
  let prompt: String?
  /// The system and user turns (`/chat/completions`); omitted for completions.
  let messages: [ChatTurnField]?
  /// Most tokens to generate.
  let maxTokens: Int
  /// Softmax temperature.
  let temperature: Double
  /// Nucleus sampling mass.
  let topP: Double
  /// Sampler seed.
  let seed: UInt64
  /// Ask for the chosen token's log-probability: `1` for completions, `true` for chat.
  let logprobs: LogprobsField
  /// Chat only: alternatives per token (`1`, as `logprobs: 1` asks of completions).
  let topLogprobs: Int?
  /// Stop strings; omitted when there are none.
  let stop: [String]?
  /// llama.cpp: reuse the slot's cached prompt prefix; omitted for other servers.
  let cachePrompt: Bool?
  /// llama.cpp: the slot that answers; omitted when the server chooses.
  let idSlot: Int?

  /// The request for `prompt` under `options`, with llama.cpp's fields when `llamaCpp` is given.
  init(
    model: String, prompt: String, options: DecodingOptions, llamaCpp: LlamaCppSlots? = nil,
    worker: Int = 0
  ) {
    self.init(
      model: model, input: .prompt(prompt), options: options, llamaCpp: llamaCpp, worker: worker)
  }

  /// The request for a prompt or chat turns under `options`, with llama.cpp's fields when
  /// `llamaCpp` is given.
  init(
    model: String, input: ServerInput, options: DecodingOptions, llamaCpp: LlamaCppSlots? = nil,
    worker: Int = 0
  ) {
    self.model = model
    switch input {
    case .prompt(let text):
      prompt = text
      messages = nil
      logprobs = .count(1)
      topLogprobs = nil
    case .turns(let system, let user):
      prompt = nil
      messages = [
        ChatTurnField(role: "system", content: system), ChatTurnField(role: "user", content: user),
      ]
      logprobs = .flag(true)
      topLogprobs = 1
    }
    maxTokens = options.maxTokens
    temperature = Double(options.temperature)
    topP = Double(options.topP)
    seed = options.seed
    stop = options.stop.isEmpty ? nil : options.stop
    cachePrompt = llamaCpp == nil ? nil : true
    idSlot = llamaCpp?.slot(worker: worker)
  }
}

/// The answer of `GET {url}/models`: only its being a JSON object is checked.
struct ModelList: Decodable {
  /// The served models, when the server lists them.
  let data: [Entry]?

  /// One served model.
  struct Entry: Decodable {
    /// The model's name.
    let id: String?
  }
}

/// The parts of a `/completions` answer raglab reads (OpenAI, vLLM and llama.cpp's fields).
struct CompletionResponse: Decodable {
  /// The completions; raglab asks for one.
  let choices: [Choice]
  /// Token counts (`prompt_tokens`, `completion_tokens`).
  let usage: Usage?
  /// llama.cpp's timings (`prompt_n`: prompt tokens evaluated after its prefix cache).
  let timings: Timings?

  /// One completion.
  struct Choice: Decodable {
    /// The generated text.
    let text: String
    /// `stop`, `length`, …
    let finishReason: String?
    /// Log-probabilities of the chosen tokens, in one of two forms.
    let logprobs: Logprobs?
  }

  /// Legacy (`tokens` + `token_logprobs`, OpenAI and vLLM) or llama.cpp (`content`) form.
  struct Logprobs: Decodable {
    /// llama.cpp: one entry per generated token.
    let content: [TokenLogprob]?
    /// Legacy: the generated tokens as text.
    let tokens: [String]?
    /// Legacy: one log-probability (or null) per entry of `tokens`.
    let tokenLogprobs: [Double?]?
  }

  /// One generated token in llama.cpp's form.
  struct TokenLogprob: Decodable {
    /// The token id, when the server sends it.
    let id: Int?
    /// Its log-probability; null when the server has none.
    let logprob: Double?
  }

  /// OpenAI's token counts.
  struct Usage: Decodable {
    /// Tokens in the prompt.
    let promptTokens: Int?
    /// Tokens generated.
    let completionTokens: Int?
  }

  /// llama.cpp's timings.
  struct Timings: Decodable {
    /// Prompt tokens actually evaluated.
    let promptN: Int?
  }
}
