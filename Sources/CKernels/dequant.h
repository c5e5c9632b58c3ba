// Private: per-format row dequantisers (n is a whole number of blocks) and the dispatch flag.
#pragma once
#include <stdint.h>

/// 1 when the AVX2/FMA/F16C paths may run (cached ck_has_avx2_fma()).
int ck_use_avx2(void);

void ck_dequant_f32(const void *src, float *y, int64_t n);
void ck_dequant_f16(const void *src, float *y, int64_t n);
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
