import Foundation
import Testing

@testable import Inference

/// A GGUF file exercising every metadata type and two tensors.
private func sampleWriter() -> GGUFWriter {
  var w = GGUFWriter()
  w.metadata = [
    ("general.architecture", .string("llama")), ("u8", .uint8(7)), ("i8", .int8(-3)),
    ("u16", .uint16(600)),
    ("i16", .int16(-600)), ("u32", .uint32(70_000)), ("i32", .int32(-70_000)),
    ("f32", .float32(1.5)),
    ("flag", .bool(true)), ("u64", .uint64(1 << 40)), ("i64", .int64(-(1 << 40))),
    ("f64", .float64(2.25)),
    ("words", .array([.string("a"), .string("bc")])),
    ("nums", .array([.int32(1), .int32(2), .int32(3)])),
  ]
  w.addF32("vec", shape: [3], values: [1, 2, 3])
  w.addF32("mat", shape: [2, 2], values: [4, 5, 6, 7])
  return w
}

private func expectError(_ kind: GGUFError.Kind, _ path: String, containing parts: [String]) {
  do {
    _ = try GGUFFile(path: path)
    Issue.record("expected \(kind) error for \(path)")
  } catch let e as GGUFError {
    #expect(e.kind == kind)
    #expect(e.description.hasPrefix(path))
    for p in parts { #expect(e.message.contains(p), "\(e.message) should contain \(p)") }
  } catch { Issue.record("unexpected error \(error)") }
}

@Test func readsEveryMetadataTypeAndTensorData() throws {
  let file = try GGUFFile(path: try sampleWriter().write())
  #expect(file.version == 3)
  #expect(file.metadata["u8"] == .uint8(7))
  #expect(file.metadata["i16"] == .int16(-600))
  #expect(try file.int("i64") == -(1 << 40))
  #expect(try file.double("f32") == 1.5)
  #expect(try file.double("f64") == 2.25)
  #expect(file.metadata["flag"] == .bool(true))
  #expect(file.metadata["words"] == .array([.string("a"), .string("bc")]))
  #expect(file.metadata["nums"]?.array?.compactMap(\.int) == [1, 2, 3])
  #expect(file.keys.first == "general.architecture")
  #expect(file.alignment == 32 && file.dataOffset % 32 == 0)
  let mat = try file.tensor("mat", shape: [2, 2])
  let p = file.data(mat).assumingMemoryBound(to: Float.self)
  #expect(Array(UnsafeBufferPointer(start: p, count: 4)) == [4, 5, 6, 7])
  #expect(mat.fileOffset % 32 == 0)
}

@Test func honoursCustomAlignmentAndVersion2() throws {
  var w = sampleWriter()
  w.version = 2
  w.alignment = 64
  w.metadata.append(("general.alignment", .uint32(64)))
  let file = try GGUFFile(path: try w.write())
  #expect(file.version == 2 && file.alignment == 64)
  let vec = try file.tensor("vec", shape: [3])
  #expect((vec.fileOffset - file.dataOffset) % 64 == 0)
  #expect(file.data(vec).assumingMemoryBound(to: Float.self)[2] == 3)
}

@Test func rejectsBadMagicNamingTheFile() throws {
  var bytes = sampleWriter().bytes()
  bytes[0] = UInt8(ascii: "X")
  expectError(
    .badMagic, try GGUFWriter.write(bytes, name: "magic"),
    containing: ["not a GGUF file", "0x46554747"])
}

@Test func rejectsUnsupportedVersion() throws {
  var w = sampleWriter()
  w.version = 7
  expectError(.unsupportedVersion, try w.write(), containing: ["version 7", "expected 2 or 3"])
}

@Test func rejectsTruncatedHeaderMetadataAndTensorData() throws {
  let bytes = sampleWriter().bytes()
  expectError(
    .truncated, try GGUFWriter.write(Array(bytes[..<10]), name: "t1"),
    containing: ["truncated", "tensor count"])
  expectError(
    .truncated, try GGUFWriter.write(Array(bytes[..<60]), name: "t2"),
    containing: ["truncated", "metadata key"])
  expectError(
    .truncated, try GGUFWriter.write(Array(bytes.dropLast(4)), name: "t3"),
    containing: ["truncated", "tensor `mat`", "needs bytes"])
}

@Test func rejectsUnknownTensorType() throws {
  var w = sampleWriter()
  w.tensors[1].type = 99
  expectError(
    .unknownTensorType, try w.write(), containing: ["tensor `mat`", "unknown type id 99", "Q4_1"])
}

@Test func reportsMissingTensorKeyAndWrongShape() throws {
  let path = try sampleWriter().write()
  let file = try GGUFFile(path: path)
  let missing = #expect(throws: GGUFError.self) { try file.tensor("nope", shape: [1]) }
  #expect(missing?.kind == .missingTensor && missing?.message.contains("`nope`") == true)
  let shape = #expect(throws: GGUFError.self) { try file.tensor("mat", shape: [3, 2]) }
  #expect(
    shape?.kind == .wrongShape
      && shape?.message.contains("`mat` has shape [2, 2], expected [3, 2]") == true)
  let key = #expect(throws: GGUFError.self) { try file.int("llama.block_count") }
  #expect(key?.description == "\(path): required metadata key `llama.block_count` is missing")
  let type = #expect(throws: GGUFError.self) { try file.string("u8") }
  #expect(
    type?.kind == .wrongKeyType && type?.message.contains("is uint8, expected a string") == true)
}
