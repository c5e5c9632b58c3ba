// Private: dot products of one weight row with one activation row, scalar and AVX2 variants.
#pragma once
#include <stdint.h>

#include "arch.h"

/// Dot of n weights (a weight format) with n activations (its vec-dot format).
typedef float (*ck_dot_fn)(int64_t n, const void *w, const void *x);

float ck_dot_f32_scalar(int64_t n, const void *w, const void *x);
float ck_dot_f16_scalar(int64_t n, const void *w, const void *x);
float ck_dot_bf16_scalar(int64_t n, const void *w, const void *x);
float ck_dot_q4_0_scalar(int64_t n, const void *w, const void *x);
float ck_dot_q4_1_scalar(int64_t n, const void *w, const void *x);
float ck_dot_q5_0_scalar(int64_t n, const void *w, const void *x);
float ck_dot_q5_1_scalar(int64_t n, const void *w, const void *x);
float ck_dot_q8_0_scalar(int64_t n, const void *w, const void *x);
float ck_dot_q4_K_scalar(int64_t n, const void *w, const void *x);
float ck_dot_q5_K_scalar(int64_t n, const void *w, const void *x);
float ck_dot_q6_K_scalar(int64_t n, const void *w, const void *x);

#if CK_X86
float ck_dot_f32_avx2(int64_t n, const void *w, const void *x);
float ck_dot_f16_avx2(int64_t n, const void *w, const void *x);
float ck_dot_bf16_avx2(int64_t n, const void *w, const void *x);
float ck_dot_q4_0_avx2(int64_t n, const void *w, const void *x);
float ck_dot_q4_1_avx2(int64_t n, const void *w, const void *x);
float ck_dot_q5_0_avx2(int64_t n, const void *w, const void *x);
float ck_dot_q5_1_avx2(int64_t n, const void *w, const void *x);
float ck_dot_q8_0_avx2(int64_t n, const void *w, const void *x);
float ck_dot_q4_K_avx2(int64_t n, const void *w, const void *x);
float ck_dot_q5_K_avx2(int64_t n, const void *w, const void *x);
float ck_dot_q6_K_avx2(int64_t n, const void *w, const void *x);
#endif
