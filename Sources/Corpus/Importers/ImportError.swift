/// A problem in a data file, located by file and (for line formats) line number.
public struct ImportError: Error, CustomStringConvertible, Sendable {
  /// The file, as the user gave it.
  public let file: String
  /// 1-based line number, when the format is lines.
  public let line: Int?
  /// What was found and what was expected.
  public let message: String

  public init(file: String, line: Int? = nil, message: String) {
    self.file = file
    self.line = line
    self.message = message
  }

  public var description: String {
    if let line { return "\(file) line \(line): \(message)" }
    return "\(file): \(message)"
  }
}
