/// A sentence-encoder file (config, tokenizer, weights) that cannot be used: which file, which key, why.
public struct EncoderError: Error, CustomStringConvertible {
  /// The file involved.
  public let file: String
  /// The JSON key or tensor involved, if any.
  public let key: String?
  /// What went wrong and what was expected.
  public let message: String

  public init(file: String, key: String? = nil, message: String) {
    self.file = file
    self.key = key
    self.message = message
  }

  public var description: String {
    if let key { return "\(file): \(key): \(message)" }
    return "\(file): \(message)"
  }
}
