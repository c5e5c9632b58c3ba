/// A fault the stand-in server (Fixtures/fake_openai_server.py) meets a request with.
enum ServerFault: String, CaseIterable, Sendable, CustomStringConvertible {
  /// Closes the connection without answering.
  case drop
  /// Aborts the connection (TCP RST).
  case reset
  /// Answers after 3 s, past a 1 s client timeout.
  case stall
  /// HTTP 429 with `Retry-After: 2`.
  case tooManyRequests = "429"
  /// HTTP 500, echoing the Authorization header in its message.
  case internalError = "500"
  /// HTTP 503 with `Retry-After: 2`.
  case unavailable = "503"
  /// HTTP 400 (not retried).
  case badRequest = "400"
  /// HTTP 401, echoing the Authorization header (not retried).
  case unauthorized = "401"
  /// The answer's JSON cut in half.
  case truncated
  /// A 200 whose body is HTML, not JSON.
  case malformed

  /// The faults raglab retries (the fault matrix).
  static let transient: [ServerFault] = [
    .drop, .reset, .stall, .tooManyRequests, .internalError, .unavailable, .truncated, .malformed,
  ]

  var description: String { rawValue }
}
