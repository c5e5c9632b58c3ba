/// An error from a quantised-block kernel, naming the type and length it could not handle.
public struct QuantError: Error, CustomStringConvertible, Sendable, Equatable {
  /// What went wrong and what was expected.
  public let message: String

  /// Creates an error with a message a user can act on.
  public init(_ message: String) { self.message = message }

  public var description: String { message }

  /// Maps a CKernels status code to an error (nil for `CK_OK`).
  static func check(_ status: Int32, type: GGMLType, count: Int, operation: String) -> QuantError? {
    switch status {
    case 0: return nil
    case -1:
      return QuantError(
        "\(operation): type \(type) has no kernel (supported: \(GGMLType.kernelTypes))")
    case -2:
      return QuantError(
        "\(operation): \(count) values of \(type) is not a whole number of \(type.blockSize)-value blocks"
      )
    default: return QuantError("\(operation): kernel status \(status) for \(type)")
    }
  }
}
