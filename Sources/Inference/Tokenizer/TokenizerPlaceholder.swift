// PLACEHOLDER (engine branch): the `tok` helper's BPETokenizer / ChatTemplate replace this file
// at `git merge tok`. Only token-string lookup, no BPE: enough for the engine to compile and for
// tests that feed token ids directly.

/// Placeholder tokenizer: decodes by concatenating token strings; encodes nothing.
public struct BPETokenizer: Sendable {
  let tokens: [String]
  let eog: Set<Int32>
  /// The beginning-of-sequence token, if the model has one.
  public var bosToken: Int32?
  /// Number of tokens.
  public var vocabularySize: Int { tokens.count }

  /// Reads `tokenizer.ggml.tokens` and the special ids (placeholder).
  init(gguf file: GGUFFile) throws {
    tokens = file.metadata["tokenizer.ggml.tokens"]?.array?.compactMap(\.string) ?? []
    bosToken = file.metadata["tokenizer.ggml.bos_token_id"]?.int.map(Int32.init)
    eog = Set(
      ["tokenizer.ggml.eos_token_id", "tokenizer.ggml.eot_token_id"].compactMap {
        file.metadata[$0]?.int.map(Int32.init)
      })
  }

  /// Placeholder: returns no tokens.
  public func encode(_ text: String, parseSpecial: Bool = true) -> [Int32] { [] }
  /// Concatenates token strings.
  public func decode(_ ids: [Int32]) -> String {
    ids.map { Int($0) < tokens.count ? tokens[Int($0)] : "" }.joined()
  }
  /// Whether `token` ends generation.
  public func isEndOfGeneration(_ token: Int32) -> Bool { eog.contains(token) }
}

/// One chat message (placeholder).
public struct ChatMessage: Sendable {
  public var role: String
  public var content: String
  public init(role: String, content: String) {
    self.role = role
    self.content = content
  }
}

/// ChatML template (placeholder).
public struct ChatTemplate: Sendable {
  /// Recognises ChatML templates.
  public static func recognise(_ jinja: String?) -> ChatTemplate? {
    (jinja?.contains("<|im_start|>") ?? false) ? ChatTemplate() : nil
  }
  /// Renders ChatML.
  public func render(_ messages: [ChatMessage], addGenerationPrompt: Bool) -> String {
    messages.map { "<|im_start|>\($0.role)\n\($0.content)<|im_end|>\n" }.joined()
      + (addGenerationPrompt ? "<|im_start|>assistant\n" : "")
  }
}
