import CKernels
import Testing

@testable import Inference

/// 32 values whose largest magnitude is 127, so the Q8 scale is exactly 1.
private let unitScaleBlock: [Float] = [127, 2.5, -3.5, 0.5] + Array(repeating: 0, count: 28)

@Test func q8_0RoundsHalfwayValuesToEven() throws {
  let bytes = try quantize(unitScaleBlock, as: .q8_0)
  #expect(Array(bytes[0..<2]) == le16(0x3c00))  // d = 1
  #expect(Array(bytes[2..<6]).map { Int8(bitPattern: $0) } == [127, 2, -4, 0])
}

@Test func q8_1StoresTheScaledSumOfItsQuants() throws {
  let bytes = try quantize(unitScaleBlock, as: .q8_1)
  #expect(Array(bytes[0..<2]) == le16(0x3c00))  // d = 1
  #expect(Array(bytes[2..<4]) == le16(0x57d0))  // s = 1 * (127 + 2 - 4 + 0) = 125
}

@Test func q8_KMapsTheLargestValueToMinus127AndKeepsGroupSums() throws {
  var x = [Float](repeating: 0, count: 256)
  x[0] = 4
  x[1] = -2
  x[17] = 1
  let bytes = try quantize(x, as: .q8_K)
  let d = bytes[0..<4].withUnsafeBytes { $0.loadUnaligned(as: Float.self) }
  #expect(d == Float(-4) / 127)
  #expect(Int8(bitPattern: bytes[4]) == -127)
  #expect(Int8(bitPattern: bytes[5]) == 64)  // -2 * -127/4 = 63.5, ties to even
  let bsums = bytes[260..<292].withUnsafeBytes { Array($0.bindMemory(to: Int16.self)) }
  #expect(bsums[0] == -127 + 64)
  #expect(bsums[1] == -32)  // 1 * -127/4 = -31.75
  #expect(bsums[2...].allSatisfy { $0 == 0 })
}

@Test(arguments: [GGMLType.q8_0, .q8_1, .q8_K])
func quantisedActivationsDecodeWithinHalfAStep(type: GGMLType) throws {
  var rng = SplitMix64(seed: UInt64(type.rawValue))
  let x = (0..<512).map { _ in Float.random(in: -3...3, using: &rng) }
  let y = try decode(type, try quantize(x, as: type), count: x.count)
  for block in stride(from: 0, to: x.count, by: type.blockSize) {
    let amax = x[block..<block + type.blockSize].map(abs).max()!
    for i in block..<block + type.blockSize {
      #expect(abs(y[i] - x[i]) <= amax / 127 * 0.5 + amax * 1e-3, "\(type) value \(i)")
    }
  }
}

@Test func quantizeRejectsTypesWithoutAQuantiser() {
  #expect(throws: QuantError.self) { try quantize([Float](repeating: 1, count: 32), as: .q4_0) }
  #expect(throws: QuantError.self) { try quantize([Float](repeating: 1, count: 31), as: .q8_0) }
}

@Test(.requiresAVX2, arguments: [GGMLType.q8_0, .q8_1, .q8_K])
func scalarAndAVX2QuantisersProduceIdenticalBytes(type: GGMLType) throws {
  var rng = SplitMix64(seed: 5)
  // Values k/2 · scale hit exact rounding ties; the random tail covers the general case.
  let x =
    (0..<256).map { Float($0 - 128) / 2 }
    + (0..<256).map { _ in Float.random(in: -9...9, using: &rng) }
  let size = try #require(type.byteCount(values: x.count))
  var scalar = [UInt8](repeating: 0, count: size)
  var simd = [UInt8](repeating: 1, count: size)
  #expect(
    ck_quantize_row_path(type.rawValue, x, &scalar, Int64(x.count), Int32(CK_PATH_SCALAR)) == 0)
  #expect(ck_quantize_row_path(type.rawValue, x, &simd, Int64(x.count), Int32(CK_PATH_AVX2)) == 0)
  #expect(scalar == simd)
}
