import CKernels

extension GGMLType {
  /// Whether the C kernels can decode this type (q2_K and q3_K cannot).
  public var isDequantizable: Bool { ck_block_size(rawValue) != 0 }

  /// The types the C kernels can decode, for error messages.
  static var kernelTypes: String {
    allCases.filter(\.isDequantizable).map(\.description).joined(separator: ", ")
  }
}

/// Decodes `count` values stored in `type`'s ggml block layout at `raw` into `into`.
///
/// - Throws: `QuantError` when the type has no kernel or `count` is not whole blocks.
public func dequantize(
  type: GGMLType, raw: UnsafeRawPointer, count: Int, into: UnsafeMutablePointer<Float>
) throws(QuantError) {
  let status = ck_dequantize_row(type.rawValue, raw, into, Int64(count))
  if let error = QuantError.check(status, type: type, count: count, operation: "dequantize") {
    throw error
  }
}

/// Decodes `count` values stored in `type`'s ggml block layout at `raw` into a new array.
///
/// - Throws: `QuantError` when the type has no kernel or `count` is not whole blocks.
public func dequantize(type: GGMLType, raw: UnsafeRawPointer, count: Int) throws(QuantError)
  -> [Float]
{
  if count == 0 { return [] }
  var failure: QuantError?
  let values = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
    do throws(QuantError) {
      try dequantize(type: type, raw: raw, count: count, into: buffer.baseAddress!)
      initialized = count
    } catch {
      failure = error
      initialized = 0
    }
  }
  if let failure { throw failure }
  return values
}
