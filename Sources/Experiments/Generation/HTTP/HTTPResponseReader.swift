import Foundation

/// Reads one HTTP/1.x answer from a connection: status line, header fields, then a body framed by
/// `Transfer-Encoding: chunked`, `Content-Length` or the end of the connection (RFC 9112 §6).
enum HTTPResponseReader {
  /// The most header fields an answer may carry.
  static let maxHeaderFields = 256

  /// The next whole answer on `connection` to a `method` request, skipping interim 1xx answers.
  /// - Returns: the answer, and whether the connection may carry another request (HTTP/1.1
  ///   without `Connection: close`, or 1.0 with `keep-alive`, and a body not ended by closing).
  /// - Throws: `HTTPTransportError.broken` when the server closed the connection before the
  ///   answer was whole (a truncated body) or sent something that is not HTTP/1.x; `.timedOut`.
  static func read(from connection: HTTPConnection, method: String, until deadline: Deadline)
    throws -> (response: HTTPResponse, reusable: Bool)
  {
    var (version, status, headers) = try head(from: connection, until: deadline)
    while (100..<200).contains(status) && status != 101 {
      (version, status, headers) = try head(from: connection, until: deadline)
    }
    var delimited = true
    let body: [UInt8]
    if method == "HEAD" || status == 204 || status == 304 {
      body = []
    } else if headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
      body = try chunkedBody(from: connection, until: deadline)
    } else if let text = headers["content-length"] {
      guard let length = Int(text.trimmingCharacters(in: .whitespaces)), length >= 0 else {
        throw HTTPTransportError.broken("the answer's Content-Length '\(text)' is not a byte count")
      }
      body = try connection.read(count: length, until: deadline)
      guard body.count == length else {
        throw HTTPTransportError.broken(
          "the server closed the connection after \(body.count) of the answer's \(length) bytes "
            + "(a truncated answer)")
      }
    } else {
      body = try connection.readToEnd(until: deadline)
      delimited = false
    }
    let options = headers["connection"]?.lowercased() ?? ""
    let keepAlive =
      version == "HTTP/1.0" ? options.contains("keep-alive") : !options.contains("close")
    return (
      HTTPResponse(status: status, headers: headers, body: Data(body)), delimited && keepAlive
    )
  }

  /// One answer head: the status line's version and code, and the header fields by lowercased
  /// name (repeats joined with `, `).
  private static func head(from connection: HTTPConnection, until deadline: Deadline) throws
    -> (version: String, status: Int, headers: [String: String])
  {
    guard let line = try connection.readLine(until: deadline) else {
      throw HTTPTransportError.broken(
        connection.received == 0
          ? "the server closed the connection without answering"
          : "the server closed the connection in the middle of the answer's head")
    }
    let statusLine = String(decoding: line, as: UTF8.self)
    let parts = statusLine.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
    guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), parts[1].count == 3,
      let status = Int(parts[1])
    else {
      throw HTTPTransportError.broken(
        "the server's answer is not HTTP/1.x (it began '\(statusLine.prefix(60))')")
    }
    var headers: [String: String] = [:]
    for _ in 0...maxHeaderFields {
      guard let field = try connection.readLine(until: deadline) else {
        throw HTTPTransportError.broken(
          "the server closed the connection in the middle of the answer's head")
      }
      if field.isEmpty { return (String(parts[0]), status, headers) }
      let text = String(decoding: field, as: UTF8.self)
      guard let colon = text.firstIndex(of: ":") else {
        throw HTTPTransportError.broken(
          "the server's answer has a header line without a colon ('\(text.prefix(60))')")
      }
      let name = text[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
      let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      headers[name] = headers[name].map { "\($0), \(value)" } ?? value
    }
    throw HTTPTransportError.broken(
      "the server's answer has more than \(maxHeaderFields) header fields")
  }

  /// A chunked body, decoded: hexadecimal size lines (extensions ignored), each chunk and its
  /// CRLF, a zero-size chunk, then trailer fields up to an empty line (ignored).
  private static func chunkedBody(from connection: HTTPConnection, until deadline: Deadline)
    throws -> [UInt8]
  {
    let cut = HTTPTransportError.broken(
      "the server closed the connection in the middle of the answer's chunked body "
        + "(a truncated answer)")
    var body: [UInt8] = []
    while true {
      guard let line = try connection.readLine(until: deadline) else { throw cut }
      let text = String(decoding: line, as: UTF8.self)
      let sizeText = text.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
      guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size >= 0
      else {
        throw HTTPTransportError.broken(
          "the answer's chunk size '\(text.prefix(60))' is not a hexadecimal number")
      }
      if size == 0 {
        while let trailer = try connection.readLine(until: deadline) {
          if trailer.isEmpty { return body }
        }
        throw cut
      }
      let chunk = try connection.read(count: size, until: deadline)
      guard chunk.count == size else { throw cut }
      body += chunk
      guard let end = try connection.readLine(until: deadline) else { throw cut }
      guard end.isEmpty else {
        throw HTTPTransportError.broken("a chunk of the answer is longer than its size line says")
      }
    }
  }
}
