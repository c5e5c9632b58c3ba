import CKernels
import Testing

@testable import Inference

@Test func f16RowDecodesSubnormalsInfinitiesAndNaN() throws {
  let bits: [UInt16] = [
    0x0001, 0x8001, 0x03ff, 0x0400, 0x7c00, 0xfc00, 0x7e00, 0x3555, 0xc000, 0x8000, 0x7bff,
  ]
  let y = try decode(.f16, bits.flatMap(le16), count: bits.count)
  #expect(y[0] == 0x1p-24)
  #expect(y[1] == -0x1p-24)
  #expect(y[2] == 1023 * 0x1p-24)
  #expect(y[3] == 0x1p-14)
  #expect(y[4] == .infinity)
  #expect(y[5] == -.infinity)
  #expect(y[6].isNaN)
  #expect(y[7] == 0.333251953125)
  #expect(y[8] == -2)
  #expect(y[9] == 0 && y[9].sign == .minus)
  #expect(y[10] == 65504)
}

@Test func f16ScalarConversionRoundTripsEveryBitPattern() {
  for bits in UInt16.min...UInt16.max {
    let f = ck_f16_to_f32(bits)
    if f.isNaN {
      #expect(ck_f32_to_f16(f) & 0x7c00 == 0x7c00 && ck_f32_to_f16(f) & 0x3ff != 0)
    } else if ck_f32_to_f16(f) != bits {
      Issue.record(
        "half 0x\(String(bits, radix: 16)) -> \(f) -> 0x\(String(ck_f32_to_f16(f), radix: 16))")
    }
  }
}

@Test func floatToF16RoundsToNearestEven() {
  #expect(ck_f32_to_f16(1 + 0x1p-11) == 0x3c00)  // tie: stays on the even 1.0
  #expect(ck_f32_to_f16(1 + 3 * 0x1p-11) == 0x3c02)  // tie: goes up to the even mantissa 2
  #expect(ck_f32_to_f16(65519) == 0x7bff)
  #expect(ck_f32_to_f16(65520) == 0x7c00)  // past the largest half: infinity
  #expect(ck_f32_to_f16(0x1p-25) == 0x0000)  // half of the smallest subnormal: ties to zero
  #expect(ck_f32_to_f16(0x1.01p-25) == 0x0001)
  #expect(ck_f32_to_f16(3 * 0x1p-25) == 0x0002)  // 1.5 subnormal units: ties to even 2
  #expect(ck_f32_to_f16(-0x1p-14) == 0x8400)
}

@Test func f16RowMatchesScalarConversionPastTheVectorWidth() throws {
  let bits: [UInt16] = (0..<37).map { UInt16($0 * 1723 % 0x7c00) }
  let y = try decode(.f16, bits.flatMap(le16), count: bits.count)
  #expect(y == bits.map { ck_f16_to_f32($0) })
}

@Test func bf16RowTakesTheTopHalfOfAFloat() throws {
  let y = try decode(.bf16, [0x3f80, 0xc040, 0x0001].flatMap(le16), count: 3)
  #expect(y == [1, -3, Float(bitPattern: 0x0001_0000)])
}

@Test func f32RowIsCopied() throws {
  let values: [Float] = [1.5, -0, .infinity]
  let bytes = values.withUnsafeBytes { Array($0) }
  #expect(try decode(.f32, bytes, count: 3) == values)
}
