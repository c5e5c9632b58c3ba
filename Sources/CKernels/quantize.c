// Activation quantisation to Q8_0, Q8_1 and Q8_K, the formats the quantised dot products read.
//
// Rounding is to nearest, ties to even, and the scales are true divisions (not reciprocal
// multiplies), as in llama.cpp's x86 paths, so activations quantise to the same integers.
// Each format has one portable body, compiled twice: as is, and inlined into an AVX2 wrapper
// where the compiler vectorises it and rounds with vroundps instead of a libm call.
#include <math.h>

#include "arch.h"
#include "blocks.h"
#include "ckernels.h"
#include "dequant.h"
#include "simd_avx2.h"

#pragma float_control(precise, on, push)
/// a / b, exactly rounded even though this file is built with -ffast-math.
static inline float exact_div(float a, float b) { return a / b; }
#pragma float_control(pop)

__attribute__((always_inline)) static inline float max_abs(const float *x, int n) {
  float m = 0.0f;
  for (int j = 0; j < n; j++) m = fmaxf(m, fabsf(x[j]));
  return m;
}

__attribute__((always_inline)) static inline void q8_0_body(const float *restrict x, ck_block_q8_0 *restrict b, int64_t n) {
  for (int64_t i = 0; i < n / CK_QK; i++, b++, x += CK_QK) {
    const float amax = max_abs(x, CK_QK);
    const float id = amax != 0.0f ? exact_div(127.0f, amax) : 0.0f; // largest maps to ±127
    b->d = ck_f2h(exact_div(amax, 127.0f));
    for (int j = 0; j < CK_QK; j++) b->qs[j] = (int8_t)nearbyintf(x[j] * id);
  }
}

__attribute__((always_inline)) static inline void q8_1_body(const float *restrict x, ck_block_q8_1 *restrict b, int64_t n) {
  for (int64_t i = 0; i < n / CK_QK; i++, b++, x += CK_QK) {
    const float amax = max_abs(x, CK_QK);
    const float d = exact_div(amax, 127.0f), id = amax != 0.0f ? exact_div(127.0f, amax) : 0.0f;
    int sum = 0;
    for (int j = 0; j < CK_QK; j++) {
      const int q = (int)nearbyintf(x[j] * id);
      b->qs[j] = (int8_t)q;
      sum += q;
    }
    b->d = ck_f2h(d);
    b->s = ck_f2h(d * (float)sum); // lets a dot product add the weight block's offset in O(1)
  }
}

// Q8_K: one float scale per 256 values, chosen so the value of largest magnitude maps to -127
// (sign included, as ggml does); bsums hold the sums of each 16 quants for the k-quant offsets.
__attribute__((always_inline)) static inline void q8_K_body(const float *restrict x, ck_block_q8_K *restrict b, int64_t n) {
  for (int64_t i = 0; i < n / CK_QK_K; i++, b++, x += CK_QK_K) {
    float amax = 0.0f, max = 0.0f;
    for (int j = 0; j < CK_QK_K; j++) {
      const float ax = fabsf(x[j]);
      if (ax > amax) {
        amax = ax;
        max = x[j];
      }
    }
    if (amax == 0.0f) {
      memset(b, 0, sizeof(*b));
      continue;
    }
    const float iscale = exact_div(-127.0f, max);
    for (int j = 0; j < CK_QK_K; j++) {
      const float v = nearbyintf(iscale * x[j]);
      b->qs[j] = (int8_t)(v > 127.0f ? 127.0f : v);
    }
    for (int g = 0; g < CK_QK_K / 16; g++) {
      int sum = 0;
      for (int j = 0; j < 16; j++) sum += b->qs[16 * g + j];
      b->bsums[g] = (int16_t)sum;
    }
    b->d = exact_div(1.0f, iscale);
  }
}

static void q8_0_portable(const float *x, void *dst, int64_t n) { q8_0_body(x, dst, n); }
static void q8_1_portable(const float *x, void *dst, int64_t n) { q8_1_body(x, dst, n); }
static void q8_K_portable(const float *x, void *dst, int64_t n) { q8_K_body(x, dst, n); }
#if CK_X86
CK_AVX2 static void q8_0_avx2(const float *x, void *dst, int64_t n) { q8_0_body(x, dst, n); }
CK_AVX2 static void q8_1_avx2(const float *x, void *dst, int64_t n) { q8_1_body(x, dst, n); }
CK_AVX2 static void q8_K_avx2(const float *x, void *dst, int64_t n) { q8_K_body(x, dst, n); }
#endif

int ck_quantize_row_path(uint32_t type, const float *x, void *dst, int64_t n, int path) {
  const int64_t bs = ck_block_size(type);
  if (bs == 0) return CK_ERR_UNSUPPORTED_TYPE;
  if (n < 0 || n % bs != 0) return CK_ERR_BAD_LENGTH;
  if (path < CK_PATH_AUTO || path > CK_PATH_AVX2 || (path == CK_PATH_AVX2 && !ck_use_avx2()))
    return CK_ERR_UNSUPPORTED_PATH;
  const int avx2 = path == CK_PATH_AVX2 || (path == CK_PATH_AUTO && ck_use_avx2());
  switch (type) {
  case CK_F32: memcpy(dst, x, (size_t)n * sizeof(float)); return CK_OK;
  case CK_F16:
    for (int64_t i = 0; i < n; i++) ((uint16_t *)dst)[i] = ck_f2h(x[i]);
    return CK_OK;
  case CK_Q8_0: CK_AVX2_OR(avx2, q8_0_avx2, q8_0_portable)(x, dst, n); return CK_OK;
  case CK_Q8_1: CK_AVX2_OR(avx2, q8_1_avx2, q8_1_portable)(x, dst, n); return CK_OK;
  case CK_Q8_K: CK_AVX2_OR(avx2, q8_K_avx2, q8_K_portable)(x, dst, n); return CK_OK;
  default: return CK_ERR_UNSUPPORTED_TYPE;
  }
}

int ck_quantize_row(uint32_t type, const float *x, void *dst, int64_t n) {
  return ck_quantize_row_path(type, x, dst, n, CK_PATH_AUTO);
}

void ck_quantize_row_q8_0(const float *x, void *dst, int64_t n) { ck_quantize_row_path(CK_Q8_0, x, dst, n, CK_PATH_AUTO); }
void ck_quantize_row_q8_1(const float *x, void *dst, int64_t n) { ck_quantize_row_path(CK_Q8_1, x, dst, n, CK_PATH_AUTO); }
void ck_quantize_row_q8_K(const float *x, void *dst, int64_t n) { ck_quantize_row_path(CK_Q8_K, x, dst, n, CK_PATH_AUTO); }
