import Foundation

/// Where a plain `http://` request goes: the address to connect to and the request line's parts.
struct HTTPTarget: Sendable {
  /// The host name or address literal, without IPv6 brackets (for getaddrinfo).
  let host: String
  /// The TCP port (80 unless the URL names one).
  let port: Int
  /// The `Host` header: the URL's host (bracketed when IPv6) and its explicit port.
  let hostHeader: String
  /// The percent-encoded path and query, `/` at least.
  let pathAndQuery: String

  /// The server that idle connections are kept for.
  var key: String { "\(host) \(port)" }

  /// The target of `url`.
  /// - Throws: `HTTPTransportError.unreachable` (not transient) when `url` has no host.
  init(_ url: URL) throws {
    guard let components = URLComponents(url: url, resolvingAgainstBaseURL: true),
      let rawHost = components.host, !rawHost.isEmpty
    else {
      throw HTTPTransportError.unreachable(
        "the URL names no host (expected e.g. http://127.0.0.1:8080/v1)", transient: false)
    }
    host = rawHost.hasPrefix("[") ? String(rawHost.dropFirst().dropLast()) : rawHost
    port = components.port ?? 80
    let bracketed = host.contains(":") ? "[\(host)]" : host
    hostHeader = bracketed + (components.port.map { ":\($0)" } ?? "")
    let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
    pathAndQuery = path + (components.percentEncodedQuery.map { "?\($0)" } ?? "")
  }
}
