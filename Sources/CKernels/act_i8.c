// Quantisation of activation rows for the int8 kernels: a float scale per block of 32 values
// (not binary16 as Q8_0's), rounding to nearest even, and the scaled sums the offsets need.
#include <math.h>

#include "arch.h"
#include "ckernels.h"
#include "ckgemm.h"
#include "simd_avx2.h"

#pragma float_control(precise, on, push)
/// a / b, exactly rounded even though this file is built with -ffast-math.
static inline float exact_div(float a, float b) { return a / b; }
#pragma float_control(pop)

__attribute__((always_inline)) static inline void quantize_body(const float *x, int64_t x_stride, int64_t t0,
                                                                int64_t t1, ck_act_i8 *a) {
  const int64_t n = a->cols, blocks = n / 32;
  for (int64_t t = t0; t < t1; t++) {
    const float *xr = x + t * x_stride;
    int8_t *q = a->q + t * n;
    for (int64_t b = 0; b < blocks; b++, xr += 32, q += 32) {
      float amax = 0.0f;
      for (int j = 0; j < 32; j++) amax = fmaxf(amax, fabsf(xr[j]));
      const float d = exact_div(amax, 127.0f), id = amax != 0.0f ? exact_div(127.0f, amax) : 0.0f;
      int sum0 = 0, sum1 = 0;
      for (int j = 0; j < 16; j++) {
        const int v = (int)nearbyintf(xr[j] * id);
        q[j] = (int8_t)v;
        sum0 += v;
      }
      for (int j = 16; j < 32; j++) {
        const int v = (int)nearbyintf(xr[j] * id);
        q[j] = (int8_t)v;
        sum1 += v;
      }
      a->d[t * blocks + b] = d;
      a->s16[t * 2 * blocks + 2 * b] = d * (float)sum0;
      a->s16[t * 2 * blocks + 2 * b + 1] = d * (float)sum1;
      a->s32[t * blocks + b] = d * (float)(sum0 + sum1);
    }
  }
}

static void quantize_portable(const float *x, int64_t s, int64_t t0, int64_t t1, ck_act_i8 *a) {
  quantize_body(x, s, t0, t1, a);
}
#if CK_X86
/// Sum of the 8 int32 lanes.
CK_AVX2 static inline int hsum_epi32(__m256i v) {
  __m128i s = _mm_add_epi32(_mm256_castsi256_si128(v), _mm256_extracti128_si256(v, 1));
  s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0x4e));
  s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0xb1));
  return _mm_cvtsi128_si32(s);
}

/// The portable body's arithmetic in explicit AVX2: the same maximum, divisions and rounding.
CK_AVX2 static void quantize_avx2(const float *x, int64_t x_stride, int64_t t0, int64_t t1, ck_act_i8 *a) {
  const int64_t n = a->cols, blocks = n / 32;
  const __m256 abs_mask = _mm256_castsi256_ps(_mm256_set1_epi32(0x7fffffff));
  const __m256i order = _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7); // undo packs' lane interleave
  for (int64_t t = t0; t < t1; t++) {
    const float *xr = x + t * x_stride;
    int8_t *q = a->q + t * n;
    for (int64_t b = 0; b < blocks; b++, xr += 32, q += 32) {
      __m256 v[4];
      for (int j = 0; j < 4; j++) v[j] = _mm256_loadu_ps(xr + 8 * j);
      __m256 m = _mm256_max_ps(_mm256_max_ps(_mm256_and_ps(v[0], abs_mask), _mm256_and_ps(v[1], abs_mask)),
                               _mm256_max_ps(_mm256_and_ps(v[2], abs_mask), _mm256_and_ps(v[3], abs_mask)));
      __m128 h = _mm_max_ps(_mm256_castps256_ps128(m), _mm256_extractf128_ps(m, 1));
      h = _mm_max_ps(h, _mm_movehl_ps(h, h));
      h = _mm_max_ss(h, _mm_movehdup_ps(h));
      const float amax = _mm_cvtss_f32(h);
      const float d = exact_div(amax, 127.0f), id = amax != 0.0f ? exact_div(127.0f, amax) : 0.0f;
      const __m256 scale = _mm256_set1_ps(id);
      __m256i i[4];
      for (int j = 0; j < 4; j++)
        i[j] = _mm256_cvtps_epi32(_mm256_round_ps(_mm256_mul_ps(v[j], scale), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC));
      const int sum0 = hsum_epi32(_mm256_add_epi32(i[0], i[1])), sum1 = hsum_epi32(_mm256_add_epi32(i[2], i[3]));
      const __m256i p01 = _mm256_packs_epi32(i[0], i[1]), p23 = _mm256_packs_epi32(i[2], i[3]);
      const __m256i bytes = _mm256_permutevar8x32_epi32(_mm256_packs_epi16(p01, p23), order);
      _mm256_storeu_si256((__m256i *)q, bytes);
      a->d[t * blocks + b] = d;
      a->s16[t * 2 * blocks + 2 * b] = d * (float)sum0;
      a->s16[t * 2 * blocks + 2 * b + 1] = d * (float)sum1;
      a->s32[t * blocks + b] = d * (float)(sum0 + sum1);
    }
  }
}
#endif

void ck_i8_quantize_rows(const float *x, int64_t x_stride, int64_t t0, int64_t t1, ck_act_i8 *a) {
  CK_AVX2_OR(ck_use_avx2(), quantize_avx2, quantize_portable)(x, x_stride, t0, t1, a);
}
