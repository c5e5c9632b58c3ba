import Foundation
import Inference

/// The reply of llama.cpp's `GET /props`: the chat template the server's model carries, its
/// slot count and its model file.
struct ServerProps: Decodable {
  /// The model's Jinja chat template (`chat_template`; the client converts snake case).
  var chatTemplate: String?
  /// Requests the server runs side by side (`total_slots`, llama-server's `-np`).
  var totalSlots: Int?
  /// The model file the server loaded (`model_path`), on the server's machine.
  var modelPath: String?
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
  /// llama.cpp's `/props` (at the server root beside `/v1`), or nil when the server has none (vLLM).
  static func serverProps(client: JSONHTTPClient, baseURL: URL) -> ServerProps? {
    var root = baseURL
    if root.lastPathComponent == "v1" { root.deleteLastPathComponent() }
    return try? client.get(root.appendingPathComponent("props"), as: ServerProps.self)
  }

  /// The chat format of the server's model as the server reports it in `props`, or nil when the
  /// server does not say (vLLM) or its template is not one raglab renders — then
  /// `prompt.chat: true` is refused rather than guessed.
  static func serverChatFormat(_ props: ServerProps?) -> ChatFormat? {
    guard let template = ChatTemplate.recognise(props?.chatTemplate) else { return nil }
    return ChatFormat(template)
  }
}
