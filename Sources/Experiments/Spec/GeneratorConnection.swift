import Yams

/// `generator.endpoint`, `generator.retries` and `generator.api_key_env`: how an `openai` run
/// talks to its server.
///
/// `retries` and `api_key_env` change how a run reaches its answers, not the answers, so they are
/// read through `ConnectionKeys`, outside `CodingKeys`, and hence left out of the spec hash:
/// changing them resumes the same experiment. `endpoint: chat` changes the prompt the model sees
/// (the server's chat template), so it is hashed and is part of the `GeneratorIdentity`.
extension GeneratorSpec {
  /// The endpoints an `openai` generator can send to.
  public static let endpoints = ["completions", "chat"]
  /// The variable read for the API key when the spec has no `api_key_env`.
  public static let defaultAPIKeyVariable = "OPENAI_API_KEY"

  /// Keys read besides `CodingKeys`, never encoded.
  enum ConnectionKeys: String, CodingKey {
    case retries
    case apiKeyEnv = "api_key_env"
  }

  /// Whether the turns go to `/chat/completions` and the server applies its chat template.
  public var usesChatEndpoint: Bool { endpoint == "chat" }

  /// Retries of a request that fails transiently.
  public var retryCount: Int { retries ?? RetryPolicy.defaultRetries }

  /// The API key to send: the variable `api_key_env` names (which must be set), else
  /// `OPENAI_API_KEY` when set, else none.
  /// - Throws: `RunError` naming the variable (never its value) when `api_key_env` names one that
  ///   is unset or empty.
  public func apiKey(environment: [String: String]) throws -> String? {
    guard let name = apiKeyEnv else {
      return environment[Self.defaultAPIKeyVariable].flatMap { $0.isEmpty ? nil : $0 }
    }
    guard let key = environment[name], !key.isEmpty else {
      throw RunError(
        "generator.api_key_env names the environment variable \(name), which is "
          + "\(environment[name] == nil ? "not set" : "empty"): export \(name)=… (the server's "
          + "API key) before `raglab run`, or remove api_key_env to use \(Self.defaultAPIKeyVariable)"
      )
    }
    return key
  }
}

/// Spec checks of the connection keys beyond their shapes.
enum ConnectionCheck {
  /// Reports `endpoint: chat` with `prompt.chat: false` (the server always applies its template)
  /// and an `api_key_env` that is not an environment variable name — without repeating its value,
  /// which may be a key pasted by mistake.
  static func check(_ root: Node, _ checker: inout SpecChecker) {
    guard let generator = root.mapping?["generator"]?.mapping else { return }
    if let node = generator["endpoint"], node.string == "chat",
      root.mapping?["prompt"]?.mapping?["chat"]?.bool == false
    {
      checker.report(
        "generator.endpoint", node.mark?.line,
        "endpoint: chat sends the instruction and the question as chat turns, which needs "
          + "prompt.chat: true; set prompt.chat: true or use endpoint: completions for raw prompts")
    }
    if let node = generator["api_key_env"], let name = node.string, !isVariableName(name) {
      checker.report(
        "generator.api_key_env", node.mark?.line,
        "must name an environment variable (letters, digits and underscores, not starting with "
          + "a digit, e.g. MY_SERVER_KEY), not hold the key itself: export the key in that variable"
      )
    }
  }

  /// Whether `name` is a portable environment variable name: ASCII letters, digits and `_`, not
  /// starting with a digit.
  static func isVariableName(_ name: String) -> Bool {
    let digits: ClosedRange<UInt32> = 48...57
    let letters: [ClosedRange<UInt32>] = [65...90, 97...122]
    guard let first = name.unicodeScalars.first, !digits.contains(first.value) else { return false }
    return name.unicodeScalars.allSatisfy { scalar in
      scalar == "_" || digits.contains(scalar.value)
        || letters.contains { $0.contains(scalar.value) }
    }
  }
}
