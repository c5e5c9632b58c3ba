// The 256-bit int8 GEMM with AVX2's vpmaddubsw + vpmaddwd (weights with u ≤ 127, so no pair of
// products saturates 16 bits: 2·127·127 < 32767).
#include "gemm_i8_simd.h"

#if CK_X86
#define CK_I8_TARGET __attribute__((target("avx2,fma,f16c")))
#define CK_I8_DOT(acc, w, x) \
  ((acc) = _mm256_add_epi32((acc), _mm256_madd_epi16(_mm256_maddubs_epi16((w), (x)), _mm256_set1_epi16(1))))
#define CK_I8_NAME ck_i8_gemm_avx2
#include "gemm_i8_avx2_body.h"
#endif
