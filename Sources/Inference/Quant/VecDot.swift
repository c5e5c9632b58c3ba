import CKernels

extension GGMLType {
  /// The activation format this weight type's dot product reads (`nil` when it has no kernel).
  ///
  /// F32/F16/BF16 weights read F32; Q4_0/Q5_0/Q8_0 read Q8_0; Q4_1/Q5_1 read Q8_1; k-quants read Q8_K.
  public var vecDotType: GGMLType? { GGMLType(rawValue: ck_vec_dot_type(rawValue)) }
}

/// Converts `count` floats into `type`'s layout at `into` (F32, F16, Q8_0, Q8_1 or Q8_K).
///
/// - Throws: `QuantError` for other types or when `count` is not whole blocks.
public func quantize(
  _ x: UnsafePointer<Float>, count: Int, as type: GGMLType, into: UnsafeMutableRawPointer
) throws(QuantError) {
  let status = ck_quantize_row(type.rawValue, x, into, Int64(count))
  if let error = QuantError.check(status, type: type, count: count, operation: "quantize") {
    throw error
  }
}

/// Converts floats into a new byte array in `type`'s layout (F32, F16, Q8_0, Q8_1 or Q8_K).
///
/// - Throws: `QuantError` for other types or when the count is not whole blocks.
public func quantize(_ x: [Float], as type: GGMLType) throws(QuantError) -> [UInt8] {
  if x.isEmpty { return [] }
  guard let bytes = type.byteCount(values: x.count) else {
    throw QuantError.check(-2, type: type, count: x.count, operation: "quantize")!
  }
  var out = [UInt8](repeating: 0, count: bytes)
  let status = x.withUnsafeBufferPointer { src in
    out.withUnsafeMutableBytes { dst in
      ck_quantize_row(type.rawValue, src.baseAddress!, dst.baseAddress!, Int64(x.count))
    }
  }
  if let error = QuantError.check(status, type: type, count: x.count, operation: "quantize") {
    throw error
  }
  return out
}

/// The dot product of `count` weights with an activation row already in `weightType.vecDotType`.
///
/// - Throws: `QuantError` when the type has no kernel or `count` is not whole blocks.
public func vecDot(
  weightType: GGMLType, weights: UnsafeRawPointer, activation: UnsafeRawPointer, count: Int
) throws(QuantError) -> Float {
  var out: Float = 0
  let status = ck_vec_dot(weightType.rawValue, Int64(count), weights, activation, &out)
  if let error = QuantError.check(status, type: weightType, count: count, operation: "vecDot") {
    throw error
  }
  return out
}

/// Writes `output[r] = row r · activation` for each r in `rows` (absolute row indices).
///
/// Rows hold `columns` values and start `rowStride` bytes apart; `activation` is in
/// `weightType.vecDotType`. Threads may share one output buffer by taking disjoint row ranges.
/// - Throws: `QuantError` when the type has no kernel or `columns` is not whole blocks.
public func matvec(
  weightType: GGMLType, weights: UnsafeRawPointer, rowStride: Int, activation: UnsafeRawPointer,
  output: UnsafeMutablePointer<Float>, rows: Range<Int>, columns: Int
) throws(QuantError) {
  let status = ck_matvec(
    weightType.rawValue, weights, rowStride, activation, output, Int64(rows.lowerBound),
    Int64(rows.upperBound), Int64(columns))
  if let error = QuantError.check(status, type: weightType, count: columns, operation: "matvec") {
    throw error
  }
}
