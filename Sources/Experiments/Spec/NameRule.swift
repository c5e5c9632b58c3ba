import Foundation

/// What a name (experiment, dataset, model, path) may contain: some visible text on one line.
///
/// Names end up in file names, plot scripts, notebook headings and terminal tables, so a control
/// character (newline, tab, escape, …) or a line separator in one is refused rather than escaped
/// everywhere it travels.
public enum NameRule {
  /// Why `value` is not an acceptable name, or nil when it is.
  public static func problem(_ value: String) -> String? {
    if value.allSatisfy(\.isWhitespace) { return "must not be empty" }
    if let bad = value.unicodeScalars.first(where: isForbidden) {
      return String(format: "contains the control character U+%04X", bad.value)
        + "; names must be a single line of printable text"
    }
    return nil
  }

  /// Control characters (C0, DEL, C1) and the Unicode line and paragraph separators.
  private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .control, .lineSeparator, .paragraphSeparator: return true
    default: return false
    }
  }
}
