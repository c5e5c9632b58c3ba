// AVX2 dot products of the 32-value block formats with Q8_0 / Q8_1 activations.
#include "blocks.h"
#include "simd_avx2.h"
#include "vec_dot.h"

#if CK_X86 // the whole file is AVX2 code

CK_AVX2 float ck_dot_q4_0_avx2(int64_t n, const void *w, const void *x) {
  const ck_block_q4_0 *a = (const ck_block_q4_0 *)w;
  const ck_block_q8_0 *b = (const ck_block_q8_0 *)x;
  __m256 acc = _mm256_setzero_ps();
  for (int64_t i = 0; i < n / CK_QK; i++) {
    const __m256i q = _mm256_sub_epi8(ck_unpack_nibbles(a[i].qs), _mm256_set1_epi8(8)); // -8..7
    const __m256i y = _mm256_loadu_si256((const __m256i *)b[i].qs);
    const __m256 d = _mm256_set1_ps(ck_h2f_product(a[i].d, b[i].d));
    acc = _mm256_fmadd_ps(d, _mm256_cvtepi32_ps(ck_dot_i8_i8(q, y)), acc);
  }
  return ck_hsum_ps(acc);
}

/// [d_w, m_w, d_x, s_x] of a Q4_1/Q5_1 block and its Q8_1 activation: two 32-bit loads, one convert.
CK_AVX2 static inline __m128 scales_4x(const void *w, const void *x) {
  uint32_t a, b;
  memcpy(&a, w, 4); // d, m are the first two halves of both block types
  memcpy(&b, x, 4); // d, s
  return _mm_cvtph_ps(_mm_insert_epi32(_mm_cvtsi32_si128((int)a), (int)b, 1));
}

CK_AVX2 float ck_dot_q4_1_avx2(int64_t n, const void *w, const void *x) {
  const ck_block_q4_1 *a = (const ck_block_q4_1 *)w;
  const ck_block_q8_1 *b = (const ck_block_q8_1 *)x;
  __m256 acc = _mm256_setzero_ps();
  __m128 offsets = _mm_setzero_ps(); // lane 1 sums block minimum × Σ activations
  for (int64_t i = 0; i < n / CK_QK; i++) {
    const __m128 f = scales_4x(a + i, b + i);
    const __m128 p = _mm_mul_ps(f, _mm_movehl_ps(f, f)); // [d_w·d_x, m_w·s_x, …]
    const __m256i q = ck_unpack_nibbles(a[i].qs); // 0..15, unsigned
    const __m256i y = _mm256_loadu_si256((const __m256i *)b[i].qs);
    acc = _mm256_fmadd_ps(_mm256_broadcastss_ps(p), _mm256_cvtepi32_ps(ck_dot_u8_i8(q, y)), acc);
    offsets = _mm_add_ps(offsets, p);
  }
  return ck_hsum_ps(acc) + _mm_cvtss_f32(_mm_movehdup_ps(offsets));
}

CK_AVX2 float ck_dot_q5_0_avx2(int64_t n, const void *w, const void *x) {
  const ck_block_q5_0 *a = (const ck_block_q5_0 *)w;
  const ck_block_q8_0 *b = (const ck_block_q8_0 *)x;
  __m256 acc = _mm256_setzero_ps();
  for (int64_t i = 0; i < n / CK_QK; i++) {
    uint32_t qh;
    memcpy(&qh, a[i].qh, 4);
    // (nibble | bit << 4) - 16 == nibble - 16 when the bit is clear, i.e. nibble | 0xf0 as int8.
    const __m256i clear = _mm256_andnot_si256(ck_bits_to_bytes(qh), _mm256_set1_epi8((char)0xf0));
    const __m256i q = _mm256_or_si256(ck_unpack_nibbles(a[i].qs), clear);
    const __m256i y = _mm256_loadu_si256((const __m256i *)b[i].qs);
    const __m256 d = _mm256_set1_ps(ck_h2f_product(a[i].d, b[i].d));
    acc = _mm256_fmadd_ps(d, _mm256_cvtepi32_ps(ck_dot_i8_i8(q, y)), acc);
  }
  return ck_hsum_ps(acc);
}

CK_AVX2 float ck_dot_q5_1_avx2(int64_t n, const void *w, const void *x) {
  const ck_block_q5_1 *a = (const ck_block_q5_1 *)w;
  const ck_block_q8_1 *b = (const ck_block_q8_1 *)x;
  __m256 acc = _mm256_setzero_ps();
  __m128 offsets = _mm_setzero_ps();
  for (int64_t i = 0; i < n / CK_QK; i++) {
    uint32_t qh;
    memcpy(&qh, a[i].qh, 4);
    const __m128 f = scales_4x(a + i, b + i);
    const __m128 p = _mm_mul_ps(f, _mm_movehl_ps(f, f));
    const __m256i high = _mm256_and_si256(ck_bits_to_bytes(qh), _mm256_set1_epi8(0x10));
    const __m256i q = _mm256_or_si256(ck_unpack_nibbles(a[i].qs), high); // 0..31
    const __m256i y = _mm256_loadu_si256((const __m256i *)b[i].qs);
    acc = _mm256_fmadd_ps(_mm256_broadcastss_ps(p), _mm256_cvtepi32_ps(ck_dot_u8_i8(q, y)), acc);
    offsets = _mm_add_ps(offsets, p);
  }
  return ck_hsum_ps(acc) + _mm_cvtss_f32(_mm_movehdup_ps(offsets));
}

CK_AVX2 float ck_dot_q8_0_avx2(int64_t n, const void *w, const void *x) {
  const ck_block_q8_0 *a = (const ck_block_q8_0 *)w;
  const ck_block_q8_0 *b = (const ck_block_q8_0 *)x;
  __m256 acc = _mm256_setzero_ps();
  for (int64_t i = 0; i < n / CK_QK; i++) {
    const __m256i q = _mm256_loadu_si256((const __m256i *)a[i].qs);
    const __m256i y = _mm256_loadu_si256((const __m256i *)b[i].qs);
    const __m256 d = _mm256_set1_ps(ck_h2f_product(a[i].d, b[i].d));
    acc = _mm256_fmadd_ps(d, _mm256_cvtepi32_ps(ck_dot_i8_i8(q, y)), acc);
  }
  return ck_hsum_ps(acc);
}
#endif // CK_X86
