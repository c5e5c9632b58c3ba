import Foundation

@testable import Inference

/// Builds small GGUF files in memory for tests (v2/v3, any metadata, F32 tensors).
struct GGUFWriter {
  var version: UInt32 = 3
  var alignment = 32
  var metadata: [(String, GGUFValue)] = []
  var tensors: [(name: String, shape: [Int], type: UInt32, data: [UInt8])] = []

  /// Adds an F32 tensor with ggml shape `shape` (`shape[0]` contiguous).
  mutating func addF32(_ name: String, shape: [Int], values: [Float]) {
    precondition(values.count == shape.reduce(1, *))
    let bytes = values.withUnsafeBytes { Array($0) }
    tensors.append((name, shape, 0, bytes))
  }

  /// The file's bytes.
  func bytes() -> [UInt8] {
    var out: [UInt8] = []
    func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out += $0 } }
    func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { out += $0 } }
    func str(_ s: String) {
      u64(UInt64(s.utf8.count))
      out += Array(s.utf8)
    }
    func typeID(_ v: GGUFValue) -> UInt32 {
      switch v {
      case .uint8: 0
      case .int8: 1
      case .uint16: 2
      case .int16: 3
      case .uint32: 4
      case .int32: 5
      case .float32: 6
      case .bool: 7
      case .string: 8
      case .array: 9
      case .uint64: 10
      case .int64: 11
      case .float64: 12
      }
    }
    func payload(_ v: GGUFValue) {
      switch v {
      case .uint8(let x): out.append(x)
      case .int8(let x): out.append(UInt8(bitPattern: x))
      case .uint16(let x): withUnsafeBytes(of: x.littleEndian) { out += $0 }
      case .int16(let x): withUnsafeBytes(of: x.littleEndian) { out += $0 }
      case .uint32(let x): u32(x)
      case .int32(let x): withUnsafeBytes(of: x.littleEndian) { out += $0 }
      case .float32(let x): u32(x.bitPattern)
      case .bool(let x): out.append(x ? 1 : 0)
      case .string(let s): str(s)
      case .array(let items):
        u32(items.first.map(typeID) ?? 0)
        u64(UInt64(items.count))
        for i in items { payload(i) }
      case .uint64(let x): u64(x)
      case .int64(let x): withUnsafeBytes(of: x.littleEndian) { out += $0 }
      case .float64(let x): u64(x.bitPattern)
      }
    }
    out += Array("GGUF".utf8)
    u32(version)
    u64(UInt64(tensors.count))
    u64(UInt64(metadata.count))
    for (k, v) in metadata {
      str(k)
      u32(typeID(v))
      payload(v)
    }
    var offset = 0
    var offsets: [Int] = []
    for t in tensors {
      offsets.append(offset)
      offset = (offset + t.data.count + alignment - 1) / alignment * alignment
    }
    for (t, off) in zip(tensors, offsets) {
      str(t.name)
      u32(UInt32(t.shape.count))
      for d in t.shape { u64(UInt64(d)) }
      u32(t.type)
      u64(UInt64(off))
    }
    while out.count % alignment != 0 { out.append(0) }
    let base = out.count
    for (t, off) in zip(tensors, offsets) {
      while out.count < base + off { out.append(0) }
      out += t.data
    }
    return out
  }

  /// Writes the file to a fresh temporary path and returns it.
  func write(_ name: String = "model") throws -> String {
    try GGUFWriter.write(bytes(), name: name)
  }

  /// Writes `bytes` to a fresh temporary path.
  static func write(_ bytes: [UInt8], name: String) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "raglab-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let path = dir.appendingPathComponent("\(name).gguf").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }
}
