// Prefill attention's probability-weighted sum of values, one query row at a time: each row sums
// exactly its visible keys in key order, so its output does not depend on which other rows
// shared its block (an SGEMM over the block's keys partitions the sum by the block's width).
#include "arch.h"
#include "ckernels.h"
#include "ckops.h"
#include "simd_avx2.h"

/// Rows of the body: acc[d] += p[j]·v[j][d] for j in key order, d in [d0, d1).
__attribute__((always_inline)) static inline void weighted_body(float *out, int out_stride, const float *p,
                                                                int ld, int rows, int pos0, const float *v,
                                                                int kvstride, int hd) {
  for (int r = 0; r < rows; r++) {
    const float *pr = p + (size_t)r * ld;
    float *o = out + (size_t)r * out_stride;
    const int visible = pos0 + r + 1;
    for (int d = 0; d < hd; d++) o[d] = 0.0f;
    for (int j = 0; j < visible; j++) {
      const float a = pr[j];
      const float *vj = v + (size_t)j * kvstride;
      for (int d = 0; d < hd; d++) o[d] += a * vj[d];
    }
  }
}

static void weighted_portable(float *out, int out_stride, const float *p, int ld, int rows, int pos0,
                              const float *v, int kvstride, int hd) {
  weighted_body(out, out_stride, p, ld, rows, pos0, v, kvstride, hd);
}

#if CK_X86
/// 64 lanes at a time in eight registers, one fused multiply-add per key and lane.
CK_AVX2 static void weighted_avx2(float *out, int out_stride, const float *p, int ld, int rows, int pos0,
                                  const float *v, int kvstride, int hd) {
  if (hd % 64 != 0) {
    weighted_body(out, out_stride, p, ld, rows, pos0, v, kvstride, hd);
    return;
  }
  for (int r = 0; r < rows; r++) {
    const float *pr = p + (size_t)r * ld;
    const int visible = pos0 + r + 1;
    for (int d0 = 0; d0 < hd; d0 += 64) {
      __m256 acc[8];
      for (int i = 0; i < 8; i++) acc[i] = _mm256_setzero_ps();
      const float *vd = v + d0;
      for (int j = 0; j < visible; j++) {
        const __m256 a = _mm256_broadcast_ss(pr + j);
        const float *vj = vd + (size_t)j * kvstride;
        for (int i = 0; i < 8; i++) acc[i] = _mm256_fmadd_ps(a, _mm256_loadu_ps(vj + 8 * i), acc[i]);
      }
      float *o = out + (size_t)r * out_stride + d0;
      for (int i = 0; i < 8; i++) _mm256_storeu_ps(o + 8 * i, acc[i]);
    }
  }
}
#endif

/// Scores of the body: s[r·ld + j] = scale·(q_r · k_j) for j ≤ pos0 + r, each a dot in lane order.
__attribute__((always_inline)) static inline void scores_body(float *s, int ld, const float *q, int q_stride,
                                                              int rows, int pos0, const float *k, int kvstride,
                                                              int hd, float scale) {
  for (int r = 0; r < rows; r++) {
    const float *qr = q + (size_t)r * q_stride;
    for (int j = 0; j <= pos0 + r; j++) {
      const float *kj = k + (size_t)j * kvstride;
      float acc[8] = {0};
      for (int d = 0; d < hd; d++) acc[d & 7] += qr[d] * kj[d];
      s[(size_t)r * ld + j] = scale * (((acc[0] + acc[4]) + (acc[1] + acc[5])) + ((acc[2] + acc[6]) + (acc[3] + acc[7])));
    }
  }
}

static void scores_portable(float *s, int ld, const float *q, int qs, int rows, int pos0, const float *k, int ks,
                            int hd, float scale) {
  scores_body(s, ld, q, qs, rows, pos0, k, ks, hd, scale);
}
#if CK_X86
/// Lane sums of eight vectors: element i = the sum of v[i]'s lanes, in a fixed order.
CK_AVX2 static inline __m256 sum_lanes8(const __m256 v[8]) {
  const __m256 a = _mm256_hadd_ps(_mm256_hadd_ps(v[0], v[1]), _mm256_hadd_ps(v[2], v[3]));
  const __m256 b = _mm256_hadd_ps(_mm256_hadd_ps(v[4], v[5]), _mm256_hadd_ps(v[6], v[7]));
  return _mm256_add_ps(_mm256_permute2f128_ps(a, b, 0x20), _mm256_permute2f128_ps(a, b, 0x31));
}

/// One key's score for one row: an eight-lane chain over hd, then sum_lanes8 — the same
/// arithmetic a key gets inside a group of eight, so every (row, key) score is one function.
CK_AVX2 static inline float score_one(const float *qr, const float *kj, int hd, __m256 sv) {
  __m256 acc[8];
  acc[0] = _mm256_setzero_ps();
  for (int d = 0; d < hd; d += 8) acc[0] = _mm256_fmadd_ps(_mm256_loadu_ps(qr + d), _mm256_loadu_ps(kj + d), acc[0]);
  for (int i = 1; i < 8; i++) acc[i] = acc[0];
  return _mm256_cvtss_f32(_mm256_mul_ps(sum_lanes8(acc), sv));
}

/// Eight keys at a time (one accumulator each, summed across lanes together); a row's split into
/// groups and a tail depends only on its position, so its scores do not depend on the block.
CK_AVX2 static void scores_avx2(float *s, int ld, const float *q, int qs, int rows, int pos0, const float *k,
                                int ks, int hd, float scale) {
  if (hd % 8 != 0) {
    scores_body(s, ld, q, qs, rows, pos0, k, ks, hd, scale);
    return;
  }
  const __m256 sv = _mm256_set1_ps(scale);
  for (int r = 0; r < rows; r++) {
    const float *qr = q + (size_t)r * qs;
    float *sr = s + (size_t)r * ld;
    const int visible = pos0 + r + 1;
    int j = 0;
    for (; j + 8 <= visible; j += 8) {
      __m256 acc[8];
      for (int i = 0; i < 8; i++) acc[i] = _mm256_setzero_ps();
      for (int d = 0; d < hd; d += 8) {
        const __m256 qd = _mm256_loadu_ps(qr + d);
        for (int i = 0; i < 8; i++)
          acc[i] = _mm256_fmadd_ps(qd, _mm256_loadu_ps(k + (size_t)(j + i) * ks + d), acc[i]);
      }
      _mm256_storeu_ps(sr + j, _mm256_mul_ps(sum_lanes8(acc), sv));
    }
    for (; j < visible; j++) sr[j] = score_one(qr, k + (size_t)j * ks, hd, sv);
  }
}
#endif

#if CK_X86
#define CK_AVX512VL __attribute__((target("avx2,fma,f16c,avx512f,avx512vl")))

/// Four rows × four keys per step with AVX512VL's 32 vector registers (each key row loaded once
/// for the four rows). Every (row, key) score is the same chain and lane sum as in scores_avx2 —
/// a score does not depend on which keys or rows it was computed with — so the results are
/// bit-identical to it.
CK_AVX512VL static void scores_avx512(float *s, int ld, const float *q, int qs, int rows, int pos0, const float *k,
                                      int ks, int hd, float scale) {
  if (hd % 8 != 0) {
    scores_body(s, ld, q, qs, rows, pos0, k, ks, hd, scale);
    return;
  }
  const __m256 sv = _mm256_set1_ps(scale);
  int r = 0;
  for (; r + 4 <= rows; r += 4) {
    const int shared = pos0 + r + 1;
    int j = 0;
    for (; j + 4 <= shared; j += 4) {
      __m256 acc[4][4];
      for (int i = 0; i < 4; i++)
        for (int c = 0; c < 4; c++) acc[i][c] = _mm256_setzero_ps();
      for (int d = 0; d < hd; d += 8) {
        __m256 kv[4];
        for (int c = 0; c < 4; c++) kv[c] = _mm256_loadu_ps(k + (size_t)(j + c) * ks + d);
        for (int i = 0; i < 4; i++) {
          const __m256 qd = _mm256_loadu_ps(q + (size_t)(r + i) * qs + d);
          for (int c = 0; c < 4; c++) acc[i][c] = _mm256_fmadd_ps(qd, kv[c], acc[i][c]);
        }
      }
      for (int i = 0; i < 4; i++) {
        const __m256 in[8] = {acc[i][0], acc[i][1], acc[i][2], acc[i][3], acc[i][0], acc[i][1], acc[i][2], acc[i][3]};
        _mm_storeu_ps(s + (size_t)(r + i) * ld + j, _mm256_castps256_ps128(_mm256_mul_ps(sum_lanes8(in), sv)));
      }
    }
    for (int i = 0; i < 4; i++) // each row's remaining keys, one at a time
      for (int jj = j; jj <= pos0 + r + i; jj++)
        s[(size_t)(r + i) * ld + jj] = score_one(q + (size_t)(r + i) * qs, k + (size_t)jj * ks, hd, sv);
  }
  for (; r < rows; r++)
    for (int jj = 0; jj <= pos0 + r; jj++)
      s[(size_t)r * ld + jj] = score_one(q + (size_t)r * qs, k + (size_t)jj * ks, hd, sv);
}
#endif

void ck_score_rows(float *s, int ld, const float *q, int q_stride, int rows, int pos0, const float *k,
                   int kvstride, int hd, float scale) {
#if CK_X86
  if (ck_use_avx512()) {
    scores_avx512(s, ld, q, q_stride, rows, pos0, k, kvstride, hd, scale);
    return;
  }
#endif
  CK_AVX2_OR(ck_use_avx2(), scores_avx2, scores_portable)(s, ld, q, q_stride, rows, pos0, k, kvstride, hd, scale);
}

#if CK_X86
#define CK_AVX512 __attribute__((target("avx2,fma,f16c,avx512f")))

/// Four rows at a time in 512-bit lanes: each value row is loaded once for the four. Every output
/// lane still adds its row's keys one by one in key order (rows r..r+3 share keys below the
/// first row's count, then each continues alone), so the results are bit-identical to
/// weighted_avx2's, whatever the tiling.
CK_AVX512 static void weighted_avx512(float *out, int out_stride, const float *p, int ld, int rows, int pos0,
                                      const float *v, int kvstride, int hd) {
  if (hd % 64 != 0) {
    weighted_body(out, out_stride, p, ld, rows, pos0, v, kvstride, hd);
    return;
  }
  int r = 0;
  for (; r + 4 <= rows; r += 4) {
    const int shared = pos0 + r + 1; // keys every row of the tile sees
    for (int d0 = 0; d0 < hd; d0 += 64) {
      __m512 acc[4][4];
      for (int i = 0; i < 4; i++)
        for (int c = 0; c < 4; c++) acc[i][c] = _mm512_setzero_ps();
      const float *vd = v + d0;
      for (int j = 0; j < shared; j++) {
        const float *vj = vd + (size_t)j * kvstride;
        __m512 vv[4];
        for (int c = 0; c < 4; c++) vv[c] = _mm512_loadu_ps(vj + 16 * c);
        for (int i = 0; i < 4; i++) {
          const __m512 a = _mm512_set1_ps(p[(size_t)(r + i) * ld + j]);
          for (int c = 0; c < 4; c++) acc[i][c] = _mm512_fmadd_ps(a, vv[c], acc[i][c]);
        }
      }
      for (int i = 1; i < 4; i++) { // row r+i's own keys shared .. shared+i-1, in order
        for (int j = shared; j < shared + i; j++) {
          const __m512 a = _mm512_set1_ps(p[(size_t)(r + i) * ld + j]);
          const float *vj = vd + (size_t)j * kvstride;
          for (int c = 0; c < 4; c++) acc[i][c] = _mm512_fmadd_ps(a, _mm512_loadu_ps(vj + 16 * c), acc[i][c]);
        }
      }
      for (int i = 0; i < 4; i++)
        for (int c = 0; c < 4; c++) _mm512_storeu_ps(out + (size_t)(r + i) * out_stride + d0 + 16 * c, acc[i][c]);
    }
  }
  if (r < rows)
    weighted_avx2(out + (size_t)r * out_stride, out_stride, p + (size_t)r * ld, ld, rows - r, pos0 + r, v, kvstride,
                  hd);
}
#endif

void ck_weighted_value_rows(float *out, int out_stride, const float *p, int ld, int rows, int pos0,
                            const float *v, int kvstride, int hd) {
#if CK_X86
  if (ck_use_avx512()) {
    weighted_avx512(out, out_stride, p, ld, rows, pos0, v, kvstride, hd);
    return;
  }
#endif
  CK_AVX2_OR(ck_use_avx2(), weighted_avx2, weighted_portable)(out, out_stride, p, ld, rows, pos0, v, kvstride, hd);
}
