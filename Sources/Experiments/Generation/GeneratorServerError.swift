import Foundation

/// A failure talking to a generator server, worded for the person running the experiment.
public struct GeneratorServerError: Error, CustomStringConvertible, Sendable {
  /// What went wrong, with the URL and what to do.
  public let description: String
  /// Whether the same request may succeed later (a timeout, a refused or dropped connection,
  /// HTTP 429 or 5xx, JSON raglab cannot read); false when a retry would fail the same way.
  public var isTransient = false
  /// Seconds the server asked to wait before retrying (`Retry-After` of a 429 or 503), if it said.
  public var retryAfter: TimeInterval? = nil

  /// The same error with every occurrence of `secret` (the API key) replaced, so a server that
  /// echoes the key cannot put it into a message, a log or the database.
  func redacting(_ secret: String?) -> GeneratorServerError {
    guard let secret, !secret.isEmpty, description.contains(secret) else { return self }
    return GeneratorServerError(
      description: description.replacingOccurrences(of: secret, with: "[API key redacted]"),
      isTransient: isTransient, retryAfter: retryAfter)
  }
}

/// A request that kept failing with transient errors until its retries ran out (see
/// `RetryPolicy`): the runner stores its trial as failed, and the next run tries it again.
public struct GeneratorRequestFailure: Error, CustomStringConvertible, Sendable {
  /// The last attempt's error message (naming the URL; the API key redacted).
  public let reason: String
  /// Requests sent for this answer, the first one included.
  public let attempts: Int

  public var description: String { "\(reason) (gave up after \(attempts) attempts)" }
}
