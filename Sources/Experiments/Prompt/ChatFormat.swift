/// How a chat model wants a system turn and a user turn laid out, split around the user content so
/// the user turn can be streamed in segments.
public struct ChatFormat: Sendable, Equatable {
  /// Renders `[system, user]` with the generation prompt appended.
  public let render: @Sendable (_ system: String, _ user: String) -> String

  /// Creates a format from a renderer.
  public init(render: @escaping @Sendable (_ system: String, _ user: String) -> String) {
    self.render = render
  }

  /// ChatML (`<|im_start|>role\ncontent<|im_end|>\n`, then `<|im_start|>assistant\n`), the format of
  /// SmolLM2 and Qwen2 instruct models.
  public static let chatML = ChatFormat { system, user in
    "<|im_start|>system\n\(system)<|im_end|>\n<|im_start|>user\n\(user)<|im_end|>\n<|im_start|>assistant\n"
  }

  /// The text before and after the user content (found by rendering a sentinel and splitting on it).
  public func split(system: String) -> (beforeUser: String, afterUser: String) {
    let sentinel = "\u{FFFF}RAGLAB-USER\u{FFFF}"
    let rendered = render(system, sentinel)
    guard let range = rendered.range(of: sentinel) else { return (rendered, "") }
    return (String(rendered[..<range.lowerBound]), String(rendered[range.upperBound...]))
  }

  public static func == (a: ChatFormat, b: ChatFormat) -> Bool {
    a.render("s", "u") == b.render("s", "u")
  }
}
