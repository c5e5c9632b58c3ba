/// Why a request got no whole answer, sorted the way the retry policy sorts failures.
enum HTTPTransportError: Error, Equatable {
  /// No whole answer within the request's timeout.
  case timedOut
  /// No connection: refused, a failed name lookup, no route; `transient` when a later attempt
  /// may connect.
  case unreachable(String, transient: Bool)
  /// An accepted connection failed: reset, closed before or in the middle of the answer (a
  /// truncated body), or an answer that is not HTTP. Always worth a retry.
  case broken(String)
}
