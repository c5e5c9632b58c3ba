import Foundation
import Testing

@testable import Experiments

/// A `/completions` answer in llama.cpp's form with the given `logprobs` and `usage`.
private func completion(
  logprobs: [String: Any] = ["content": [["id": 1, "logprob": -0.5]]],
  usage: [String: Any] = ["prompt_tokens": 5, "completion_tokens": 1]
) -> [String: Any] {
  [
    "choices": [["text": "x", "finish_reason": "stop", "logprobs": logprobs]], "usage": usage,
  ]
}

/// Connects to `server` (with `OPENAI_API_KEY` set to `apiKey`, if given) and generates once
/// after a short prompt, without retries.
private func generateOnce(
  _ server: ScriptedHTTPServer, timeout: TimeInterval = 10, apiKey: String? = nil
) throws -> GeneratedAnswer {
  let spec = GeneratorSpec(backend: "openai", model: "fake-model", url: server.url, retries: 0)
  let generator = try OpenAIGenerator(
    spec: spec, timeout: timeout,
    environment: apiKey.map { ["OPENAI_API_KEY": $0] } ?? [:])
  let session = try generator.makeSession()
  try session.append(segment: "Question: ?\nAnswer:")
  return try session.generate(DecodingOptions(maxTokens: 4))
}

@Test func aRedirectIsAnErrorAndTheAPIKeyNeverLeavesTheConfiguredServer() throws {
  let elsewhere = try ScriptedHTTPServer([
    "GET /v1/completions": ["body": completion()],
    "POST /v1/completions": ["body": completion()],
  ])
  let target = "http://localhost:\(elsewhere.port)/v1/completions"
  let redirecting = try ScriptedHTTPServer([
    "POST /v1/completions": ["status": 302, "headers": ["Location": target], "raw": ""]
  ])
  let error = try #require(throws: GeneratorServerError.self) {
    try generateOnce(redirecting, apiKey: "sk-test")
  }
  #expect(error.description.contains("\(redirecting.url)/completions answered HTTP 302"))
  #expect(error.description.contains("redirect to \(target)"))
  #expect(error.description.contains("generator.url"))
  #expect(try elsewhere.requests().isEmpty)
  let asked = try redirecting.requests()
  // GET /v1/models, GET /props (the chat template), then the completion.
  #expect(asked.map(\.method) == ["GET", "GET", "POST"])
  #expect(asked.allSatisfy { $0.authorization == "Bearer sk-test" })
}

@Test func aRedirectOfTheModelListIsAnErrorToo() throws {
  let redirecting = try ScriptedHTTPServer([
    "GET /v1/models": ["status": 301, "headers": ["Location": "http://localhost:9/v1/models"]]
  ])
  let error = try #require(throws: GeneratorServerError.self) { try generateOnce(redirecting) }
  #expect(error.description.contains("\(redirecting.url)/models answered HTTP 301"))
  #expect(error.description.contains("redirect to http://localhost:9/v1/models"))
}

@Test func aHungServerTimesOutWithTheURLAndTheTimeout() throws {
  let hung = try ScriptedHTTPServer(["POST /v1/completions": ["body": completion(), "hang": 30]])
  let started = Date()
  // A timeout is transient: with no retries left it is a failed request, not a stopped run.
  let error = try #require(throws: GeneratorRequestFailure.self) {
    try generateOnce(hung, timeout: 1)
  }
  #expect(Date().timeIntervalSince(started) < 10)
  #expect(error.reason.contains("\(hung.url)/completions did not answer within 1 s"))
  #expect(error.attempts == 1)
}

@Test func theDefaultTimeoutIsWellUnderAMinute() {
  #expect(OpenAIGenerator.defaultTimeout <= 30)
}

@Test func negativeTokenCountsAreAnErrorNamingTheField() throws {
  for (key, usage, timings) in [
    ("usage.prompt_tokens = -3", ["prompt_tokens": -3], [:]),
    ("usage.completion_tokens = -1", ["prompt_tokens": 5, "completion_tokens": -1], [:]),
    ("timings.prompt_n = -7", ["prompt_tokens": 5], ["prompt_n": -7]),
  ] as [(String, [String: Any], [String: Any])] {
    var body = completion(usage: usage)
    body["timings"] = timings
    let server = try ScriptedHTTPServer(["POST /v1/completions": ["body": body]])
    let error = try #require(throws: GeneratorServerError.self) { try generateOnce(server) }
    #expect(error.description.contains("\(server.url)/completions answered \(key)"))
  }
}

@Test func tokensAndLogprobsThatDoNotAlignAreAnError() throws {
  let legacy = try ScriptedHTTPServer([
    "POST /v1/completions": [
      "body": completion(logprobs: ["tokens": ["a", "b", "c"], "token_logprobs": [-0.5, -0.25]])
    ]
  ])
  let error = try #require(throws: GeneratorServerError.self) { try generateOnce(legacy) }
  #expect(error.description.contains("\(legacy.url)/completions answered 3 logprobs.tokens"))
  #expect(error.description.contains("2 logprobs.token_logprobs"))

  let partialIDs = try ScriptedHTTPServer([
    "POST /v1/completions": [
      "body": completion(logprobs: [
        "content": [["id": 1, "logprob": -0.5], ["logprob": -0.5], ["id": 3, "logprob": -0.5]]
      ])
    ]
  ])
  let missing = try #require(throws: GeneratorServerError.self) { try generateOnce(partialIDs) }
  #expect(missing.description.contains("logprobs.content[1] without an id"))

  let badID = try ScriptedHTTPServer([
    "POST /v1/completions": [
      "body": completion(logprobs: ["content": [["id": 5_000_000_000, "logprob": -0.5]]])
    ]
  ])
  let huge = try #require(throws: GeneratorServerError.self) { try generateOnce(badID) }
  #expect(huge.description.contains("logprobs.content[0].id = 5000000000, which is not a token id"))
}
