/// The kind of a vocabulary entry, numbered as in GGUF's `tokenizer.ggml.token_type`.
public enum TokenType: Int32, Sendable {
  case undefined = 0
  case normal = 1
  case unknown = 2
  case control = 3
  case userDefined = 4
  case unused = 5
  case byte = 6

  /// Whether llama.cpp splits this token out of raw text before pre-tokenization.
  var isSpecial: Bool { self == .control || self == .userDefined || self == .unknown }
}
