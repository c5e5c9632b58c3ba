import CKernels
import Foundation
import Inference
import Testing

/// The formats the int8 prefill path packs.
private let packable: [GGMLType] = [.q4_0, .q4_1, .q5_0, .q5_1, .q8_0, .q4_K, .q5_K, .q6_K]

/// A weight matrix packed for the int8 kernels, in buffers the test owns.
private final class Packed {
  var matrix = ck_packed_i8()
  private let q: UnsafeMutableRawPointer
  private let d: UnsafeMutablePointer<Float>
  private let m: UnsafeMutablePointer<Float>

  /// Packs `rows` rows of `cols` values of `type` from `bytes`.
  init(_ type: GGMLType, _ bytes: [UInt8], rows: Int, cols: Int) throws {
    var qBytes = 0
    var floats = 0
    #expect(ck_i8_packed_sizes(type.rawValue, Int64(rows), Int64(cols), &qBytes, &floats) == 0)
    q = .allocate(byteCount: qBytes, alignment: 64)
    d = .allocate(capacity: floats)
    m = .allocate(capacity: floats)
    matrix.q = q.bindMemory(to: UInt8.self, capacity: qBytes)
    matrix.d = d
    matrix.m = m
    let status = bytes.withUnsafeBytes {
      ck_i8_pack(
        type.rawValue, $0.baseAddress!, type.byteCount(values: cols)!, Int64(rows), Int64(cols),
        &matrix)
    }
    #expect(status == 0)
  }

  /// The stored byte, scale and offset of row r, column c.
  func entry(row r: Int, col c: Int) -> (u: Float, d: Float, m: Float) {
    let g = r / 16
    let lane = r % 16
    let quads = Int(matrix.cols) / 4
    let u = matrix.q[(g * quads + c / 4) * 64 + lane * 4 + c % 4]
    let at = (g * (Int(matrix.cols) / Int(matrix.sub)) + c / Int(matrix.sub)) * 16 + lane
    return (Float(u), matrix.d[at], matrix.m[at])
  }

  deinit {
    q.deallocate()
    d.deallocate()
    m.deallocate()
  }
}

/// Activations quantised by the int8 path, in buffers the test owns.
private final class Activations {
  var act: ck_act_i8
  let q: UnsafeMutablePointer<Int8>
  let d: UnsafeMutablePointer<Float>
  let s16: UnsafeMutablePointer<Float>
  let s32: UnsafeMutablePointer<Float>

  /// Quantises `tokens` rows of `cols` floats.
  init(_ x: [Float], tokens: Int, cols: Int) {
    q = .allocate(capacity: tokens * cols)
    d = .allocate(capacity: tokens * cols / 32)
    s16 = .allocate(capacity: tokens * cols / 16)
    s32 = .allocate(capacity: tokens * cols / 32)
    act = ck_act_i8(tokens: Int64(tokens), cols: Int64(cols), q: q, d: d, s16: s16, s32: s32)
    x.withUnsafeBufferPointer {
      ck_i8_quantize_rows($0.baseAddress!, Int64(cols), 0, Int64(tokens), &act)
    }
  }

  /// Token t's dequantised activation: d of its block × its quant.
  func value(token t: Int, col c: Int) -> Double {
    Double(d[t * Int(act.cols) / 32 + c / 32]) * Double(q[t * Int(act.cols) + c])
  }

  deinit {
    q.deallocate()
    d.deallocate()
    s16.deallocate()
    s32.deallocate()
  }
}

@Test func packedBytesTimesScalePlusOffsetAreTheDequantisedWeightsForEveryFormat() throws {
  var rng = SplitMix64(seed: 13)
  let rows = 21  // one full group of 16 and a padded one
  let cols = 512
  for type in packable {
    let bytes = (0..<rows).flatMap { _ in randomRow(type, count: cols, using: &rng) }
    let packed = try Packed(type, bytes, rows: rows, cols: cols)
    let weights = try decode(type, bytes, count: rows * cols)
    var worst: Float = 0
    for r in 0..<rows {
      for c in 0..<cols {
        let e = packed.entry(row: r, col: c)
        let w = weights[r * cols + c]
        worst = max(worst, abs(e.d * e.u + e.m - w) / max(abs(w), 1e-6))
      }
    }
    #expect(worst <= 1e-6, "\(type): largest relative difference \(worst)")
    #expect(Int(packed.matrix.groups) == 2 && Int(packed.matrix.sub) == (type == .q6_K ? 16 : 32))
  }
}

@Test func activationsQuantiseToTheNearestEvenStepOfTheirBlockMaximum() {
  var rng = SplitMix64(seed: 7)
  let tokens = 3
  let cols = 96
  var x = (0..<(tokens * cols)).map { _ in Float.random(in: -3...3, using: &rng) }
  x[40] = 2.5 * (3.1 / 127)  // values near half steps are covered by the random ones too
  for j in 64..<96 { x[j] = 0 }  // an all-zero block: scale 0, quants 0
  let a = Activations(x, tokens: tokens, cols: cols)
  for t in 0..<tokens {
    for b in 0..<(cols / 32) {
      let block = Array(x[(t * cols + b * 32)..<(t * cols + b * 32 + 32)])
      let amax = block.map(abs).max()!
      #expect(a.d[t * cols / 32 + b] == amax / 127)
      let inverse: Float = amax == 0 ? 0 : 127 / amax
      let expected = block.map { Int8(($0 * inverse).rounded(.toNearestOrEven)) }
      let got = (0..<32).map { a.q[t * cols + b * 32 + $0] }
      #expect(got == expected, "token \(t) block \(b)")
      let halves = [expected[0..<16], expected[16..<32]].map { $0.reduce(0) { $0 + Int($1) } }
      #expect(a.s16[t * cols / 16 + 2 * b] == amax / 127 * Float(halves[0]))
      #expect(a.s16[t * cols / 16 + 2 * b + 1] == amax / 127 * Float(halves[1]))
      #expect(a.s32[t * cols / 32 + b] == amax / 127 * Float(halves[0] + halves[1]))
    }
  }
}

/// Runs `path` on every packable format and compares each output with the dequantised weights
/// times the dequantised activations, summed in Double (independent of the packing and kernels).
private func expectPathMatchesTheDequantisedProduct(_ path: Int32) throws {
  var rng = SplitMix64(seed: UInt64(path) * 31)
  let rows = 37  // two full groups and a partial one: every tile shape and a masked store
  let cols = 512
  let tokens = 7  // a tile of 4 and a tail of 3
  for type in packable {
    let bytes = (0..<rows).flatMap { _ in randomRow(type, count: cols, using: &rng) }
    let packed = try Packed(type, bytes, rows: rows, cols: cols)
    let weights = try decode(type, bytes, count: rows * cols)
    let x = (0..<(tokens * cols)).map { _ in Float.random(in: -2...2, using: &rng) }
    let a = Activations(x, tokens: tokens, cols: cols)
    var y = [Float](repeating: .nan, count: tokens * rows)
    let status = y.withUnsafeMutableBufferPointer {
      ck_i8_gemm(
        path, &packed.matrix, &a.act, $0.baseAddress!, Int64(rows), 0, packed.matrix.groups)
    }
    if path == Int32(CK_I8_AVX2) && type == .q8_0 {  // full-range bytes would saturate vpmaddubsw
      #expect(status == Int32(CK_ERR_UNSUPPORTED_PATH))
      continue
    }
    #expect(status == 0, "\(type)")
    var worst = 0.0
    for t in 0..<tokens {
      for r in 0..<rows {
        var sum = 0.0
        var magnitude = 0.0
        for c in 0..<cols {
          let term = Double(weights[r * cols + c]) * a.value(token: t, col: c)
          sum += term
          magnitude += abs(term)
        }
        worst = max(worst, abs(Double(y[t * rows + r]) - sum) / max(magnitude, 1e-12))
      }
    }
    #expect(worst <= 2e-6, "\(type) on \(String(cString: ck_i8_path_name(path))): \(worst)")
  }
}

@Test func scalarInt8GemmMatchesTheDequantisedProductForEveryFormat() throws {
  try expectPathMatchesTheDequantisedProduct(Int32(CK_I8_SCALAR))
}

@Test(.enabled(if: ck_i8_path_supported(Int32(CK_I8_AVX2)) != 0, "this CPU has no AVX2"))
func avx2Int8GemmMatchesTheDequantisedProductForEveryFormat() throws {
  try expectPathMatchesTheDequantisedProduct(Int32(CK_I8_AVX2))
}

@Test(.enabled(if: ck_i8_path_supported(Int32(CK_I8_AVX_VNNI)) != 0, "this CPU has no AVX-VNNI"))
func avxVnniInt8GemmMatchesTheDequantisedProductForEveryFormat() throws {
  try expectPathMatchesTheDequantisedProduct(Int32(CK_I8_AVX_VNNI))
}

@Test(
  .enabled(
    if: ck_i8_path_supported(Int32(CK_I8_AVX512_VNNI)) != 0, "this CPU has no AVX512-VNNI"))
func avx512VnniInt8GemmMatchesTheDequantisedProductForEveryFormat() throws {
  try expectPathMatchesTheDequantisedProduct(Int32(CK_I8_AVX512_VNNI))
}

@Test func aPathTheCPULacksOrAnUnknownNameIsRefusedNotRun() {
  #expect(ck_i8_path_supported(99) == 0)
  #expect(String(cString: ck_i8_path_name(99)) == "none")
  var w = ck_packed_i8()
  var a = ck_act_i8()
  w.cols = 64
  a.cols = 32  // mismatched widths
  #expect(ck_i8_gemm(Int32(CK_I8_SCALAR), &w, &a, nil, 0, 0, 0) == Int32(CK_ERR_BAD_LENGTH))
  #expect(ck_i8_packs_type(GGMLType.f32.rawValue) == 0)
}
