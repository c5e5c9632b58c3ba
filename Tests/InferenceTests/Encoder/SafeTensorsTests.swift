import Foundation
import Testing

@testable import Inference

/// Builds safetensors bytes from `(name, dtype, shape, raw bytes)` entries.
func makeSafeTensors(_ entries: [(String, String, [Int], [UInt8])]) -> Data {
  var offset = 0
  var header: [String] = []
  var body: [UInt8] = []
  for (name, dtype, shape, bytes) in entries {
    header.append(
      "\"\(name)\":{\"dtype\":\"\(dtype)\",\"shape\":\(shape),\"data_offsets\":[\(offset),\(offset + bytes.count)]}"
    )
    offset += bytes.count
    body += bytes
  }
  let json = Array("{\"__metadata__\":{\"format\":\"pt\"},\(header.joined(separator: ","))}".utf8)
  var data = Data()
  withUnsafeBytes(of: UInt64(json.count).littleEndian) { data.append(contentsOf: $0) }
  data.append(contentsOf: json)
  data.append(contentsOf: body)
  return data
}

func bytes(_ floats: [Float]) -> [UInt8] { floats.withUnsafeBytes { Array($0) } }

@Test func safeTensorsReadsFloat32AndFloat16Tensors() throws {
  let halves: [UInt16] = [0x3C00, 0xC000, 0x3800, 0x0001]  // 1, -2, 0.5, smallest subnormal
  let data = makeSafeTensors([
    ("a.weight", "F32", [2, 2], bytes([1, 2, 3, 4.5])),
    ("b", "F16", [4], halves.withUnsafeBytes { Array($0) }),
    ("ids", "I64", [1], [7, 0, 0, 0, 0, 0, 0, 0]),
  ])
  let file = try SafeTensors(data: data, path: "mem.safetensors")
  #expect(file.metadata["format"] == "pt")
  #expect(file.tensors["a.weight"]?.shape == [2, 2])
  #expect(try file.floats("a.weight", shape: [2, 2]) == [1, 2, 3, 4.5])
  let b = try file.floats("b")
  #expect(b[0...2] == [1, -2, 0.5])
  #expect(b[3] == Float(sign: .plus, exponent: -24, significand: 1))
}

@Test func safeTensorsTruncatedDataNamesFileAndTensor() throws {
  var data = makeSafeTensors([
    ("x", "F32", [4], bytes([1, 2, 3, 4])), ("y", "F32", [2], bytes([5, 6])),
  ])
  data.removeLast(4)
  #expect {
    try SafeTensors(data: data, path: "cut.safetensors")
  } throws: { error in
    let e = error as? SafeTensorsError
    return e?.path == "cut.safetensors" && e?.tensor == "y" && e!.description.contains("truncated")
  }
}

@Test func safeTensorsTruncatedHeaderIsReported() throws {
  let data = makeSafeTensors([("x", "F32", [1], bytes([1]))]).prefix(20)
  #expect {
    try SafeTensors(data: Data(data), path: "short.safetensors")
  } throws: { error in
    (error as? SafeTensorsError)?.description.contains("short.safetensors: truncated") == true
  }
  #expect(throws: SafeTensorsError.self) { try SafeTensors(data: Data([1, 2, 3]), path: "tiny") }
}

@Test func safeTensorsRejectsMalformedJSONAndWrongSizes() throws {
  var data = Data()
  let junk = Array("{not json".utf8)
  withUnsafeBytes(of: UInt64(junk.count).littleEndian) { data.append(contentsOf: $0) }
  data.append(contentsOf: junk)
  #expect {
    try SafeTensors(data: data, path: "junk.safetensors")
  } throws: { error in
    (error as? SafeTensorsError)?.message.contains("malformed") == true
  }
  let wrongSize = makeSafeTensors([("z", "F32", [3], bytes([1, 2]))])
  #expect {
    try SafeTensors(data: wrongSize, path: "w.safetensors")
  } throws: { error in
    (error as? SafeTensorsError)?.tensor == "z"
  }
}

@Test func safeTensorsMissingOrMisshapenTensorIsNamed() throws {
  let file = try SafeTensors(
    data: makeSafeTensors([("x", "F32", [2], bytes([1, 2]))]), path: "m.safetensors")
  #expect {
    try file.floats("nope")
  } throws: { error in
    (error as? SafeTensorsError)?.tensor == "nope"
  }
  #expect {
    try file.floats("x", shape: [3])
  } throws: { error in
    (error as? SafeTensorsError)?.message.contains("expected [3]") == true
  }
}
