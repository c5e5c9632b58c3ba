import Foundation
import Inference

/// The reply of llama.cpp's `GET /props`: the chat template the server's model carries.
struct ServerProps: Decodable {
  /// The model's Jinja chat template (`chat_template`; the client converts snake case).
  var chatTemplate: String?
}

extension ChatFormat {
  /// The format of a recognised GGUF chat template: `[system, user]` with the generation prompt.
  public init(_ template: ChatTemplate) {
    self.init { system, user in
      template.render(
        [ChatMessage(role: "system", content: system), ChatMessage(role: "user", content: user)],
        addGenerationPrompt: true)
    }
  }
}

extension OpenAIGenerator {
  /// The chat format of the server's model as the server reports it (llama.cpp's `/props`, at the
  /// server root beside `/v1`), or nil when the server does not say (vLLM) or its template is not
  /// one raglab renders — then `prompt.chat: true` is refused rather than guessed.
  static func serverChatFormat(client: JSONHTTPClient, baseURL: URL) -> ChatFormat? {
    var root = baseURL
    if root.lastPathComponent == "v1" { root.deleteLastPathComponent() }
    guard
      let props = try? client.get(root.appendingPathComponent("props"), as: ServerProps.self),
      let template = ChatTemplate.recognise(props.chatTemplate)
    else { return nil }
    return ChatFormat(template)
  }
}
