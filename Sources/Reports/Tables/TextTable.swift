/// A table of strings rendered as aligned columns, GitHub markdown, or CSV.
public struct TextTable: Sendable, Equatable {
  /// Column titles.
  public var headers: [String]
  /// Rows, each with one cell per header.
  public var rows: [[String]]
  /// Which columns hold numbers (right-aligned).
  public var numeric: Set<Int>

  /// Creates a table; `numeric` lists the right-aligned column indices.
  public init(headers: [String], rows: [[String]], numeric: Set<Int> = []) {
    self.headers = headers
    self.rows = rows
    self.numeric = numeric
  }

  /// Columns padded to their widest cell, two spaces apart, a dashed rule under the header.
  public func aligned() -> String {
    let widths = headers.indices.map { column in
      ([headers[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
    }
    func line(_ cells: [String]) -> String {
      cells.indices.map { column in
        let pad = String(repeating: " ", count: widths[column] - cells[column].count)
        return numeric.contains(column) ? pad + cells[column] : cells[column] + pad
      }.joined(separator: "  ").replacingTrailingSpaces()
    }
    let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
    return ([line(headers), rule] + rows.map(line)).joined(separator: "\n") + "\n"
  }

  /// A GitHub-flavoured markdown table (`|` inside a cell is escaped).
  public func markdown() -> String {
    func line(_ cells: [String]) -> String {
      "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ")
        + " |"
    }
    let rule = "|" + headers.indices.map { numeric.contains($0) ? "---:|" : "---|" }.joined()
    return ([line(headers), rule] + rows.map(line)).joined(separator: "\n") + "\n"
  }

  /// RFC 4180 CSV: a cell with a comma, quote or line break is quoted, quotes doubled.
  public func csv() -> String {
    func cell(_ text: String) -> String {
      guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
        return text
      }
      return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return ([headers] + rows).map { $0.map(cell).joined(separator: ",") }.joined(separator: "\n")
      + "\n"
  }
}

extension String {
  /// The string without trailing spaces.
  fileprivate func replacingTrailingSpaces() -> String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
