// Private: the x86 int8 GEMM kernels (same contract as ck_i8_gemm, shapes already checked).
#pragma once
#include "arch.h"
#include "ckgemm.h"

#if CK_X86
/// 256-bit kernel with vpmaddubsw + vpmaddwd (weights with u ≤ 127).
void ck_i8_gemm_avx2(const ck_packed_i8 *w, const ck_act_i8 *a, float *y, int64_t ys, int64_t g0, int64_t g1);
/// 256-bit kernel with VEX vpdpbusd.
void ck_i8_gemm_avx_vnni(const ck_packed_i8 *w, const ck_act_i8 *a, float *y, int64_t ys, int64_t g0, int64_t g1);
/// 512-bit kernel with EVEX vpdpbusd.
void ck_i8_gemm_avx512_vnni(const ck_packed_i8 *w, const ck_act_i8 *a, float *y, int64_t ys, int64_t g0,
                            int64_t g1);
#endif
