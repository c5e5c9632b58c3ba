import Foundation
import Inference

/// An OpenAI-compatible completions server (llama.cpp's `llama-server`, vLLM) as a `Generator`.
///
/// Prompts are rendered here (ChatML when the spec asks for chat) and sent whole to
/// `POST {url}/completions`; the server does its own prefix caching. Hidden states are not
/// available over HTTP.
public final class OpenAIGenerator: Generator {
  /// The API root, e.g. `http://127.0.0.1:8080/v1`.
  public let baseURL: URL
  /// The served model name sent with every request.
  public let model: String
  /// The spec's `model_sha256` when given, else sha256 of `openai <url> <model>` (an identity of
  /// the endpoint, not of its weights: pin the weights with `model_sha256`).
  public let modelSHA256: String
  /// ChatML: both default models (SmolLM2, Qwen2.5) use it; set `prompt.chat: false` for others.
  public let chatFormat: ChatFormat? = .chatML
  let client: JSONHTTPClient

  /// Connects to the server `spec.url` names and checks it answers `GET {url}/models`.
  /// - Throws: `GeneratorServerError` naming the URL when it is malformed, dead or not an API root.
  public init(spec: GeneratorSpec, timeout: TimeInterval = 300) throws {
    guard let text = spec.url, let url = URL(string: text), ["http", "https"].contains(url.scheme)
    else {
      throw GeneratorServerError(
        description:
          "generator.url '\(spec.url ?? "")' is not an http(s) URL such as http://127.0.0.1:8080/v1"
      )
    }
    baseURL = url
    model = spec.model
    modelSHA256 = spec.modelSHA256 ?? SHA256.hex(of: Array("openai \(text) \(spec.model)".utf8))
    client = JSONHTTPClient(
      timeout: timeout, apiKey: ProcessInfo.processInfo.environment["OPENAI_API_KEY"])
    _ = try client.send(baseURL.appendingPathComponent("models"))
  }

  public func makeSession() throws -> any GenerationSession { OpenAISession(generator: self) }
}

/// A context kept as text segments; each generation sends the whole prompt.
final class OpenAISession: GenerationSession {
  private let generator: OpenAIGenerator
  private var segments: [String] = []
  private(set) var evaluatedPromptTokens = 0
  /// Empty: the server tokenises.
  let tokens: [Int32] = []

  init(generator: OpenAIGenerator) { self.generator = generator }

  func checkpoint() -> SessionCheckpoint { SessionCheckpoint(position: segments.count) }

  func rewind(to checkpoint: SessionCheckpoint) {
    segments.removeLast(segments.count - checkpoint.position)
  }

  func append(segment: String) throws { segments.append(segment) }

  func generate(_ options: DecodingOptions) throws -> GeneratedAnswer {
    var body: [String: Any] = [
      "model": generator.model, "prompt": segments.joined(), "max_tokens": options.maxTokens,
      "temperature": Double(options.temperature), "top_p": Double(options.topP),
      "seed": options.seed, "logprobs": 1,
    ]
    if !options.stop.isEmpty { body["stop"] = options.stop }
    let url = generator.baseURL.appendingPathComponent("completions")
    let reply = try generator.client.send(url, body: body)
    let parsed = try CompletionReply(reply, from: url)
    evaluatedPromptTokens += parsed.evaluatedPromptTokens
    segments.append(parsed.answer.text)
    return parsed.answer
  }
}

/// The parts of a `/completions` answer raglab keeps.
struct CompletionReply {
  /// The answer, with token ids and log-probabilities when the server sent them.
  let answer: GeneratedAnswer
  /// Prompt tokens the server evaluated (llama.cpp's `timings.prompt_n`, after its prefix cache),
  /// else the prompt's length (`usage.prompt_tokens`).
  let evaluatedPromptTokens: Int

  /// Reads `choices[0]`, `usage` and (llama.cpp) `timings`; logprobs in either the legacy
  /// `{tokens, token_logprobs}` form (OpenAI, vLLM) or llama.cpp's `{content: [{id, logprob}]}`.
  /// - Throws: `GeneratorServerError` naming `url` when there is no `choices[0].text`.
  init(_ json: [String: Any], from url: URL) throws {
    guard let choice = (json["choices"] as? [[String: Any]])?.first,
      let text = choice["text"] as? String
    else {
      throw GeneratorServerError(
        description:
          "the generator server at \(url.absoluteString) answered without choices[0].text")
    }
    let usage = json["usage"] as? [String: Any]
    let promptTokens = (usage?["prompt_tokens"] as? Int) ?? 0
    var tokens: [Int32] = []
    var logprobs: [Float] = []
    if let lp = choice["logprobs"] as? [String: Any] {
      if let content = lp["content"] as? [[String: Any]] {
        tokens = content.compactMap { ($0["id"] as? Int).map(Int32.init) }
        logprobs = content.compactMap { ($0["logprob"] as? Double).map(Float.init) }
      } else if let values = lp["token_logprobs"] as? [Any] {
        logprobs = values.compactMap { ($0 as? Double).map(Float.init) }
      }
    }
    let finish = (choice["finish_reason"] as? String) ?? "unknown"
    answer = GeneratedAnswer(
      text: text, tokens: tokens, logprobs: logprobs, stopReason: "server:\(finish)",
      promptTokenCount: promptTokens)
    evaluatedPromptTokens =
      ((json["timings"] as? [String: Any])?["prompt_n"] as? Int) ?? promptTokens
  }
}
