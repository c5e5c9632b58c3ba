import Foundation

/// A parsed safetensors file: an 8-byte little-endian header length, a JSON header, then raw tensor bytes.
public struct SafeTensors: Sendable {
  /// Element types this reader understands (others are listed but cannot be read as floats).
  public enum DType: String, Sendable {
    case f32 = "F32"
    case f16 = "F16"
    case bf16 = "BF16"
    case i64 = "I64"
    case i32 = "I32"

    /// Bytes per element.
    public var byteCount: Int {
      switch self {
      case .f32, .i32: 4
      case .f16, .bf16: 2
      case .i64: 8
      }
    }
  }

  /// One tensor's header entry: its type, shape and byte range inside the data section.
  public struct TensorInfo: Sendable {
    public let dtype: DType
    public let shape: [Int]
    /// Byte range relative to the start of the data section.
    public let range: Range<Int>
    /// Number of elements (product of the shape).
    public var elementCount: Int { shape.reduce(1, *) }
  }

  /// Path of the file that was read.
  public let path: String
  /// Every tensor in the header, by name.
  public let tensors: [String: TensorInfo]
  /// The `__metadata__` string map, if present.
  public let metadata: [String: String]
  private let data: Data
  private let dataStart: Int

  /// Reads and validates the header of the safetensors file at `path` (the data is memory-mapped).
  /// - Throws: `SafeTensorsError` for a missing, truncated or malformed file.
  public init(path: String) throws {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
    } catch {
      throw SafeTensorsError(
        path: path, message: "cannot read the file: \(error.localizedDescription)")
    }
    try self.init(data: data, path: path)
  }

  /// Parses safetensors bytes already in memory; `path` is only used in error messages.
  public init(data: Data, path: String) throws {
    guard data.count >= 8 else {
      throw SafeTensorsError(
        path: path,
        message: "truncated: \(data.count) bytes, expected at least the 8-byte header length")
    }
    let headerLength = data.withUnsafeBytes { raw in
      UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
    }
    guard headerLength <= UInt64(data.count - 8) else {
      throw SafeTensorsError(
        path: path,
        message:
          "truncated: header says \(headerLength) JSON bytes but only \(data.count - 8) follow")
    }
    let headerEnd = 8 + Int(headerLength)
    let json: Any
    do {
      json = try JSONSerialization.jsonObject(with: data.subdata(in: 8..<headerEnd))
    } catch {
      throw SafeTensorsError(
        path: path, message: "the JSON header is malformed: \(error.localizedDescription)")
    }
    guard let header = json as? [String: Any] else {
      throw SafeTensorsError(path: path, message: "the JSON header is not an object")
    }
    let dataLength = data.count - headerEnd
    var tensors: [String: TensorInfo] = [:]
    var metadata: [String: String] = [:]
    for (name, value) in header {
      if name == "__metadata__" {
        metadata = (value as? [String: String]) ?? [:]
        continue
      }
      tensors[name] = try SafeTensors.parseEntry(
        value, name: name, dataLength: dataLength, path: path)
    }
    self.path = path
    self.tensors = tensors
    self.metadata = metadata
    self.data = data
    self.dataStart = headerEnd
  }

  /// Validates one header entry: known dtype, non-negative shape, offsets inside the data, size = shape × dtype.
  private static func parseEntry(_ value: Any, name: String, dataLength: Int, path: String) throws
    -> TensorInfo
  {
    guard let entry = value as? [String: Any], let dtypeName = entry["dtype"] as? String,
      let shape = (entry["shape"] as? [Any])?.compactMap({ ($0 as? NSNumber)?.intValue }),
      let offsets = (entry["data_offsets"] as? [Any])?.compactMap({ ($0 as? NSNumber)?.intValue }),
      offsets.count == 2
    else {
      throw SafeTensorsError(
        path: path, tensor: name,
        message: "malformed entry; expected dtype, shape and data_offsets [begin, end]")
    }
    guard let dtype = DType(rawValue: dtypeName) else {
      throw SafeTensorsError(path: path, tensor: name, message: "unsupported dtype \(dtypeName)")
    }
    guard shape.allSatisfy({ $0 >= 0 }), offsets[0] >= 0, offsets[0] <= offsets[1] else {
      throw SafeTensorsError(
        path: path, tensor: name, message: "negative shape or offsets \(shape) \(offsets)")
    }
    guard offsets[1] <= dataLength else {
      throw SafeTensorsError(
        path: path, tensor: name,
        message:
          "truncated: data ends at byte \(offsets[1]) but the file holds only \(dataLength) data bytes"
      )
    }
    let info = TensorInfo(dtype: dtype, shape: shape, range: offsets[0]..<offsets[1])
    guard info.elementCount * dtype.byteCount == info.range.count else {
      throw SafeTensorsError(
        path: path, tensor: name,
        message:
          "shape \(shape) of \(dtypeName) needs \(info.elementCount * dtype.byteCount) bytes, offsets give \(info.range.count)"
      )
    }
    return info
  }

  /// The tensor `name` converted to Float32, checking its shape when `shape` is given.
  /// - Throws: `SafeTensorsError` when the tensor is missing, not a float type, or has another shape.
  public func floats(_ name: String, shape expected: [Int]? = nil) throws -> [Float] {
    guard let info = tensors[name] else {
      throw SafeTensorsError(path: path, tensor: name, message: "missing from the file")
    }
    if let expected, expected != info.shape {
      throw SafeTensorsError(
        path: path, tensor: name, message: "shape \(info.shape), expected \(expected)")
    }
    let count = info.elementCount
    let start = dataStart + info.range.lowerBound
    return try data.withUnsafeBytes { raw -> [Float] in
      let bytes = UnsafeRawBufferPointer(rebasing: raw[start..<(start + info.range.count)])
      switch info.dtype {
      case .f32:
        return [Float](unsafeUninitializedCapacity: count) { out, initialized in
          // Unaligned-safe copy of little-endian floats.
          _ = out.withMemoryRebound(to: UInt8.self) { bytes.copyBytes(to: $0) }
          initialized = count
        }
      case .f16:
        return [Float](unsafeUninitializedCapacity: count) { out, initialized in
          for i in 0..<count {  // each element: widen one IEEE half
            out[i] = halfToFloat(bytes.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))
          }
          initialized = count
        }
      case .bf16:
        return [Float](unsafeUninitializedCapacity: count) { out, initialized in
          for i in 0..<count {  // bfloat16 is the top half of a float32
            let bits = UInt32(bytes.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self)) << 16
            out[i] = Float(bitPattern: bits)
          }
          initialized = count
        }
      case .i64, .i32:
        throw SafeTensorsError(
          path: path, tensor: name, message: "dtype \(info.dtype.rawValue) is not a float type")
      }
    }
  }
}

/// Converts IEEE-754 half-precision bits to a Float (handles subnormals, infinities and NaN).
@inline(__always)
func halfToFloat(_ h: UInt16) -> Float {
  let sign = UInt32(h & 0x8000) << 16
  let exponent = UInt32(h >> 10) & 0x1F
  let mantissa = UInt32(h & 0x3FF)
  if exponent == 0 {
    // Zero or subnormal: mantissa × 2^-24.
    let magnitude = Float(mantissa) * Float(sign: .plus, exponent: -24, significand: 1)
    return sign == 0 ? magnitude : -magnitude
  }
  if exponent == 0x1F {
    return Float(bitPattern: sign | 0x7F80_0000 | (mantissa << 13))
  }
  return Float(bitPattern: sign | ((exponent + 112) << 23) | (mantissa << 13))
}
