/// One metadata value of a GGUF file (all GGUF value types, arrays included).
public enum GGUFValue: Sendable, Equatable {
  case uint8(UInt8)
  case int8(Int8)
  case uint16(UInt16)
  case int16(Int16)
  case uint32(UInt32)
  case int32(Int32)
  case uint64(UInt64)
  case int64(Int64)
  case float32(Float)
  case float64(Double)
  case bool(Bool)
  case string(String)
  case array([GGUFValue])

  /// The value as an integer, when it is any integer type.
  public var int: Int? {
    switch self {
    case .uint8(let v): return Int(v)
    case .int8(let v): return Int(v)
    case .uint16(let v): return Int(v)
    case .int16(let v): return Int(v)
    case .uint32(let v): return Int(v)
    case .int32(let v): return Int(v)
    case .uint64(let v): return Int(exactly: v)
    case .int64(let v): return Int(v)
    default: return nil
    }
  }

  /// The value as a floating-point number, when it is any float or integer type.
  public var double: Double? {
    switch self {
    case .float32(let v): return Double(v)
    case .float64(let v): return v
    default: return int.map(Double.init)
    }
  }

  /// The value as a string, when it is one.
  public var string: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  /// The elements, when the value is an array.
  public var array: [GGUFValue]? {
    if case .array(let a) = self { return a }
    return nil
  }

  /// The GGUF name of the value's type, for error messages.
  public var typeName: String {
    switch self {
    case .uint8: return "uint8"
    case .int8: return "int8"
    case .uint16: return "uint16"
    case .int16: return "int16"
    case .uint32: return "uint32"
    case .int32: return "int32"
    case .uint64: return "uint64"
    case .int64: return "int64"
    case .float32: return "float32"
    case .float64: return "float64"
    case .bool: return "bool"
    case .string: return "string"
    case .array: return "array"
    }
  }
}
