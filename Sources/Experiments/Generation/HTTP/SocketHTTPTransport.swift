import Foundation

/// A small blocking HTTP/1.1 client over POSIX sockets for `http://` URLs: the calling thread
/// sends the request and sleeps in poll(2) until the answer arrives, so a waiting worker costs no
/// CPU. Connections are kept alive between requests (a worker takes an idle one, or opens one,
/// and returns it when the server allows), so a run holds at most one per worker.
final class SocketHTTPTransport: HTTPTransport, @unchecked Sendable {
  /// Guards `idle`.
  private let lock = NSLock()
  /// Open connections no request is using, by server (`HTTPTarget.key`).
  private var idle: [String: [HTTPConnection]] = [:]
  /// The most idle connections kept for one server.
  static let maxIdlePerServer = GeneratorSpec.maxConcurrency

  /// A transport with no open connections.
  init() {}

  /// Sends `request` on an idle connection to its server, or a new one; when a kept-alive
  /// connection turns out closed before any byte of the answer (the server dropped it while
  /// idle), sends it once more on a new connection.
  /// - Throws: `HTTPTransportError` (a header value with a line break is refused unsent).
  func send(_ request: HTTPRequest, timeout: TimeInterval) throws -> HTTPResponse {
    let target = try HTTPTarget(request.url)
    let bytes = try Self.encode(request, to: target)
    let deadline = Deadline(seconds: timeout)
    if let kept = takeIdle(target.key) {
      do {
        return try exchange(bytes, method: request.method, on: kept, key: target.key, deadline)
      } catch HTTPTransportError.broken(_) where kept.received == 0 {
        // Closed by the server while idle: the request was never read; a new connection follows.
      }
    }
    let connection = try HTTPConnection.open(
      host: target.host, port: target.port, deadline: deadline)
    return try exchange(bytes, method: request.method, on: connection, key: target.key, deadline)
  }

  /// Writes the request, reads the answer, and keeps the connection when the answer allows.
  private func exchange(
    _ bytes: [UInt8], method: String, on connection: HTTPConnection, key: String,
    _ deadline: Deadline
  ) throws -> HTTPResponse {
    connection.beginRequest()
    try connection.write(bytes, until: deadline)
    let (response, reusable) = try HTTPResponseReader.read(
      from: connection, method: method, until: deadline)
    if reusable { keep(connection, key: key) }
    return response
  }

  /// An idle connection to server `key` that is still open, if any (closed ones are dropped).
  private func takeIdle(_ key: String) -> HTTPConnection? {
    lock.withLock {
      while let connection = idle[key]?.popLast() {
        if connection.isOpenAndQuiet { return connection }
      }
      return nil
    }
  }

  /// Returns `connection` to the idle ones of server `key` (closes it when enough are kept).
  private func keep(_ connection: HTTPConnection, key: String) {
    lock.withLock {
      if idle[key, default: []].count < Self.maxIdlePerServer {
        idle[key, default: []].append(connection)
      }
    }
  }

  /// The request's bytes: request line, `Host`, the caller's fields, `Content-Length` when there
  /// is a body, `Connection: keep-alive`, then the body.
  /// - Throws: `HTTPTransportError.unreachable` (not transient) when a header value holds a line
  ///   break, which would split the request (the value itself is not named: it may be the key).
  static func encode(_ request: HTTPRequest, to target: HTTPTarget) throws -> [UInt8] {
    var head = "\(request.method) \(target.pathAndQuery) HTTP/1.1\r\nHost: \(target.hostHeader)\r\n"
    for (name, value) in request.headers {
      guard !value.utf8.contains(where: { $0 == 13 || $0 == 10 }) else {
        throw HTTPTransportError.unreachable(
          "the \(name) header's value holds a line break (check the API key's variable)",
          transient: false)
      }
      head += "\(name): \(value)\r\n"
    }
    if let body = request.body { head += "Content-Length: \(body.count)\r\n" }
    head += "Connection: keep-alive\r\n\r\n"
    return Array(head.utf8) + (request.body.map(Array.init) ?? [])
  }
}
