/// A matrix file that cannot be read: the file, where in it (line and column for CSV), what was
/// wrong and what is accepted.
public struct MatrixFileError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file as named by the user.
  public let file: String
  /// 1-based line, for text formats.
  public let line: Int?
  /// 1-based column (field), for text formats.
  public let column: Int?
  /// What is wrong and how to fix it.
  public let message: String

  /// Creates the error.
  public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  public var description: String {
    let place = [line.map { "line \($0)" }, column.map { "column \($0)" }].compactMap { $0 }
    return "\(file):" + (place.isEmpty ? "" : " \(place.joined(separator: ", ")):") + " \(message)"
  }
}
