import Foundation

/// How a generation request that fails with a transient error (`GeneratorServerError.isTransient`)
/// is retried: up to `retries` more times, waiting between attempts with exponential backoff and
/// full jitter, or as long as a 429/503 `Retry-After` asks (capped).
public struct RetryPolicy: Sendable {
  /// Retries when the spec does not say (`generator.retries`).
  public static let defaultRetries = 5
  /// The backoff ceiling before the first retry, doubled before each next one.
  public static let baseDelay: TimeInterval = 0.5
  /// The largest backoff ceiling.
  public static let maxDelay: TimeInterval = 30
  /// The longest wait a server's `Retry-After` can impose.
  public static let maxRetryAfter: TimeInterval = 60

  /// Retries after the first attempt (0: none).
  public let retries: Int
  /// Waits; tests pass one that records instead of sleeping.
  let sleep: @Sendable (TimeInterval) -> Void
  /// A uniform draw from [0, 1], the jitter.
  let jitter: @Sendable () -> Double

  /// A policy of `retries` retries (negative counts as 0).
  public init(
    retries: Int = defaultRetries,
    sleep: @escaping @Sendable (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) },
    jitter: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }
  ) {
    self.retries = max(0, retries)
    self.sleep = sleep
    self.jitter = jitter
  }

  /// Seconds to wait before retry number `retry` (0 for the first): the server's `retryAfter`,
  /// capped at `maxRetryAfter`, else a uniform draw from [0, min(maxDelay, baseDelay × 2^retry)].
  public func delay(beforeRetry retry: Int, retryAfter: TimeInterval?) -> TimeInterval {
    if let retryAfter { return min(max(0, retryAfter), Self.maxRetryAfter) }
    let ceiling = min(Self.maxDelay, Self.baseDelay * pow(2, Double(min(max(0, retry), 32))))
    return min(max(0, jitter()), 1) * ceiling
  }

  /// Runs `attempt` until it returns, throws an error that is not transient (rethrown at once), or
  /// has failed transiently `retries + 1` times.
  /// - Throws: the permanent error, or `GeneratorRequestFailure` with the last transient error.
  func run<T>(_ attempt: () throws -> T) throws -> T {
    var attempts = 0
    while true {
      attempts += 1
      do {
        return try attempt()
      } catch let error as GeneratorServerError where error.isTransient {
        guard attempts <= retries else {
          throw GeneratorRequestFailure(reason: error.description, attempts: attempts)
        }
        sleep(delay(beforeRetry: attempts - 1, retryAfter: error.retryAfter))
      }
    }
  }
}
