import CBLAS

/// out[n × w.rows] = x[n × w.cols] · wᵀ, with `out` rows `ldo` floats apart (default `w.rows`).
func matmul(
  _ out: UnsafeMutablePointer<Float>, _ x: UnsafePointer<Float>, _ w: WeightMatrix, n: Int, ldo: Int? = nil
) {
  let ld = Int32(ldo ?? w.rows)
  if n == 1 {  // one position: memory-bound matrix-vector product
    cblas_sgemv(
      CblasRowMajor, CblasNoTrans, Int32(w.rows), Int32(w.cols), 1, w.f32, Int32(w.cols), x, 1, 0, out, 1)
  } else {  // a batch: compute-bound GEMM
    cblas_sgemm(
      CblasRowMajor, CblasNoTrans, CblasTrans, Int32(n), Int32(w.rows), Int32(w.cols), 1, x, Int32(w.cols),
      w.f32, Int32(w.cols), 0, out, ld)
  }
}
