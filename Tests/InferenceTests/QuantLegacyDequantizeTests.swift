import CKernels
import Testing

@testable import Inference

@Test func q4_0UsesLowNibblesForTheFirstHalfAndSubtractsEight() throws {
  // d = 0.5; byte j = j | (15 - j) << 4, so value j is nibble j, value 16 + j is nibble 15 - j.
  let qs = (0..<16).map { UInt8($0) | UInt8(15 - $0) << 4 }
  let y = try decode(.q4_0, le16(0x3800) + qs, count: 32)
  #expect(y[0] == -4)  // 0.5 * (0 - 8)
  #expect(y[9] == 0.5)  // 0.5 * (9 - 8)
  #expect(y[15] == 3.5)
  #expect(y[16] == 3.5)  // nibble 15
  #expect(y[31] == -4)  // nibble 0
}

@Test func q4_1AddsTheBlockMinimum() throws {
  // d = 0.5, m = -1; every byte 0x93: low nibble 3, high nibble 9.
  let y = try decode(
    .q4_1, le16(0x3800) + le16(0xbc00) + Array(repeating: 0x93, count: 16), count: 32)
  #expect(y[0] == 0.5)  // 0.5 * 3 - 1
  #expect(y[16] == 3.5)  // 0.5 * 9 - 1
  #expect(y.allSatisfy { $0 == 0.5 || $0 == 3.5 })
}

@Test func q5_0TakesTheFifthBitFromQh() throws {
  // d = 1; qh bits 0, 16 and 31 set; qs[0] = 0x21, qs[15] = 0xf0, others 0.
  var qs = [UInt8](repeating: 0, count: 16)
  qs[0] = 0x21
  qs[15] = 0xf0
  let qh: [UInt8] = [0x01, 0x00, 0x01, 0x80]
  let y = try decode(.q5_0, le16(0x3c00) + qh + qs, count: 32)
  #expect(y[0] == 1)  // (1 | 16) - 16
  #expect(y[16] == 2)  // (2 | 16) - 16
  #expect(y[15] == -16)  // 0 - 16
  #expect(y[31] == 15)  // (15 | 16) - 16
  #expect(y[1] == -16)
}

@Test func q5_1AddsTheMinimumToUnsignedFiveBitValues() throws {
  // d = 0.25, m = 0.5; qh bit 1 set; qs[1] = 0x3f.
  var qs = [UInt8](repeating: 0, count: 16)
  qs[1] = 0x3f
  let y = try decode(.q5_1, le16(0x3400) + le16(0x3800) + [0x02, 0, 0, 0] + qs, count: 32)
  #expect(y[1] == 0.25 * 31 + 0.5)
  #expect(y[17] == 0.25 * 3 + 0.5)
  #expect(y[0] == 0.5)
}

@Test func q8_0HonoursANegativeScale() throws {
  // d = -2; qs = -127, 0, 1, 127, then 4…
  let qs: [Int8] = [-127, 0, 1, 127] + Array(repeating: 4, count: 28)
  let y = try decode(.q8_0, le16(0xc000) + qs.map { UInt8(bitPattern: $0) }, count: 32)
  #expect(Array(y[0..<5]) == [254, 0, -2, -254, -8])
}

@Test func q8_0HonoursASubnormalScale() throws {
  // d = 0x0003 = 3 * 2^-24 (a subnormal half).
  let qs: [Int8] = [100, -1] + Array(repeating: 0, count: 30)
  let y = try decode(.q8_0, le16(0x0003) + qs.map { UInt8(bitPattern: $0) }, count: 32)
  #expect(y[0] == 300 * 0x1p-24)
  #expect(y[1] == -3 * 0x1p-24)
}

@Test func multiBlockRowsDecodeEachBlockWithItsOwnScale() throws {
  // Two Q8_0 blocks: d = 1 then d = 0.5, all quants 2.
  let block = { (d: UInt16) in le16(d) + Array(repeating: UInt8(2), count: 32) }
  let y = try decode(.q8_0, block(0x3c00) + block(0x3800), count: 64)
  #expect(y[31] == 2 && y[32] == 1)
}

@Test func unsupportedTypesAndPartialBlocksThrowNamedErrors() {
  let bytes = [UInt8](repeating: 0, count: 64)
  #expect(throws: QuantError.self) { try decode(.q2_K, bytes, count: 256) }
  let error = #expect(throws: QuantError.self) { try decode(.q4_0, bytes, count: 33) }
  #expect(error?.message.contains("Q4_0") == true && error?.message.contains("33") == true)
  #expect(!GGMLType.q3_K.isDequantizable && GGMLType.q6_K.isDequantizable)
}

@Test(
  .requiresAVX2,
  arguments: [GGMLType.f16, .bf16, .q4_0, .q4_1, .q5_0, .q5_1, .q8_0, .q4_K, .q5_K, .q6_K])
func scalarAndAVX2DequantisationAgreeExactly(type: GGMLType) throws {
  var rng = SplitMix64(seed: 11)
  let count = 512
  let bytes = randomRow(type, count: count, using: &rng)
  var scalar = [Float](repeating: .nan, count: count)
  var simd = [Float](repeating: .nan, count: count)
  bytes.withUnsafeBytes { raw in
    #expect(
      ck_dequantize_row_path(
        type.rawValue, raw.baseAddress, &scalar, Int64(count), Int32(CK_PATH_SCALAR)) == 0)
    #expect(
      ck_dequantize_row_path(
        type.rawValue, raw.baseAddress, &simd, Int64(count), Int32(CK_PATH_AVX2)) == 0)
  }
  #expect(scalar == simd)
}
