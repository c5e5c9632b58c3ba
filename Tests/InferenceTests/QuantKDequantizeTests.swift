import Testing

@testable import Inference

private let scales: [UInt8] = [1, 2, 3, 4, 33, 40, 63, 17]
private let mins: [UInt8] = [0, 5, 10, 63, 48, 1, 20, 32]

@Test func q4_KScalePackingKeepsLowSubBlocksInSixBits() throws {
  // Hand-packed bytes: sub-block 0 has scale 1 and min 0; sub-block 4 takes its low bits from byte 8
  // (0x21: scale 1, min 2) and its top bits from bytes 0 (0b11: scale += 48) and 4 (0b10: min += 32).
  var packed = [UInt8](repeating: 0, count: 12)
  packed[0] = 0b1100_0001
  packed[4] = 0b1000_0000
  packed[8] = 0x21
  let qs = [UInt8](repeating: 0x31, count: 128)  // low nibble 1, high nibble 3
  // d = 1, dmin = 0.5
  let y = try decode(.q4_K, le16(0x3c00) + le16(0x3800) + packed + qs, count: 256)
  #expect(y[0] == 1)  // 1 * 1 * 1 - 0.5 * 0
  #expect(y[128] == 49 - 17)  // sub-block 4: scale 49, min 34 -> 1 * 49 * 1 - 0.5 * 34
  #expect(y[32] == 0)  // sub-block 1: scale 0, min 0
}

@Test func q4_KDecodesEverySubBlockWithItsScaleAndMin() throws {
  let qs = [UInt8](repeating: 0x52, count: 128)  // low nibble 2, high nibble 5
  // d = 2, dmin = -0.5 (a negative super-block min scale)
  let y = try decode(
    .q4_K, le16(0x4000) + le16(0xb800) + packScalesK4(scales, mins) + qs, count: 256)
  for s in 0..<8 {
    let q: Float = s % 2 == 0 ? 2 : 5
    let expected = 2 * Float(scales[s]) * q + 0.5 * Float(mins[s])
    #expect(y[32 * s] == expected && y[32 * s + 31] == expected, "sub-block \(s)")
  }
  #expect(y[192] == 2 * 63 * 2 + 0.5 * 20)  // 262: sub-block 6
}

@Test func q5_KTakesBit2cAnd2cPlus1OfQhAsTheFifthBit() throws {
  var qh = [UInt8](repeating: 0, count: 32)
  qh[0] = 0x01  // chunk 0, low half: value 0
  qh[1] = 0x02  // chunk 0, high half: value 33
  qh[2] = 0x40  // chunk 3, low half: value 194
  qh[3] = 0x80  // chunk 3, high half: value 227
  let qs = [UInt8](repeating: 0, count: 128)
  let y = try decode(
    .q5_K, le16(0x3c00) + le16(0x3c00) + packScalesK4(scales, mins) + qh + qs, count: 256)
  #expect(y[0] == 1 * 16 - 0)
  #expect(y[1] == 0)  // scale 1 * 0 - min 0
  #expect(y[33] == 2 * 16 - 5)
  #expect(y[194] == 63 * 16 - 20)
  #expect(y[227] == 17 * 16 - 32)
  #expect(y[226] == -32)
}

@Test func q6_KCombinesNibblesAndTwoBitHighsWithSignedScales() throws {
  var ql = [UInt8](repeating: 0, count: 128)
  var qh = [UInt8](repeating: 0, count: 64)
  let sc: [Int8] = (0..<16).map { Int8($0) - 8 }  // sub-block s has scale s - 8
  ql[0] = 0x1f
  qh[0] = 0b1110_0100
  ql[64 + 5] = 0xa3
  qh[32 + 5] = 0b0001_1011
  // d = 0.5
  let y = try decode(.q6_K, ql + qh + sc.map { UInt8(bitPattern: $0) } + le16(0x3800), count: 256)
  #expect(y[0] == 0.5 * -8 * -17)  // ql 15, qh 0 -> 15 - 32; sub-block 0
  #expect(y[32] == 0.5 * -6 * -16)  // ql[32] 0, qh bits 2-3 = 1 -> 16 - 32; sub-block 2
  #expect(y[64] == 0.5 * -4 * 1)  // ql[0] high 1, qh bits 4-5 = 2 -> 33 - 32; sub-block 4
  #expect(y[96] == 0.5 * -2 * 16)  // ql[32] high 0, qh bits 6-7 = 3 -> 48 - 32; sub-block 6
  #expect(y[133] == 0.5 * 0 * 19)  // second half, value 5: 3 | 3 << 4 = 51 -> 19; sub-block 8
  #expect(y[197] == 0.5 * 4 * -6)  // high nibble 10, qh bits 4-5 = 1 -> 26 - 32; sub-block 12
  #expect(y[20] == 0.5 * -7 * -32)  // all-zero bits -> -32; sub-block 1
}
