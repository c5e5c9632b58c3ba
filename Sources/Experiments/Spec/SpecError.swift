/// One problem in a spec: where it is (key path and line) and what was expected.
public struct SpecProblem: Sendable, Equatable, CustomStringConvertible {
  /// Dotted key path, e.g. `module.k[2]` (empty for the document itself).
  public let keyPath: String
  /// 1-based line in the YAML file, when known.
  public let line: Int?
  /// What is wrong and what was expected.
  public let message: String

  /// Creates a problem report.
  public init(keyPath: String, line: Int?, message: String) {
    self.keyPath = keyPath
    self.line = line
    self.message = message
  }

  public var description: String {
    let place = line.map { "line \($0): " } ?? ""
    return "\(place)\(keyPath.isEmpty ? "(document)" : keyPath): \(message)"
  }
}

/// Every problem found in one spec file, reported together.
public struct SpecError: Error, Sendable, CustomStringConvertible {
  /// The spec file (or `<string>`).
  public let file: String
  /// All problems, in document order.
  public let problems: [SpecProblem]

  /// Creates the error for `file`.
  public init(file: String, problems: [SpecProblem]) {
    self.file = file
    self.problems = problems
  }

  public var description: String {
    let n = problems.count
    return "\(file): \(n) problem\(n == 1 ? "" : "s") in the spec\n"
      + problems.map { "  \(file):\($0)" }.joined(separator: "\n")
  }
}
