/// How text from the database (names, keys, retrievers, paths) enters gnuplot scripts and data
/// files without being able to end a line, continue a comment or run a command.
///
/// gnuplot ends a command at a newline and joins a line ending in `\` with the next one (comments
/// too). Inside single quotes it expands nothing (no backslash escapes, no backquote command
/// substitution, no `@` macros); the only special character is `'`, written `''`.
enum GnuplotText {
  /// What a control character becomes (U+FFFD, the Unicode replacement character).
  static let replacement: Unicode.Scalar = "\u{FFFD}"

  /// `text` with every control character and Unicode line or paragraph separator replaced, so it
  /// stays on one line whatever the database holds.
  static func printable(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar.properties.generalCategory {
      case .control, .lineSeparator, .paragraphSeparator: scalars.append(replacement)
      default: scalars.append(scalar)
      }
    }
    return String(scalars)
  }

  /// A gnuplot single-quoted string literal of `text`: control characters replaced, `'` doubled.
  static func quoted(_ text: String) -> String {
    "'" + printable(text).replacingOccurrences(of: "'", with: "''") + "'"
  }

  /// A `# …` comment line of `text` that cannot end early or swallow the next line: control
  /// characters replaced, and a space after a final backslash (which would continue the line).
  static func comment(_ text: String) -> String {
    let line = "# " + printable(text)
    return line.hasSuffix("\\") ? line + " " : line
  }

  /// Checks that `path` can be handed to gnuplot unchanged.
  /// - Throws: `ReportsError.cannotWrite` when it holds a control character (such as a newline).
  static func requirePrintable(path: String) throws {
    guard printable(path) == path else {
      throw ReportsError.cannotWrite(
        path: printable(path),
        reason: "the path holds a control character (such as a newline); choose another folder")
    }
  }
}
