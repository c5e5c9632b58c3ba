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
  CK_ERR_UNSUPPORTED_PATH = -3, ///< the requested CPU path is not available on this machine
};

/// Returned by ck_vec_dot_type for weight types without a dot product.
#define CK_TYPE_NONE UINT32_MAX

/// Which implementation a kernel call uses; AUTO takes AVX2 when ck_use_avx2() says so.
enum { CK_PATH_AUTO = 0, CK_PATH_SCALAR = 1, CK_PATH_AVX2 = 2 };

/// 1 when the CPU has AVX2, FMA and F16C (the set the fast paths use); always 0 off x86.
int ck_cpu_has_avx2(void);
/// 1 when `value` (RAGLAB_NO_SIMD's, NULL if unset) turns SIMD off: non-empty and not "0".
int ck_no_simd_requested(const char *value);
/// 1 when the kernels take their AVX2 paths: ck_cpu_has_avx2() and RAGLAB_NO_SIMD not set
/// (read once, at the first call). CK_PATH_AVX2 requests fail with CK_ERR_UNSUPPORTED_PATH otherwise.
int ck_use_avx2(void);
/// 1 when ck_use_avx2() and the CPU also has AVX512F and AVX512VL: the 512-bit kernels run (read
/// once).
int ck_use_avx512(void);

/// Values per block of a ggml type (1 for float formats); 0 when the type is unsupported.
int64_t ck_block_size(uint32_t type);
/// Bytes of a row of n values of a ggml type; 0 when unsupported or n is not whole blocks.
size_t ck_row_bytes(uint32_t type, int64_t n);

/// Decodes n values of a row in ggml type `type` into floats; returns CK_OK or a CK_ERR_ code.
int ck_dequantize_row(uint32_t type, const void *src, float *dst, int64_t n);
/// ck_dequantize_row on a chosen CK_PATH_ (tests compare the scalar and AVX2 paths).
int ck_dequantize_row_path(uint32_t type, const void *src, float *dst, int64_t n, int path);

/// IEEE binary16 to float (exact, subnormals/inf/NaN included).
float ck_f16_to_f32(uint16_t h);
/// Float to IEEE binary16, round to nearest even.
uint16_t ck_f32_to_f16(float f);
/// bfloat16 to float.
float ck_bf16_to_f32(uint16_t h);

// MARK: Activation quantisation (round to nearest even, as llama.cpp on x86)

/// Quantises n floats (multiple of 32; otherwise nothing is written) to Q8_0 blocks {f16 d; i8 qs[32]}.
void ck_quantize_row_q8_0(const float *x, void *dst, int64_t n);
/// Quantises n floats (multiple of 32) to Q8_1 blocks {f16 d; f16 s = d·Σqs; i8 qs[32]}.
void ck_quantize_row_q8_1(const float *x, void *dst, int64_t n);
/// Quantises n floats (multiple of 256) to Q8_K blocks {f32 d; i8 qs[256]; i16 bsums[16]}.
void ck_quantize_row_q8_K(const float *x, void *dst, int64_t n);
/// Converts n floats to `type` (F32 copy, F16, Q8_0, Q8_1, Q8_K); returns CK_OK or a CK_ERR_ code.
int ck_quantize_row(uint32_t type, const float *x, void *dst, int64_t n);
/// ck_quantize_row on a chosen CK_PATH_.
int ck_quantize_row_path(uint32_t type, const float *x, void *dst, int64_t n, int path);

// MARK: Dot products and matrix-vector products

/// The activation type a weight type's dot product reads: F32 for F32/F16/BF16 weights, Q8_0 for
/// Q4_0/Q5_0/Q8_0, Q8_1 for Q4_1/Q5_1, Q8_K for Q4_K/Q5_K/Q6_K; CK_TYPE_NONE otherwise.
uint32_t ck_vec_dot_type(uint32_t weight_type);

/// *out = dot of n weights `w` with activations `xq` in ck_vec_dot_type(weight_type); status code.
int ck_vec_dot(uint32_t weight_type, int64_t n, const void *w, const void *xq, float *out);
/// ck_vec_dot on a chosen CK_PATH_ (tests compare the scalar and AVX2 paths).
int ck_vec_dot_path(uint32_t weight_type, int64_t n, const void *w, const void *xq, float *out, int path);

/// y[r] = row r of w · xq for r in [row_begin, row_end); rows are `row_stride` bytes apart and hold
/// `cols` values; xq is the activation in ck_vec_dot_type(weight_type). y is indexed by absolute
/// row, so threads can split one output buffer by row ranges. Returns a status code.
int ck_matvec(uint32_t weight_type, const void *w, size_t row_stride, const void *xq, float *y,
              int64_t row_begin, int64_t row_end, int64_t cols);
/// ck_matvec for `tokens` activations at once: y[t·y_stride + r] = row r of w · activation t, where
/// activation t starts at xq + t·xq_stride bytes. Each weight row is read once for all tokens.
int ck_matmul(uint32_t weight_type, const void *w, size_t row_stride, const void *xq, size_t xq_stride,
              int64_t tokens, float *y, int64_t y_stride, int64_t row_begin, int64_t row_end, int64_t cols);
/// ck_matvec on a chosen CK_PATH_.
int ck_matvec_path(uint32_t weight_type, const void *w, size_t row_stride, const void *xq, float *y,
                   int64_t row_begin, int64_t row_end, int64_t cols, int path);
