import Foundation

/// IEEE 754 binary16 ("half") vectors as little-endian bytes: how hidden states are stored.
///
/// Each value rounds to the nearest binary16, ties to even. Finite values beyond ±65504 (the
/// largest binary16) and infinities saturate to ±65504 rather than becoming infinite; NaN stays NaN.
public enum Binary16 {
  /// The largest finite binary16 value.
  public static let maximum: Float = 65504

  /// `values` as 2 bytes each, little endian.
  public static func encode(_ values: [Float]) -> Data {
    var bytes = Data(capacity: values.count * 2)
    for value in values {
      let half = value.isNaN ? Float16.nan : Float16(min(max(value, -maximum), maximum))
      let bits = half.bitPattern
      bytes.append(UInt8(truncatingIfNeeded: bits))
      bytes.append(UInt8(truncatingIfNeeded: bits >> 8))
    }
    return bytes
  }

  /// The values of little-endian binary16 `bytes`; nil when the byte count is odd.
  public static func decode(_ bytes: Data) -> [Float]? {
    guard bytes.count % 2 == 0 else { return nil }
    var values: [Float] = []
    values.reserveCapacity(bytes.count / 2)
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let bits = UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8
      values.append(Float(Float16(bitPattern: bits)))
      index += 2
    }
    return values
  }
}
