import CKernels
import Testing

@testable import Inference

private let weightTypes: [GGMLType] = [
  .f32, .f16, .bf16, .q4_0, .q4_1, .q5_0, .q5_1, .q8_0, .q4_K, .q5_K, .q6_K,
]

/// A random weight row, a random activation quantised for it, and their dequantised dot.
private struct Case {
  let weights: [UInt8]
  let activation: [UInt8]
  let expected: Double
  let magnitude: Double  // Σ|w·x|, the scale for tolerances

  init(_ type: GGMLType, count: Int, seed: UInt64) throws {
    var rng = SplitMix64(seed: seed)
    weights = randomRow(type, count: count, using: &rng)
    let x = (0..<count).map { _ in Float.random(in: -2...2, using: &rng) }
    let xType = try #require(type.vecDotType)
    activation = try quantize(x, as: xType)
    let w = try decode(type, weights, count: count)
    let xd = try decode(xType, activation, count: count)
    expected = zip(w, xd).reduce(0) { $0 + Double($1.0) * Double($1.1) }
    magnitude = zip(w, xd).reduce(0) { $0 + abs(Double($1.0) * Double($1.1)) }
  }

  func dot(_ type: GGMLType, count: Int, path: Int32) -> Float {
    var out: Float = .nan
    let status = weights.withUnsafeBytes { w in
      activation.withUnsafeBytes { x in
        ck_vec_dot_path(type.rawValue, Int64(count), w.baseAddress, x.baseAddress, &out, path)
      }
    }
    return status == CK_OK ? out : .nan
  }
}

@Test(arguments: weightTypes)
func vecDotEqualsTheDotOfTheDequantisedRows(type: GGMLType) throws {
  let count = 512
  let c = try Case(type, count: count, seed: UInt64(type.rawValue) + 1)
  // Q4_1/Q5_1 read the activation sum through an f16 (s = d·Σq): allow its rounding.
  let tolerance = (type == .q4_1 || type == .q5_1 ? 2e-3 : 1e-5) * c.magnitude
  let got = c.weights.withUnsafeBytes { w in
    c.activation.withUnsafeBytes { x in
      try? vecDot(
        weightType: type, weights: w.baseAddress!, activation: x.baseAddress!, count: count)
    }
  }
  let value = try #require(got)
  #expect(abs(Double(value) - c.expected) <= tolerance, "\(type): \(value) vs \(c.expected)")
  #expect(
    abs(Double(c.dot(type, count: count, path: Int32(CK_PATH_SCALAR))) - c.expected) <= tolerance)
}

@Test(.requiresAVX2, arguments: weightTypes)
func scalarAndAVX2PathsAgree(type: GGMLType) throws {
  for seed in 0..<8 as Range<UInt64> {
    let count = 256 * (1 + Int(seed % 3))
    let c = try Case(type, count: count, seed: seed * 100 + UInt64(type.rawValue))
    let scalar = c.dot(type, count: count, path: Int32(CK_PATH_SCALAR))
    let simd = c.dot(type, count: count, path: Int32(CK_PATH_AVX2))
    #expect(
      abs(Double(scalar - simd)) <= 1e-5 * c.magnitude, "\(type) seed \(seed): \(scalar) vs \(simd)"
    )
  }
}

/// Checks the F32/F16/BF16 dots on `path` at 45 values: a tail after every vector width.
private func expectFloatDotsAtAnOddLength(path: Int32) throws {
  for type in [GGMLType.f32, .f16, .bf16] {
    let c = try Case(type, count: 45, seed: 9)
    #expect(abs(Double(c.dot(type, count: 45, path: path)) - c.expected) <= 1e-5 * c.magnitude)
  }
}

@Test func floatDotsHandleLengthsThatAreNotAMultipleOfTheVectorWidth() throws {
  try expectFloatDotsAtAnOddLength(path: Int32(CK_PATH_SCALAR))
}

@Test(.requiresAVX2) func avx2FloatDotsHandleLengthsThatAreNotAMultipleOfTheVectorWidth() throws {
  try expectFloatDotsAtAnOddLength(path: Int32(CK_PATH_AVX2))
}

@Test func matvecWritesOnlyTheRequestedRowsAtTheirAbsoluteIndex() throws {
  var rng = SplitMix64(seed: 42)
  let columns = 64
  let rowBytes = try #require(GGMLType.q4_1.byteCount(values: columns))
  let weights = (0..<5).flatMap { _ in randomRow(.q4_1, count: columns, using: &rng) }
  let x = try quantize((0..<columns).map { Float($0) / 32 - 1 }, as: .q8_1)
  var y = [Float](repeating: .nan, count: 5)
  try weights.withUnsafeBytes { w in
    try x.withUnsafeBytes { xq in
      try matvec(
        weightType: .q4_1, weights: w.baseAddress!, rowStride: rowBytes,
        activation: xq.baseAddress!,
        output: &y, rows: 1..<4, columns: columns)
      for r in 1..<4 {
        let row = try vecDot(
          weightType: .q4_1, weights: w.baseAddress! + r * rowBytes, activation: xq.baseAddress!,
          count: columns)
        #expect(y[r] == row)
      }
    }
  }
  #expect(y[0].isNaN && y[4].isNaN)
}

@Test func vecDotTypesFollowGGML() {
  #expect(GGMLType.q4_0.vecDotType == .q8_0)
  #expect(GGMLType.q5_1.vecDotType == .q8_1)
  #expect(GGMLType.q6_K.vecDotType == .q8_K)
  #expect(GGMLType.f16.vecDotType == .f32)
  #expect(GGMLType.q2_K.vecDotType == nil)
}

@Test func matmulEqualsOneMatvecPerToken() throws {
  var rng = SplitMix64(seed: 7)
  let (rows, columns, tokens) = (6, 256, 3)
  let rowBytes = try #require(GGMLType.q4_K.byteCount(values: columns))
  let xBytes = try #require(GGMLType.q8_K.byteCount(values: columns))
  let weights = (0..<rows).flatMap { _ in randomRow(.q4_K, count: columns, using: &rng) }
  let x = try (0..<tokens).flatMap { _ in
    try quantize((0..<columns).map { _ in Float.random(in: -1...1, using: &rng) }, as: .q8_K)
  }
  var batched = [Float](repeating: .nan, count: tokens * rows)
  var single = [Float](repeating: .nan, count: rows)
  try weights.withUnsafeBytes { w in
    try x.withUnsafeBytes { xq in
      try matmul(
        weightType: .q4_K, weights: w.baseAddress!, rowStride: rowBytes,
        activations: xq.baseAddress!,
        activationStride: xBytes, tokens: tokens, output: &batched, outputStride: rows,
        rows: 0..<rows,
        columns: columns)
      for t in 0..<tokens {
        try matvec(
          weightType: .q4_K, weights: w.baseAddress!, rowStride: rowBytes,
          activation: xq.baseAddress! + t * xBytes, output: &single, rows: 0..<rows,
          columns: columns)
        #expect(Array(batched[t * rows..<(t + 1) * rows]) == single, "token \(t)")
      }
    }
  }
}
