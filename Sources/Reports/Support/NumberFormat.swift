import Foundation

/// How reports print numbers: fixed decimals, intervals in brackets, durations as h:mm:ss.
enum NumberFormat {
  /// `value` with `digits` decimals (`0.425`), or `–` when it is not finite.
  static func fixed(_ value: Double, _ digits: Int = 3) -> String {
    value.isFinite ? String(format: "%.\(digits)f", value) : "–"
  }

  /// `0.425 [0.300, 0.550]`.
  static func withInterval(_ estimate: Estimate, _ digits: Int = 3) -> String {
    "\(fixed(estimate.value, digits)) \(interval(estimate, digits))"
  }

  /// `+0.080 [0.020, 0.140]`: a difference with its interval, signed.
  static func signedWithInterval(_ estimate: Estimate, _ digits: Int = 3) -> String {
    let sign = estimate.value > 0 && fixed(estimate.value, digits) != fixed(0, digits) ? "+" : ""
    return "\(sign)\(withInterval(estimate, digits))"
  }

  /// A p-value: three decimals down to 0.001 (`0.042`), two significant digits below
  /// (`3.1e-05`), `–` when not finite.
  static func pValue(_ p: Double) -> String {
    guard p.isFinite else { return "–" }
    return p >= 0.001 ? String(format: "%.3f", p) : String(format: "%.1e", p)
  }

  /// `[0.300, 0.550]`.
  static func interval(_ estimate: Estimate, _ digits: Int = 3) -> String {
    "[\(fixed(estimate.low, digits)), \(fixed(estimate.high, digits))]"
  }

  /// Seconds as `m:ss` under an hour and `h:mm:ss` above (`90` → `1:30`).
  static func duration(_ seconds: Double) -> String {
    guard seconds.isFinite, seconds >= 0 else { return "?:??" }
    let total = Int(seconds.rounded())
    let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
    if hours > 0 { return String(format: "%d:%02d:%02d", hours, minutes, secs) }
    return String(format: "%d:%02d", minutes, secs)
  }

  /// A date as `2026-11-28 03:49:13 UTC`.
  static func timestamp(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd HH:mm:ss 'UTC'"
    return formatter.string(from: date)
  }
}
