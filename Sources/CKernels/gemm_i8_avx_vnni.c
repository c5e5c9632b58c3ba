// The 256-bit int8 GEMM with AVX-VNNI's vpdpbusd (VEX): any weight byte, no saturation.
#include "gemm_i8_simd.h"

#if CK_X86
#define CK_I8_TARGET __attribute__((target("avx2,fma,f16c,avxvnni")))
#define CK_I8_DOT(acc, w, x) ((acc) = _mm256_dpbusd_avx_epi32((acc), (w), (x)))
#define CK_I8_NAME ck_i8_gemm_avx_vnni
#include "gemm_i8_avx2_body.h"
#endif
