/// Reads little-endian GGUF header fields from a byte range, failing with a truncation error at the end.
struct GGUFCursor {
  let base: UnsafeRawPointer
  let size: Int
  let file: String
  var offset = 0

  /// Fails unless `count` more bytes are available; `what` names the field for the message.
  func need(_ count: Int, _ what: @autoclosure () -> String) throws {
    guard count >= 0, offset <= size - count else {
      throw GGUFError(
        .truncated, file: file,
        "file is truncated: \(what()) needs \(count) bytes at offset \(offset), but the file has \(size) bytes"
      )
    }
  }

  /// Reads one fixed-size little-endian value.
  mutating func read<T: FixedWidthInteger>(_: T.Type, _ what: @autoclosure () -> String) throws -> T
  {
    try need(MemoryLayout<T>.size, what())
    let v = base.loadUnaligned(fromByteOffset: offset, as: T.self)
    offset += MemoryLayout<T>.size
    return T(littleEndian: v)
  }

  /// Reads a GGUF string (u64 length, then UTF-8 bytes).
  mutating func readString(_ what: @autoclosure () -> String) throws -> String {
    let n = try read(UInt64.self, what())
    guard n <= UInt64(size) else {
      throw GGUFError(
        .truncated, file: file,
        "file is truncated: \(what()) claims \(n) bytes at offset \(offset), past the end")
    }
    try need(Int(n), what())
    let s = String(
      decoding: UnsafeRawBufferPointer(start: base + offset, count: Int(n)), as: UTF8.self)
    offset += Int(n)
    return s
  }

  /// Reads a metadata value of GGUF type id `type`.
  mutating func readValue(type: UInt32, _ what: String) throws -> GGUFValue {
    switch type {
    case 0: return .uint8(try read(UInt8.self, what))
    case 1: return .int8(try read(Int8.self, what))
    case 2: return .uint16(try read(UInt16.self, what))
    case 3: return .int16(try read(Int16.self, what))
    case 4: return .uint32(try read(UInt32.self, what))
    case 5: return .int32(try read(Int32.self, what))
    case 6: return .float32(Float(bitPattern: try read(UInt32.self, what)))
    case 7: return .bool(try read(UInt8.self, what) != 0)
    case 8: return .string(try readString(what))
    case 9:
      let elementType = try read(UInt32.self, what)
      let n = try read(UInt64.self, what)
      guard n <= UInt64(size - offset) else {
        throw GGUFError(
          .truncated, file: file,
          "file is truncated: \(what) claims \(n) array elements, more than the file holds")
      }
      var items: [GGUFValue] = []
      items.reserveCapacity(Int(n))
      for _ in 0..<Int(n) { items.append(try readValue(type: elementType, what)) }
      return .array(items)
    case 10: return .uint64(try read(UInt64.self, what))
    case 11: return .int64(try read(Int64.self, what))
    case 12: return .float64(Double(bitPattern: try read(UInt64.self, what)))
    default:
      throw GGUFError(
        .corrupt, file: file,
        "\(what) has unknown value type \(type) (expected 0…12); the file is corrupt")
    }
  }
}
