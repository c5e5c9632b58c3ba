import Foundation
import Testing

@testable import Experiments

@Test func backoffCeilingsDoubleFromHalfASecondUpToThirtySeconds() {
  let top = RetryPolicy(retries: 9, sleep: { _ in }, jitter: { 1 })
  // min(30, 0.5 × 2^i), by hand.
  #expect(
    (0..<9).map { top.delay(beforeRetry: $0, retryAfter: nil) }
      == [0.5, 1, 2, 4, 8, 16, 30, 30, 30])
  let bottom = RetryPolicy(retries: 9, sleep: { _ in }, jitter: { 0 })
  #expect(bottom.delay(beforeRetry: 4, retryAfter: nil) == 0)
  let middle = RetryPolicy(retries: 9, sleep: { _ in }, jitter: { 0.25 })
  #expect(middle.delay(beforeRetry: 3, retryAfter: nil) == 1)
}

@Test func aServersRetryAfterIsHonouredUpToOneMinute() {
  let policy = RetryPolicy(retries: 3, sleep: { _ in }, jitter: { 1 })
  #expect(policy.delay(beforeRetry: 0, retryAfter: 2) == 2)
  #expect(policy.delay(beforeRetry: 5, retryAfter: 7) == 7)
  #expect(policy.delay(beforeRetry: 0, retryAfter: 3_600) == 60)
}

@Test func retryAfterIsReadAsSecondsOrAnHTTPDate() {
  #expect(RetryAfter.seconds("120") == 120)
  #expect(RetryAfter.seconds(" 2 ") == 2)
  // RFC 9110's example date, 30 s after `now`.
  let now = Date(timeIntervalSince1970: 784_111_747)  // Sun, 06 Nov 1994 08:49:07 GMT
  #expect(RetryAfter.seconds("Sun, 06 Nov 1994 08:49:37 GMT", now: now) == 30)
  #expect(RetryAfter.seconds("Sun, 06 Nov 1994 08:48:37 GMT", now: now) == 0)
  #expect(RetryAfter.seconds("-5") == nil)
  #expect(RetryAfter.seconds("soon") == nil)
  #expect(RetryAfter.seconds(nil) == nil)
}

@Test func transientErrorsAreRetriedThenReportedWithTheirAttempts() throws {
  let log = RecordedSleeps()
  let policy = RetryPolicy(retries: 2, sleep: { log.sleep($0) }, jitter: { 1 })
  var calls = 0
  let failure = try #require(throws: GeneratorRequestFailure.self) {
    try policy.run { () throws -> Int in
      calls += 1
      throw GeneratorServerError(description: "HTTP 500 #\(calls)", isTransient: true)
    }
  }
  #expect(calls == 3 && failure.attempts == 3 && failure.reason == "HTTP 500 #3")
  #expect(log.delays == [0.5, 1])
}

@Test func aTransientErrorFollowedBySuccessReturnsTheAnswer() throws {
  let log = RecordedSleeps()
  let policy = RetryPolicy(retries: 5, sleep: { log.sleep($0) }, jitter: { 1 })
  var calls = 0
  let value = try policy.run { () throws -> Int in
    calls += 1
    if calls < 3 {
      throw GeneratorServerError(description: "429", isTransient: true, retryAfter: 4)
    }
    return 42
  }
  #expect(value == 42 && calls == 3 && log.delays == [4, 4])
}

@Test func aPermanentErrorIsNotRetried() throws {
  let log = RecordedSleeps()
  let policy = RetryPolicy(retries: 5, sleep: { log.sleep($0) })
  var calls = 0
  let error = try #require(throws: GeneratorServerError.self) {
    try policy.run { () throws -> Int in
      calls += 1
      throw GeneratorServerError(description: "HTTP 401: bad key")
    }
  }
  #expect(calls == 1 && error.description == "HTTP 401: bad key" && log.delays.isEmpty)
}

@Test func zeroRetriesMeansOneAttempt() throws {
  let policy = RetryPolicy(retries: 0, sleep: { _ in })
  var calls = 0
  let failure = try #require(throws: GeneratorRequestFailure.self) {
    try policy.run { () throws -> Int in
      calls += 1
      throw GeneratorServerError(description: "dropped", isTransient: true)
    }
  }
  #expect(calls == 1 && failure.attempts == 1)
}
