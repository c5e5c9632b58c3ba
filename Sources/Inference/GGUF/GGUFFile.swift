import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A memory-mapped, read-only GGUF file (v2/v3): metadata, tensor infos and tensor bytes.
public final class GGUFFile: @unchecked Sendable {
  /// Path the file was opened from.
  public let path: String
  /// Format version (2 or 3).
  public let version: Int
  /// Metadata key/values.
  public let metadata: [String: GGUFValue]
  /// Metadata keys in file order.
  public let keys: [String]
  /// Tensor infos in file order.
  public let tensors: [GGUFTensorInfo]
  /// Tensor data alignment (`general.alignment`, default 32).
  public let alignment: Int
  /// Byte offset where tensor data starts.
  public let dataOffset: Int
  /// File size in bytes.
  public let size: Int

  private let base: UnsafeRawPointer
  private let tensorIndex: [String: Int]

  /// Maps and parses the file at `path`.
  /// - Throws: `GGUFError` naming the file and what is wrong.
  public init(path: String) throws {
    self.path = path
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else {
      throw GGUFError(
        .unreadable, file: path,
        "cannot open: \(String(cString: strerror(errno))) (run `make quickstart` to install models)"
      )
    }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else {
      throw GGUFError(.unreadable, file: path, "cannot stat the file")
    }
    size = Int(st.st_size)
    guard size > 0, let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else {
      throw GGUFError(
        .truncated, file: path, "file is empty or cannot be mapped; expected a GGUF header")
    }
    base = UnsafeRawPointer(p)
    do {
      let parsed = try GGUFFile.parse(base: base, size: size, file: path)
      (version, metadata, keys, tensors, alignment, dataOffset) = parsed
    } catch {
      munmap(UnsafeMutableRawPointer(mutating: base), size)
      throw error
    }
    tensorIndex = Dictionary(
      tensors.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
  }

  deinit { munmap(UnsafeMutableRawPointer(mutating: base), size) }

  /// The info of tensor `name`, or nil.
  public func tensor(_ name: String) -> GGUFTensorInfo? { tensorIndex[name].map { tensors[$0] } }

  /// The tensor `name`, checked to have `shape`.
  /// - Throws: `.missingTensor` or `.wrongShape`.
  public func tensor(_ name: String, shape: [Int]) throws -> GGUFTensorInfo {
    guard let t = tensor(name) else {
      throw GGUFError(
        .missingTensor, file: path, "required tensor `\(name)` (shape \(shape)) is missing")
    }
    guard t.shape == shape else {
      throw GGUFError(
        .wrongShape, file: path, "tensor `\(name)` has shape \(t.shape), expected \(shape)")
    }
    return t
  }

  /// A pointer to the first byte of `tensor`'s data (valid while the file lives).
  public func data(_ tensor: GGUFTensorInfo) -> UnsafeRawPointer { base + tensor.fileOffset }

  /// The integer value of `key`. - Throws: `.missingKey` / `.wrongKeyType`.
  public func int(_ key: String) throws -> Int {
    let v = try value(key)
    guard let i = v.int else { throw wrongType(key, v, "an integer") }
    return i
  }

  /// The floating-point value of `key`. - Throws: `.missingKey` / `.wrongKeyType`.
  public func double(_ key: String) throws -> Double {
    let v = try value(key)
    guard let d = v.double else { throw wrongType(key, v, "a number") }
    return d
  }

  /// The string value of `key`. - Throws: `.missingKey` / `.wrongKeyType`.
  public func string(_ key: String) throws -> String {
    let v = try value(key)
    guard let s = v.string else { throw wrongType(key, v, "a string") }
    return s
  }

  /// The value of `key`. - Throws: `.missingKey`.
  public func value(_ key: String) throws -> GGUFValue {
    guard let v = metadata[key] else {
      throw GGUFError(.missingKey, file: path, "required metadata key `\(key)` is missing")
    }
    return v
  }

  private func wrongType(_ key: String, _ v: GGUFValue, _ expected: String) -> GGUFError {
    GGUFError(
      .wrongKeyType, file: path, "metadata key `\(key)` is \(v.typeName), expected \(expected)")
  }

  // swiftlint:disable:next large_tuple
  private static func parse(base: UnsafeRawPointer, size: Int, file: String) throws -> (
    Int, [String: GGUFValue], [String], [GGUFTensorInfo], Int, Int
  ) {
    var c = GGUFCursor(base: base, size: size, file: file)
    let magic = try c.read(UInt32.self, "the magic number")
    guard magic == 0x4655_4747 else {
      throw GGUFError(
        .badMagic, file: file,
        "not a GGUF file: magic is 0x\(String(magic, radix: 16)), expected 0x46554747 (\"GGUF\")")
    }
    let version = Int(try c.read(UInt32.self, "the version"))
    guard version == 2 || version == 3 else {
      throw GGUFError(
        .unsupportedVersion, file: file,
        "GGUF version \(version) is not supported (expected 2 or 3)")
    }
    let tensorCount = try c.read(UInt64.self, "the tensor count")
    let kvCount = try c.read(UInt64.self, "the metadata count")
    guard tensorCount < UInt64(size), kvCount < UInt64(size) else {
      throw GGUFError(
        .truncated, file: file,
        "header claims \(tensorCount) tensors and \(kvCount) keys, more than the file can hold")
    }
    var metadata: [String: GGUFValue] = [:]
    var keys: [String] = []
    for i in 0..<Int(kvCount) {
      let key = try c.readString("metadata key #\(i)")
      let type = try c.read(UInt32.self, "the type of metadata key `\(key)`")
      metadata[key] = try c.readValue(type: type, "metadata key `\(key)`")
      keys.append(key)
    }
    var alignment = 32
    if let a = metadata["general.alignment"] {
      guard let v = a.int, v > 0, v & (v - 1) == 0 else {
        throw GGUFError(
          .corrupt, file: file, "metadata key `general.alignment` is \(a), expected a power of two")
      }
      alignment = v
    }
    var raw: [(String, [Int], UInt32, Int)] = []
    for i in 0..<Int(tensorCount) {
      let name = try c.readString("the name of tensor #\(i)")
      let nDims = try c.read(UInt32.self, "the rank of tensor `\(name)`")
      guard nDims >= 1, nDims <= 4 else {
        throw GGUFError(.corrupt, file: file, "tensor `\(name)` has rank \(nDims), expected 1…4")
      }
      var shape: [Int] = []
      for _ in 0..<nDims {
        let d = try c.read(UInt64.self, "the shape of tensor `\(name)`")
        guard d < UInt64(Int32.max) else {
          throw GGUFError(
            .corrupt, file: file, "tensor `\(name)` has dimension \(d), which is implausible")
        }
        shape.append(Int(d))
      }
      let type = try c.read(UInt32.self, "the type of tensor `\(name)`")
      let offset = try c.read(UInt64.self, "the offset of tensor `\(name)`")
      guard offset < UInt64(Int.max / 2) else {
        throw GGUFError(
          .corrupt, file: file, "tensor `\(name)` has offset \(offset), past any file")
      }
      raw.append((name, shape, type, Int(offset)))
    }
    let dataOffset = (c.offset + alignment - 1) / alignment * alignment
    var tensors: [GGUFTensorInfo] = []
    for (name, shape, typeID, offset) in raw {
      guard let type = GGMLType(rawValue: typeID) else {
        let known = GGMLType.allCases.map { "\($0)=\($0.rawValue)" }.joined(separator: ", ")
        throw GGUFError(
          .unknownTensorType, file: file,
          "tensor `\(name)` has unknown type id \(typeID) (supported: \(known))")
      }
      let count = shape.reduce(1, *)
      guard let bytes = type.byteCount(values: count), shape[0] % type.blockSize == 0 else {
        throw GGUFError(
          .wrongShape, file: file,
          "tensor `\(name)` of type \(type) has row length \(shape[0]), expected a multiple of \(type.blockSize)"
        )
      }
      let start = dataOffset + offset
      guard start <= size, bytes <= size - start else {
        throw GGUFError(
          .truncated, file: file,
          "file is truncated: tensor `\(name)` needs bytes \(start)..<\(start + bytes), but the file has \(size) bytes"
        )
      }
      tensors.append(
        GGUFTensorInfo(name: name, shape: shape, type: type, fileOffset: start, byteCount: bytes))
    }
    return (version, metadata, keys, tensors, alignment, dataOffset)
  }
}
