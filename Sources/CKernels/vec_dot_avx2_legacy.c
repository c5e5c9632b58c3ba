// AVX2 dot products of the 32-value block formats with Q8_0 / Q8_1 activations.
#include "blocks.h"
#include "simd_avx2.h"
#include "vec_dot.h"

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

CK_AVX2 float ck_dot_q4_1_avx2(int64_t n, const void *w, const void *x) {
  const ck_block_q4_1 *a = (const ck_block_q4_1 *)w;
  const ck_block_q8_1 *b = (const ck_block_q8_1 *)x;
  __m256 acc = _mm256_setzero_ps();
  float offsets = 0.0f;
  for (int64_t i = 0; i < n / CK_QK; i++) {
    const __m256i q = ck_unpack_nibbles(a[i].qs); // 0..15, unsigned
    const __m256i y = _mm256_loadu_si256((const __m256i *)b[i].qs);
    const __m256 d = _mm256_set1_ps(ck_h2f_product(a[i].d, b[i].d));
    acc = _mm256_fmadd_ps(d, _mm256_cvtepi32_ps(ck_dot_u8_i8(q, y)), acc);
    offsets += ck_h2f_product(a[i].m, b[i].s); // block minimum × Σ activations
  }
  return ck_hsum_ps(acc) + offsets;
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
  float offsets = 0.0f;
  for (int64_t i = 0; i < n / CK_QK; i++) {
    uint32_t qh;
    memcpy(&qh, a[i].qh, 4);
    const __m256i high = _mm256_and_si256(ck_bits_to_bytes(qh), _mm256_set1_epi8(0x10));
    const __m256i q = _mm256_or_si256(ck_unpack_nibbles(a[i].qs), high); // 0..31
    const __m256i y = _mm256_loadu_si256((const __m256i *)b[i].qs);
    const __m256 d = _mm256_set1_ps(ck_h2f_product(a[i].d, b[i].d));
    acc = _mm256_fmadd_ps(d, _mm256_cvtepi32_ps(ck_dot_u8_i8(q, y)), acc);
    offsets += ck_h2f_product(a[i].m, b[i].s);
  }
  return ck_hsum_ps(acc) + offsets;
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
