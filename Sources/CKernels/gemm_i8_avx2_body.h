// Private: the 256-bit int8 GEMM, included once per dot-product instruction. The includer defines
// CK_I8_TARGET (a function attribute), CK_I8_DOT(acc, w, x) (acc += Σ of each 4 u8·s8 products)
// and CK_I8_NAME (the entry point). A group's 16 rows are two 8-row halves of 32 bytes per quad.
#include <immintrin.h>
#include <string.h>

/// Half h (rows 8h..8h+7) of group g × tokens [t0, t0 + RT) with SUB columns per weight scale.
CK_I8_TARGET __attribute__((always_inline)) static inline void
tile(const ck_packed_i8 *w, const ck_act_i8 *a, float *y, int64_t ys, int64_t g, int h, int64_t t0,
     const int RT, const int SUB) {
  const int64_t cols = w->cols, quads = cols / 4, subs = cols / SUB, blocks = cols / 32;
  const uint8_t *wq = w->q + (size_t)(g * quads) * 64 + 32 * h;
  const int8_t *x = a->q + t0 * cols;
  const float *sx = SUB == 16 ? a->s16 + t0 * (cols / 16) : a->s32 + t0 * blocks;
  __m256 acc[4];
#pragma clang loop unroll(full)
  for (int t = 0; t < RT; t++) acc[t] = _mm256_setzero_ps();
  for (int64_t s = 0; s < subs; s++) {
    __m256i dot[4];
#pragma clang loop unroll(full)
    for (int t = 0; t < RT; t++) dot[t] = _mm256_setzero_si256();
#pragma clang loop unroll(full)
    for (int k = 0; k < SUB / 4; k++) {
      const int64_t kq = s * (SUB / 4) + k;
      const __m256i wv = _mm256_loadu_si256((const __m256i *)(wq + (size_t)kq * 64));
#pragma clang loop unroll(full)
      for (int t = 0; t < RT; t++) {
        int32_t v;
        memcpy(&v, x + t * cols + kq * 4, 4);
        CK_I8_DOT(dot[t], wv, _mm256_set1_epi32(v));
      }
    }
    const size_t at = (size_t)((g * subs + s) * CK_I8_GROUP + 8 * h);
    const __m256 dv = _mm256_loadu_ps(w->d + at), mv = _mm256_loadu_ps(w->m + at);
#pragma clang loop unroll(full)
    for (int t = 0; t < RT; t++) {
      const __m256 scale = _mm256_mul_ps(dv, _mm256_set1_ps(a->d[(t0 + t) * blocks + s * SUB / 32]));
      acc[t] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(dot[t]), scale, acc[t]);
      acc[t] = _mm256_fmadd_ps(mv, _mm256_set1_ps(sx[t * (cols / SUB) + s]), acc[t]);
    }
  }
  const int64_t r0 = g * CK_I8_GROUP + 8 * h, left = w->rows - r0;
#pragma clang loop unroll(full)
  for (int t = 0; t < RT; t++) {
    if (left >= 8) {
      _mm256_storeu_ps(y + (t0 + t) * ys + r0, acc[t]);
    } else {
      float tmp[8];
      _mm256_storeu_ps(tmp, acc[t]);
      for (int64_t r = 0; r < left; r++) y[(t0 + t) * ys + r0 + r] = tmp[r];
    }
  }
}

/// Every token for row groups [g0, g1), tiles of 8 rows × 4 tokens with smaller tails.
CK_I8_TARGET __attribute__((always_inline)) static inline void
sweep(const ck_packed_i8 *w, const ck_act_i8 *a, float *y, int64_t ys, int64_t g0, int64_t g1, const int SUB) {
  const int64_t tokens = a->tokens;
  for (int64_t g = g0; g < g1; g++) {
    for (int h = 0; h < 2; h++) {
      if (g * CK_I8_GROUP + 8 * h >= w->rows) break;
      int64_t t = 0;
      for (; t + 4 <= tokens; t += 4) tile(w, a, y, ys, g, h, t, 4, SUB);
      switch (tokens - t) {
      case 3: tile(w, a, y, ys, g, h, t, 3, SUB); break;
      case 2: tile(w, a, y, ys, g, h, t, 2, SUB); break;
      case 1: tile(w, a, y, ys, g, h, t, 1, SUB); break;
      default: break;
      }
    }
  }
}

CK_I8_TARGET void CK_I8_NAME(const ck_packed_i8 *w, const ck_act_i8 *a, float *y, int64_t ys, int64_t g0,
                             int64_t g1) {
  if (w->sub == 16) sweep(w, a, y, ys, g0, g1, 16);
  else sweep(w, a, y, ys, g0, g1, 32);
}
