// Private: per-format row dequantisers (n is a whole number of blocks), AVX2 variants on x86.
#pragma once
#include <stdint.h>

#include "arch.h"

void ck_dequant_f32(const void *src, float *y, int64_t n);
void ck_dequant_f16(const void *src, float *y, int64_t n, int avx2);
void ck_dequant_bf16(const void *src, float *y, int64_t n);
void ck_dequant_q4_0(const void *src, float *y, int64_t n);
void ck_dequant_q4_1(const void *src, float *y, int64_t n);
void ck_dequant_q5_0(const void *src, float *y, int64_t n);
void ck_dequant_q5_1(const void *src, float *y, int64_t n);
void ck_dequant_q8_0(const void *src, float *y, int64_t n);
void ck_dequant_q8_1(const void *src, float *y, int64_t n);
void ck_dequant_q4_K(const void *src, float *y, int64_t n);
void ck_dequant_q5_K(const void *src, float *y, int64_t n);
void ck_dequant_q6_K(const void *src, float *y, int64_t n);
void ck_dequant_q8_K(const void *src, float *y, int64_t n);

#if CK_X86
void ck_dequant_q4_0_avx2(const void *src, float *y, int64_t n);
void ck_dequant_q4_1_avx2(const void *src, float *y, int64_t n);
void ck_dequant_q8_0_avx2(const void *src, float *y, int64_t n);
#endif
