import Foundation

extension NumericMatrix {
  /// Parses CSV text: comma-separated numbers, one row per line, every row the same length;
  /// an optional first row of non-numbers (a header) is skipped; blank lines are ignored; a
  /// field may be wrapped in double quotes.
  /// - Throws: `MatrixFileError` naming the line and column of a field that is not a finite
  ///   number, or of a row whose length differs from the first; or saying the file has no rows.
  public static func parseCSV(_ text: String, file: String) throws -> NumericMatrix {
    var values: [Double] = []
    var columns: Int?
    var firstLine = 0
    var rows = 0
    var sawFirstRow = false
    // `isNewline`: "\r\n" is one Character in Swift, so splitting on "\n" alone would miss it.
    let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    for (index, rawLine) in lines.enumerated() {
      let line = index + 1
      let fields = rawLine.split(separator: ",", omittingEmptySubsequences: false).map(field)
      if fields.count == 1, fields[0].isEmpty { continue }  // blank line
      if !sawFirstRow {
        sawFirstRow = true
        if fields.allSatisfy({ Double($0) == nil }) { continue }  // header row
      }
      if let columns, fields.count != columns {
        throw MatrixFileError(
          file: file, line: line,
          message: "has \(fields.count) fields, but line \(firstLine) has \(columns): "
            + "every row needs the same number of values")
      }
      if columns == nil { (columns, firstLine) = (fields.count, line) }
      for (position, text) in fields.enumerated() {
        guard let value = Double(text), value.isFinite else {
          throw MatrixFileError(
            file: file, line: line, column: position + 1,
            message: "'\(text)' is not a finite number (rows hold numbers only; "
              + "only the first row may be a header of names)")
        }
        values.append(value)
      }
      rows += 1
    }
    guard let columns, rows > 0 else {
      throw MatrixFileError(file: file, message: "holds no rows of numbers")
    }
    return NumericMatrix(rows: rows, columns: columns, values: values)
  }

  /// A field without surrounding whitespace, carriage return or one pair of double quotes.
  private static func field(_ raw: Substring) -> String {
    var text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
    if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") {
      text = String(text.dropFirst().dropLast())
    }
    return text
  }
}
