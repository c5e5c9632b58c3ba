// Dequantisation of the plain float formats: F32 (copy), F16 and BF16.
#include "blocks.h"
#include "dequant.h"
#include <immintrin.h>

__attribute__((target("avx2,fma,f16c"))) static void f16_row_avx2(const uint16_t *x, float *y, int64_t n) {
  int64_t i = 0;
  for (; i + 8 <= n; i += 8) // 8 halves -> 8 floats per hardware conversion
    _mm256_storeu_ps(y + i, _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(x + i))));
  for (; i < n; i++) y[i] = ck_h2f(x[i]);
}

void ck_dequant_f16(const void *src, float *y, int64_t n) {
  const uint16_t *x = (const uint16_t *)src;
  if (ck_use_avx2()) {
    f16_row_avx2(x, y, n);
    return;
  }
  for (int64_t i = 0; i < n; i++) y[i] = ck_h2f(x[i]);
}

void ck_dequant_bf16(const void *src, float *y, int64_t n) {
  const uint16_t *x = (const uint16_t *)src;
  for (int64_t i = 0; i < n; i++) y[i] = ck_bf2f(x[i]);
}

void ck_dequant_f32(const void *src, float *y, int64_t n) { memcpy(y, src, (size_t)n * sizeof(float)); }
