import Foundation

/// The `Retry-After` header of a 429 or 503 answer (RFC 9110 §10.2.3): seconds, or an HTTP date.
enum RetryAfter {
  /// Seconds to wait from `now`, or nil when `value` is absent, negative or neither form; a date
  /// in the past gives 0.
  static func seconds(_ value: String?, now: Date = Date()) -> TimeInterval? {
    guard let text = value?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
      return nil
    }
    if text.allSatisfy(\.isASCII), let seconds = TimeInterval(text) {
      return seconds.isFinite && seconds >= 0 ? seconds : nil
    }
    // IMF-fixdate, `Sun, 06 Nov 1994 08:49:37 GMT`, the form servers send.
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "GMT")
    formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
    guard let date = formatter.date(from: text) else { return nil }
    return max(0, date.timeIntervalSince(now))
  }
}
