// Dequantisation of the plain float formats: F32 (copy), F16 and BF16.
#include "arch.h"
#include "blocks.h"
#include "dequant.h"
#include "simd_avx2.h"

static void f16_row(const uint16_t *x, float *y, int64_t n) {
  for (int64_t i = 0; i < n; i++) y[i] = ck_h2f(x[i]);
}

#if CK_X86
CK_AVX2 static void f16_row_avx2(const uint16_t *x, float *y, int64_t n) {
  int64_t i = 0;
  for (; i + 8 <= n; i += 8) // 8 halves -> 8 floats per hardware conversion
    _mm256_storeu_ps(y + i, _mm256_cvtph_ps(_mm_loadu_si128((const __m128i *)(x + i))));
  f16_row(x + i, y + i, n - i);
}
#endif

void ck_dequant_f16(const void *src, float *y, int64_t n, int avx2) {
  CK_AVX2_OR(avx2, f16_row_avx2, f16_row)((const uint16_t *)src, y, n);
}

void ck_dequant_bf16(const void *src, float *y, int64_t n) {
  const uint16_t *x = (const uint16_t *)src;
  for (int64_t i = 0; i < n; i++) y[i] = ck_bf2f(x[i]);
}

void ck_dequant_f32(const void *src, float *y, int64_t n) { memcpy(y, src, (size_t)n * sizeof(float)); }
