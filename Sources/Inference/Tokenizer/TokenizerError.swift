/// A vocabulary that cannot be turned into a byte-level BPE tokenizer.
public struct TokenizerError: Error, CustomStringConvertible, Sendable {
  /// What is wrong, naming the GGUF key and what was expected.
  public let message: String

  /// Creates an error with a message a user can act on.
  public init(_ message: String) { self.message = message }

  public var description: String { message }
}
