/// A GGUF file that cannot be used, with a message naming the file, the key or tensor, and what was expected.
public struct GGUFError: Error, CustomStringConvertible, Equatable, Sendable {
  /// What went wrong, coarsely, so callers and tests can branch on it.
  public enum Kind: Sendable, Equatable {
    case unreadable, badMagic, unsupportedVersion, truncated, unknownTensorType
    case missingKey, wrongKeyType, missingTensor, wrongShape, corrupt
  }

  /// The coarse category of the failure.
  public let kind: Kind
  /// The file the error is about.
  public let file: String
  /// A sentence a user can act on.
  public let message: String

  /// Creates an error about `file`.
  public init(_ kind: Kind, file: String, _ message: String) {
    self.kind = kind
    self.file = file
    self.message = message
  }

  /// `file: message`.
  public var description: String { "\(file): \(message)" }
}
