// The 512-bit VNNI int8 GEMM: tiles of 2 row groups (32 rows) × 4 tokens; each 512-bit vpdpbusd
// adds 4 columns of 16 rows times one token's 4 activations into 16 int32 sums.
#include "gemm_i8_simd.h"

#if CK_X86 // the whole file is x86 code
#include <immintrin.h>
#include <string.h>

#define CK_AVX512_VNNI __attribute__((target("avx2,fma,f16c,avx512f,avx512bw,avx512vl,avx512vnni")))

/// 4 activation bytes as one int32 (unaligned).
static inline int32_t quad(const int8_t *p) {
  int32_t v;
  memcpy(&v, p, 4);
  return v;
}

/// Rows [g·16, g·16 + RG·16) × tokens [t0, t0 + RT) with SUB columns per weight scale.
CK_AVX512_VNNI __attribute__((always_inline)) static inline void
tile(const ck_packed_i8 *w, const ck_act_i8 *a, float *y, int64_t ys, int64_t g, int64_t t0, const int RG,
     const int RT, const int SUB) {
  const int64_t cols = w->cols, quads = cols / 4, subs = cols / SUB, blocks = cols / 32;
  const uint8_t *wq = w->q + (size_t)(g * quads) * 64;
  const int8_t *x = a->q + t0 * cols;
  const float *sx = SUB == 16 ? a->s16 + t0 * (cols / 16) : a->s32 + t0 * blocks;
  __m512 acc[2][4];
#pragma clang loop unroll(full)
  for (int i = 0; i < RG; i++)
#pragma clang loop unroll(full)
    for (int t = 0; t < RT; t++) acc[i][t] = _mm512_setzero_ps();
  for (int64_t s = 0; s < subs; s++) {
    __m512i dot[2][4];
#pragma clang loop unroll(full)
    for (int i = 0; i < RG; i++)
#pragma clang loop unroll(full)
      for (int t = 0; t < RT; t++) dot[i][t] = _mm512_setzero_si512();
#pragma clang loop unroll(full)
    for (int k = 0; k < SUB / 4; k++) {
      const int64_t kq = s * (SUB / 4) + k;
      __m512i wv[2];
#pragma clang loop unroll(full)
      for (int i = 0; i < RG; i++) wv[i] = _mm512_loadu_si512(wq + (size_t)(i * quads + kq) * 64);
#pragma clang loop unroll(full)
      for (int t = 0; t < RT; t++) {
        const __m512i xb = _mm512_set1_epi32(quad(x + t * cols + kq * 4));
#pragma clang loop unroll(full)
        for (int i = 0; i < RG; i++) dot[i][t] = _mm512_dpbusd_epi32(dot[i][t], wv[i], xb);
      }
    }
#pragma clang loop unroll(full)
    for (int i = 0; i < RG; i++) {
      const size_t at = (size_t)(((g + i) * subs + s) * CK_I8_GROUP);
      const __m512 dv = _mm512_loadu_ps(w->d + at), mv = _mm512_loadu_ps(w->m + at);
#pragma clang loop unroll(full)
      for (int t = 0; t < RT; t++) {
        const __m512 scale = _mm512_mul_ps(dv, _mm512_set1_ps(a->d[(t0 + t) * blocks + s * SUB / 32]));
        acc[i][t] = _mm512_fmadd_ps(_mm512_cvtepi32_ps(dot[i][t]), scale, acc[i][t]);
        acc[i][t] = _mm512_fmadd_ps(mv, _mm512_set1_ps(sx[t * (cols / SUB) + s]), acc[i][t]);
      }
    }
  }
#pragma clang loop unroll(full)
  for (int i = 0; i < RG; i++) {
    const int64_t r0 = (g + i) * CK_I8_GROUP, left = w->rows - r0;
    const __mmask16 mask = left >= 16 ? (__mmask16)0xffff : (__mmask16)((1u << left) - 1u);
#pragma clang loop unroll(full)
    for (int t = 0; t < RT; t++) _mm512_mask_storeu_ps(y + (t0 + t) * ys + r0, mask, acc[i][t]);
  }
}

/// Every token for RG row groups from g: tiles of 4 tokens, then a tail of 1–3.
CK_AVX512_VNNI __attribute__((always_inline)) static inline void
tokens(const ck_packed_i8 *w, const ck_act_i8 *a, float *y, int64_t ys, int64_t g, const int RG, const int SUB) {
  int64_t t = 0;
  for (; t + 4 <= a->tokens; t += 4) tile(w, a, y, ys, g, t, RG, 4, SUB);
  switch (a->tokens - t) {
  case 3: tile(w, a, y, ys, g, t, RG, 3, SUB); break;
  case 2: tile(w, a, y, ys, g, t, RG, 2, SUB); break;
  case 1: tile(w, a, y, ys, g, t, RG, 1, SUB); break;
  default: break;
  }
}

/// Every token for row groups [g0, g1), two groups at a time (one for an odd last group).
CK_AVX512_VNNI __attribute__((always_inline)) static inline void
sweep(const ck_packed_i8 *w, const ck_act_i8 *a, float *y, int64_t ys, int64_t g0, int64_t g1, const int SUB) {
  for (int64_t g = g0; g < g1; g += 2) {
    if (g + 2 <= g1) tokens(w, a, y, ys, g, 2, SUB);
    else tokens(w, a, y, ys, g, 1, SUB);
  }
}

CK_AVX512_VNNI void ck_i8_gemm_avx512_vnni(const ck_packed_i8 *w, const ck_act_i8 *a, float *y, int64_t ys,
                                           int64_t g0, int64_t g1) {
  if (w->sub == 16) sweep(w, a, y, ys, g0, g1, 16);
  else sweep(w, a, y, ys, g0, g1, 32);
}
#endif
