import Foundation
import Inference

/// An OpenAI-compatible completions server (llama.cpp's `llama-server`, vLLM) as a `Generator`.
///
/// Prompts are rendered here (in the chat template the server reports, when the spec asks for
/// chat) and sent whole to `POST {url}/completions` — or, with `endpoint: chat`, sent as turns to
/// `POST {url}/chat/completions` and templated by the server. The server does its own prefix
/// caching. Transient failures are retried (`RetryPolicy`). Of the hidden states, only the last
/// prompt token's final-norm output is available, from llama.cpp's `/embeddings`
/// (`OpenAIGenerator+HiddenStates.swift`).
public final class OpenAIGenerator: Generator {
  /// The API root, e.g. `http://127.0.0.1:8080/v1`.
  public let baseURL: URL
  /// The served model name sent with every request.
  public let model: String
  /// The spec's `model_sha256` when given, else sha256 of `openai <url> <model>` (an identity of
  /// the endpoint, not of its weights: pin the weights with `model_sha256`).
  public let modelSHA256: String
  /// The chat template the server reports for its model (llama.cpp's `/props`), when raglab
  /// recognises it; nil otherwise (`prompt.chat: true` is then refused, naming `chat: false`).
  public let chatFormat: ChatFormat?
  /// Requests in flight at once (`generator.concurrency`, see `GeneratorSpec.requestsInFlight`).
  public let concurrency: Int
  /// llama.cpp's slot and prompt-cache fields, when the server answers `/props`; nil otherwise.
  let llamaCpp: LlamaCppSlots?
  /// `completions`, or `chat` for the server's chat template (`generator.endpoint`).
  public let endpoint: OpenAIEndpoint
  /// How a request that fails transiently is retried (`generator.retries`).
  public let retry: RetryPolicy
  /// `generator.block_count`: the served model's blocks, when the spec says.
  let declaredBlockCount: Int?
  /// The model file llama.cpp's `/props` names (`model_path`), on the server's machine.
  let serverModelPath: String?
  let client: JSONHTTPClient

  /// Seconds one request may take before the run stops with an error naming the URL.
  public static let defaultTimeout: TimeInterval = 30

  /// Connects to the server `spec.url` names and checks, once and without retrying, that it
  /// answers `GET {url}/models`, so a dead server stops the run at once.
  /// - Parameters:
  ///   - timeout: seconds one request may take (`defaultTimeout` unless a test asks).
  ///   - environment: where the API key is read (`GeneratorSpec.apiKey(environment:)`).
  ///   - sleep: how retries wait (tests record instead of sleeping).
  /// - Throws: `RunError` naming an unset `api_key_env` variable; `GeneratorServerError` naming the
  ///   URL when it is malformed, dead, slow, redirects or is not an API root.
  public init(
    spec: GeneratorSpec, timeout: TimeInterval = defaultTimeout,
    environment: [String: String] = ProcessInfo.processInfo.environment,
    sleep: @escaping @Sendable (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) }
  ) throws {
    guard let text = spec.url, let url = URL(string: text), ["http", "https"].contains(url.scheme)
    else {
      throw GeneratorServerError(
        description:
          "generator.url '\(spec.url ?? "")' is not an http(s) URL such as http://127.0.0.1:8080/v1"
      )
    }
    guard let endpoint = OpenAIEndpoint(rawValue: spec.endpoint ?? "completions") else {
      throw GeneratorServerError(
        description: "generator.endpoint '\(spec.endpoint ?? "")' is not completions or chat")
    }
    self.endpoint = endpoint
    baseURL = url
    model = spec.model
    modelSHA256 = spec.modelSHA256 ?? SHA256.hex(of: Array("openai \(text) \(spec.model)".utf8))
    retry = RetryPolicy(retries: spec.retryCount, sleep: sleep)
    client = JSONHTTPClient(timeout: timeout, apiKey: try spec.apiKey(environment: environment))
    _ = try client.get(baseURL.appendingPathComponent("models"), as: ModelList.self)
    let props = Self.serverProps(client: client, baseURL: baseURL)
    chatFormat = endpoint == .chat ? ChatTurns.format : Self.serverChatFormat(props)
    concurrency = spec.requestsInFlight
    declaredBlockCount = spec.blockCount
    serverModelPath = props?.modelPath
    llamaCpp = props.map {
      LlamaCppSlots(totalSlots: $0.totalSlots, workers: spec.requestsInFlight)
    }
  }

  public func makeSession() throws -> any GenerationSession { try makeSession(worker: 0) }

  /// A session whose requests carry `worker`'s llama.cpp slot (see `LlamaCppSlots`).
  public func makeSession(worker: Int) throws -> any GenerationSession {
    OpenAISession(generator: self, worker: worker)
  }
}

/// A context kept as text segments; each generation sends the whole prompt.
final class OpenAISession: GenerationSession {
  private let generator: OpenAIGenerator
  /// The run's worker this session answers for (its llama.cpp slot).
  private let worker: Int
  private var segments: [String] = []
  /// The layers `captureHiddenStates` asked for.
  private var capturedLayers: [Int] = []
  private(set) var evaluatedPromptTokens = 0
  /// Empty: the server tokenises.
  let tokens: [Int32] = []

  init(generator: OpenAIGenerator, worker: Int = 0) {
    self.generator = generator
    self.worker = worker
  }

  func checkpoint() -> SessionCheckpoint { SessionCheckpoint(position: segments.count) }

  func rewind(to checkpoint: SessionCheckpoint) {
    segments.removeLast(segments.count - checkpoint.position)
  }

  func append(segment: String) throws { segments.append(segment) }

  func captureHiddenStates(layers: [Int]) { capturedLayers = layers }

  /// The whole prompt's last-token final-norm state from `/embeddings` (retried as a generation
  /// is), when `layers` is one layer and was captured (the runner captures only the final-norm
  /// layer `hiddenLayers(for:)` resolved); nil otherwise. Its prompt tokens count as evaluated:
  /// llama.cpp evaluates an embeddings request whole, reusing no cached prefix.
  func lastTokenHiddenStates(layers: [Int]) throws -> [[Float]]? {
    guard layers.count == 1, capturedLayers == layers else { return nil }
    let prompt = segments.joined()
    let remote = try generator.retry.run {
      try generator.lastTokenState(prompt: prompt, worker: worker)
    }
    evaluatedPromptTokens += remote.evaluatedTokens
    return [remote.state]
  }

  /// Sends the prompt, retrying transient failures (`RetryPolicy`).
  /// - Throws: `GeneratorRequestFailure` when the retries ran out (the runner stores a failed
  ///   trial); `GeneratorServerError` for a failure a retry would repeat.
  func generate(_ options: DecodingOptions) throws -> GeneratedAnswer {
    let prompt = segments.joined()
    let parsed = try generator.retry.run {
      try generator.complete(prompt: prompt, options: options, worker: worker)
    }
    evaluatedPromptTokens += parsed.evaluatedPromptTokens
    segments.append(parsed.answer.text)
    return parsed.answer
  }
}
