// Hot numeric kernels for the inference engine: quantised block decoding and dot products.
#pragma once
#include <stddef.h>
#include <stdint.h>

/// Returns 1 when the CPU has AVX2 and FMA (the fast paths), 0 otherwise.
int ck_has_avx2_fma(void);
