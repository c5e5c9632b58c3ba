import Foundation

/// The instant a request must be answered by, counted from when it is sent.
struct Deadline {
  /// When the time runs out.
  private let end: ContinuousClock.Instant

  /// A deadline `seconds` from now (negative counts as 0; capped at a day).
  init(seconds: TimeInterval) {
    end = .now + .seconds(min(max(0, seconds), 86_400))
  }

  /// Milliseconds left, for poll(2): 0 once the deadline has passed.
  var remainingMilliseconds: Int32 {
    let left = (end - .now).components
    let milliseconds = left.seconds * 1000 + left.attoseconds / 1_000_000_000_000_000
    return Int32(clamping: max(0, milliseconds))
  }
}
