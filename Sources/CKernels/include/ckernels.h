// Hot numeric kernels for the inference engine: quantised block decoding and dot products.
//
// Types are ggml's `enum ggml_type` numbers (F32 0, F16 1, Q4_0 2, Q4_1 3, Q5_0 6, Q5_1 7, Q8_0 8,
// Q8_1 9, Q4_K 12, Q5_K 13, Q6_K 14, Q8_K 15, BF16 30); byte layouts are exactly ggml's.
// Row lengths n are counted in values and must be whole numbers of blocks.
#pragma once
#include <stddef.h>
#include <stdint.h>

/// Status codes returned by the kernels.
enum {
  CK_OK = 0,
  CK_ERR_UNSUPPORTED_TYPE = -1, ///< the ggml type has no kernel here
  CK_ERR_BAD_LENGTH = -2,       ///< n is negative or not a multiple of the type's block size
};

/// Returns 1 when the CPU has AVX2 and FMA (the fast paths), 0 otherwise.
int ck_has_avx2_fma(void);

/// Values per block of a ggml type (1 for float formats); 0 when the type is unsupported.
int64_t ck_block_size(uint32_t type);
/// Bytes of a row of n values of a ggml type; 0 when unsupported or n is not whole blocks.
size_t ck_row_bytes(uint32_t type, int64_t n);

/// Decodes n values of a row in ggml type `type` into floats; returns CK_OK or a CK_ERR_ code.
int ck_dequantize_row(uint32_t type, const void *src, float *dst, int64_t n);

/// IEEE binary16 to float (exact, subnormals/inf/NaN included).
float ck_f16_to_f32(uint16_t h);
/// Float to IEEE binary16, round to nearest even.
uint16_t ck_f32_to_f16(float f);
/// bfloat16 to float.
float ck_bf16_to_f32(uint16_t h);
