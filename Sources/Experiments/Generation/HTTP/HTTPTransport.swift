import Foundation

/// One HTTP request as `JSONHTTPClient` sends it.
struct HTTPRequest: Sendable {
  /// `GET` or `POST`.
  var method: String
  /// The absolute `http://` or `https://` URL.
  var url: URL
  /// Header fields in the order they are sent (no `Host`, `Content-Length` or `Connection`: the
  /// transport adds those).
  var headers: [(name: String, value: String)] = []
  /// The body, sent with its `Content-Length`; nil for none.
  var body: Data? = nil
}

/// A server's whole answer to one request.
struct HTTPResponse: Sendable {
  /// The status code, e.g. 200.
  let status: Int
  /// Header fields by lowercased name (repeated fields joined with `, `).
  let headers: [String: String]
  /// The body, after any chunked transfer coding is undone.
  let body: Data

  /// The value of header `name` (any case), if the server sent it.
  func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// Sends an HTTP request and waits, blocking the calling thread, for the server's whole answer.
/// Redirects are returned as they are, never followed.
protocol HTTPTransport: Sendable {
  /// Sends `request` and returns the answer of any status.
  /// - Parameter timeout: seconds from sending to the last byte of the answer.
  /// - Throws: `HTTPTransportError` when no whole answer arrived.
  func send(_ request: HTTPRequest, timeout: TimeInterval) throws -> HTTPResponse
}
