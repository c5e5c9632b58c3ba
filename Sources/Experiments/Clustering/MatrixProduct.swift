import CBLAS

/// Double-precision row-major matrix products through OpenBLAS's `cblas_dgemm`.
enum MatrixProduct {
  /// `op(A) · op(B)` as an `m × n` row-major matrix, where `op(A)` is `m × k` and `op(B)` is
  /// `k × n`; `A` is stored `m × k` (or `k × m` when `transposeA`), `B` `k × n` (or `n × k`).
  static func multiply(
    _ a: [Double], _ b: [Double], m: Int, n: Int, k: Int,
    transposeA: Bool = false, transposeB: Bool = false
  ) -> [Double] {
    var c = [Double](repeating: 0, count: m * n)
    guard m > 0, n > 0, k > 0 else { return c }
    cblas_dgemm(
      CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
      Int32(m), Int32(n), Int32(k), 1, a, Int32(transposeA ? m : k), b, Int32(transposeB ? k : n),
      0, &c, Int32(n))
    return c
  }
}
