// AVX2 dequantisation of the formats the default model stores: Q4_0, Q4_1, Q8_0.
#include "blocks.h"
#include "dequant.h"
#include "simd_avx2.h"

#if CK_X86 // the whole file is AVX2 code

/// Writes 32 bytes of quants (unsigned when `is_signed` is 0) as d·q + m to y[0..32).
CK_AVX2 static inline void store_scaled(__m256i q, int is_signed, __m256 d, __m256 m, float *y) {
  const __m128i halves[2] = {_mm256_castsi256_si128(q), _mm256_extracti128_si256(q, 1)};
  for (int k = 0; k < 4; k++) { // 8 bytes at a time -> 8 int32 -> 8 floats
    const __m128i bytes = k & 1 ? _mm_srli_si128(halves[k >> 1], 8) : halves[k >> 1];
    const __m256i wide = is_signed ? _mm256_cvtepi8_epi32(bytes) : _mm256_cvtepu8_epi32(bytes);
    _mm256_storeu_ps(y + 8 * k, _mm256_fmadd_ps(d, _mm256_cvtepi32_ps(wide), m));
  }
}

CK_AVX2 void ck_dequant_q4_0_avx2(const void *restrict src, float *restrict y, int64_t n) {
  const ck_block_q4_0 *b = (const ck_block_q4_0 *)src;
  for (int64_t i = 0; i < n / CK_QK; i++, y += CK_QK) {
    const __m256 d = _mm256_broadcastss_ps(ck_h2f_pair(b[i].d, 0));
    const __m256i q = _mm256_sub_epi8(ck_unpack_nibbles(b[i].qs), _mm256_set1_epi8(8));
    store_scaled(q, 1, d, _mm256_setzero_ps(), y);
  }
}

CK_AVX2 void ck_dequant_q4_1_avx2(const void *restrict src, float *restrict y, int64_t n) {
  const ck_block_q4_1 *b = (const ck_block_q4_1 *)src;
  for (int64_t i = 0; i < n / CK_QK; i++, y += CK_QK) {
    const __m128 dm = ck_h2f_pair(b[i].d, b[i].m);
    const __m256 d = _mm256_broadcastss_ps(dm), m = _mm256_broadcastss_ps(_mm_movehdup_ps(dm));
    store_scaled(ck_unpack_nibbles(b[i].qs), 0, d, m, y);
  }
}

CK_AVX2 void ck_dequant_q8_0_avx2(const void *restrict src, float *restrict y, int64_t n) {
  const ck_block_q8_0 *b = (const ck_block_q8_0 *)src;
  for (int64_t i = 0; i < n / CK_QK; i++, y += CK_QK) {
    const __m256 d = _mm256_broadcastss_ps(ck_h2f_pair(b[i].d, 0));
    store_scaled(_mm256_loadu_si256((const __m256i *)b[i].qs), 1, d, _mm256_setzero_ps(), y);
  }
}
#endif // CK_X86
