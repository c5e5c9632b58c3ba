import ArgumentParser
import Foundation

/// Checks of numeric command-line options: each failure is a `ValidationError` naming the option,
/// the accepted range and the value given.
enum OptionCheck {
  /// The most a count option (tokens, passages) accepts: 2^20, above any supported model's
  /// context, and small enough that sums of such options cannot overflow.
  static let countLimit = 1 << 20

  /// `value` must lie in `range`.
  /// - Throws: `ValidationError` such as `--top must be 1 or more (got -1)`.
  static func require(_ value: Int, in range: ClosedRange<Int>, _ option: String) throws {
    guard range.contains(value) else {
      throw ValidationError("\(option) must be \(describe(range)) (got \(value))")
    }
  }

  /// `value` must be a finite number in `range`.
  /// - Throws: `ValidationError` such as `--top-p must be a number in 0.0...1.0 (got nan)`.
  static func require(_ value: Float, in range: ClosedRange<Float>, _ option: String) throws {
    guard value.isFinite, range.contains(value) else {
      throw ValidationError(
        "\(option) must be a number in \(range.lowerBound)...\(range.upperBound) (got \(value))")
    }
  }

  /// A comma-separated list of integers in `range`, e.g. `--k 1,5,20`.
  /// - Throws: `ValidationError` naming the option, the item that is not such an integer and an
  ///   example of a valid list.
  static func integerList(
    _ text: String, in range: ClosedRange<Int>, _ option: String, example: String
  ) throws -> [Int] {
    let items = text.split(separator: ",", omittingEmptySubsequences: false)
      .map { $0.trimmingCharacters(in: .whitespaces) }
    return try items.map { item in
      guard let value = Int(item), range.contains(value) else {
        throw ValidationError(
          "\(option) must list integers \(describe(range)) separated by commas, e.g. \(example) "
            + "('\(item)' is not one)")
      }
      return value
    }
  }

  /// `1 or more` for an open-ended range, else `in 1...4096`.
  private static func describe(_ range: ClosedRange<Int>) -> String {
    range.upperBound == .max
      ? "\(range.lowerBound) or more" : "in \(range.lowerBound)...\(range.upperBound)"
  }
}
