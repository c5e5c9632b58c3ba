import Foundation

/// NumPy's `.npy` format, versions 1.0–3.0: the magic `\x93NUMPY`, a version, a header length
/// (2 bytes little-endian in 1.0, 4 bytes after), a Python dict literal with `descr`,
/// `fortran_order` and `shape`, then the raw data.
extension NumericMatrix {
  /// Parses a `.npy` file's bytes: a 2-D, C-order, little-endian float32 (`<f4`) or float64
  /// (`<f8`) array.
  /// - Throws: `MatrixFileError` saying what the file holds and what is supported.
  public static func parseNPY(_ bytes: [UInt8], file: String) throws -> NumericMatrix {
    func fail(_ message: String) -> MatrixFileError {
      MatrixFileError(file: file, message: message)
    }
    let magic: [UInt8] = [0x93] + Array("NUMPY".utf8)
    guard bytes.count >= 10, Array(bytes[0..<6]) == magic else {
      throw fail("is not a NumPy .npy file (it does not start with \\x93NUMPY); save with np.save")
    }
    let (headerStart, headerLength): (Int, Int)
    switch bytes[6] {
    case 1: (headerStart, headerLength) = (10, Int(bytes[8]) | Int(bytes[9]) << 8)
    case 2, 3:
      guard bytes.count >= 12 else { throw fail("ends inside its .npy header (truncated file)") }
      (headerStart, headerLength) = (
        12, (8..<12).reduce(0) { $0 | Int(bytes[$1]) << (8 * ($1 - 8)) }
      )
    default:
      throw fail("has .npy format version \(bytes[6]).\(bytes[7]); versions 1.0 to 3.0 are read")
    }
    guard headerStart + headerLength <= bytes.count else {
      throw fail("ends inside its .npy header (truncated file)")
    }
    let header = String(decoding: bytes[headerStart..<(headerStart + headerLength)], as: UTF8.self)
    let width = try elementWidth(descr: headerValue("descr", in: header), fail: fail)
    guard headerValue("fortran_order", in: header) == "False" else {
      throw fail(
        "is in Fortran (column-major) order; only C order is read: "
          + "np.save(path, np.ascontiguousarray(a))")
    }
    let shape = headerValue("shape", in: header) ?? "?"
    let sizes = shape.trimmingCharacters(in: CharacterSet(charactersIn: "() "))
      .split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
    guard sizes.count == 2, let rows = sizes[0], let columns = sizes[1], rows > 0, columns > 0
    else {
      throw fail("has shape \(shape); clustering needs a 2-D array of shape (samples, features)")
    }
    let start = headerStart + headerLength
    let (count, overflow) = rows.multipliedReportingOverflow(by: columns)
    guard !overflow, count <= (bytes.count - start) / width else {
      throw fail(
        "has shape \(shape) but only \(bytes.count - start) bytes of data (truncated file)")
    }
    let values = (0..<count).map { index in
      let offset = start + index * width
      let bits = (0..<width).reduce(UInt64(0)) { $0 | UInt64(bytes[offset + $1]) << (8 * $1) }
      return width == 4 ? Double(Float(bitPattern: UInt32(bits))) : Double(bitPattern: bits)
    }
    return NumericMatrix(rows: rows, columns: columns, values: values)
  }

  /// Bytes per element of a supported `descr`.
  private static func elementWidth(
    descr: String?, fail: (String) -> MatrixFileError
  ) throws -> Int {
    switch descr {
    case "<f4": return 4
    case "<f8": return 8
    default:
      throw fail(
        "has dtype '\(descr ?? "?")'; supported: little-endian float32 ('<f4') or float64 "
          + "('<f8'), e.g. np.save(path, a.astype('<f8'))")
    }
  }

  /// The literal after `'key':` in a header dict: a quoted string's content, a parenthesised
  /// tuple (with its parentheses), or a bare word.
  private static func headerValue(_ key: String, in header: String) -> String? {
    guard let keyRange = header.range(of: "'\(key)':") else { return nil }
    let rest = header[keyRange.upperBound...].drop { $0 == " " }
    if rest.first == "'" {
      return String(rest.dropFirst().prefix { $0 != "'" })
    }
    if rest.first == "(" {
      return String(rest.prefix { $0 != ")" }) + ")"
    }
    return String(rest.prefix { $0 != "," && $0 != "}" && $0 != " " })
  }
}
