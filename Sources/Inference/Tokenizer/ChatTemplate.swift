/// One chat turn.
public struct ChatMessage: Sendable, Equatable {
  /// `system`, `user` or `assistant`.
  public var role: String
  public var content: String

  /// Creates a message.
  public init(role: String, content: String) {
    self.role = role
    self.content = content
  }
}

/// The ChatML chat template, recognised from a GGUF's `tokenizer.chat_template` Jinja text.
///
/// Renders `<|im_start|>role\ncontent<|im_end|>\n` per message. Templates such as SmolLM2's and
/// Qwen2.5's insert a fixed system message when the conversation does not start with one; that
/// text is read from the Jinja source and inserted the same way, so the output equals what the
/// template itself renders (HF `apply_chat_template`, llama.cpp with `--jinja`). llama.cpp's
/// built-in `chatml` fallback (`llama_chat_apply_template`) omits it; use
/// `defaultSystemPrompt = nil` for that.
public struct ChatTemplate: Sendable, Equatable {
  /// System message inserted when the first message is not a system message.
  public var defaultSystemPrompt: String?

  /// Creates a ChatML template.
  public init(defaultSystemPrompt: String? = nil) {
    self.defaultSystemPrompt = defaultSystemPrompt
  }

  /// The ChatML template described by `jinja`, or nil if it is not ChatML (no `<|im_start|>`).
  public static func recognise(_ jinja: String?) -> ChatTemplate? {
    guard let jinja, jinja.contains("<|im_start|>") else { return nil }
    return ChatTemplate(defaultSystemPrompt: literalSystemPrompt(in: jinja))
  }

  /// The prompt text for `messages`, ending with `<|im_start|>assistant\n` when asked.
  public func render(_ messages: [ChatMessage], addGenerationPrompt: Bool) -> String {
    var text = ""
    if let defaultSystemPrompt, messages.first?.role != "system" {
      text += "<|im_start|>system\n\(defaultSystemPrompt)<|im_end|>\n"
    }
    for message in messages {
      text += "<|im_start|>\(message.role)\n\(message.content)<|im_end|>\n"
    }
    if addGenerationPrompt { text += "<|im_start|>assistant\n" }
    return text
  }

  /// A system message written out literally in the template: `<|im_start|>system` + newline +
  /// text + `<|im_end|>` inside one string literal (no quotes or Jinja tags in between).
  static func literalSystemPrompt(in jinja: String) -> String? {
    let opener = "<|im_start|>system"
    var rest = jinja[...]
    while let start = rest.firstRange(of: opener) {
      var body = rest[start.upperBound...]
      rest = body
      if body.hasPrefix("\\n") {
        body = body.dropFirst(2)
      } else if body.hasPrefix("\n") {
        body = body.dropFirst()
      } else {
        continue
      }
      guard let end = body.firstRange(of: "<|im_end|>") else { continue }
      let prompt = body[..<end.lowerBound]
      if prompt.isEmpty || prompt.contains(where: { "'\"{}".contains($0) }) { continue }
      return String(prompt.replacing("\\n", with: "\n"))
    }
    return nil
  }
}
