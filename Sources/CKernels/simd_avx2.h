// Private: small AVX2 helpers shared by the vectorised kernels; empty off x86 (guard users with
// #if CK_X86).
#pragma once
#include "arch.h"

#if CK_X86
#include <immintrin.h>

#define CK_AVX2 __attribute__((target("avx2,fma,f16c")))

/// Sum of the 8 lanes of a float vector.
CK_AVX2 static inline float ck_hsum_ps(__m256 v) {
  __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
  s = _mm_add_ps(s, _mm_movehl_ps(s, s));
  s = _mm_add_ss(s, _mm_movehdup_ps(s));
  return _mm_cvtss_f32(s);
}

/// Unsigned bytes u times signed bytes y, summed in adjacent groups of 4 into 8 int32 lanes.
CK_AVX2 static inline __m256i ck_dot_u8_i8(__m256i u, __m256i y) {
  return _mm256_madd_epi16(_mm256_maddubs_epi16(u, y), _mm256_set1_epi16(1));
}

/// Signed bytes x times signed bytes y (|x| <= 127 or y small), summed in groups of 4 into int32.
CK_AVX2 static inline __m256i ck_dot_i8_i8(__m256i x, __m256i y) {
  return ck_dot_u8_i8(_mm256_sign_epi8(x, x), _mm256_sign_epi8(y, x)); // move x's sign onto y
}

/// 16 packed bytes of nibbles to 32 bytes: low nibbles in the low lane, high nibbles in the high lane.
CK_AVX2 static inline __m256i ck_unpack_nibbles(const uint8_t *qs) {
  const __m128i q = _mm_loadu_si128((const __m128i *)qs);
  const __m256i v = _mm256_set_m128i(_mm_srli_epi16(q, 4), q);
  return _mm256_and_si256(v, _mm256_set1_epi8(0x0f));
}

/// 32 bits to 32 bytes: byte i is 0xff when bit i of `bits` is set, else 0.
CK_AVX2 static inline __m256i ck_bits_to_bytes(uint32_t bits) {
  const __m256i spread = _mm256_setr_epi64x(0, 0x0101010101010101LL, 0x0202020202020202LL,
                                            0x0303030303030303LL); // byte i <- byte i/8
  const __m256i v = _mm256_shuffle_epi8(_mm256_set1_epi32((int)bits), spread);
  const __m256i mask = _mm256_set1_epi64x((long long)0x8040201008040201ULL); // bit i%8
  return _mm256_cmpeq_epi8(_mm256_and_si256(v, mask), mask);
}

/// Two halves (lo, hi) to floats with F16C. Converting the pair through one 32-bit movd keeps
/// the compiler from inserting into a live register (a false dependency on the accumulator).
CK_AVX2 static inline __m128 ck_h2f_pair(uint16_t lo, uint16_t hi) {
  return _mm_cvtph_ps(_mm_cvtsi32_si128((int)((uint32_t)lo | (uint32_t)hi << 16)));
}

/// The product of two half-precision scales, as a float.
CK_AVX2 static inline float ck_h2f_product(uint16_t a, uint16_t b) {
  const __m128 f = ck_h2f_pair(a, b);
  return _mm_cvtss_f32(_mm_mul_ss(f, _mm_movehdup_ps(f)));
}
#endif // CK_X86
