// Int8 prefill: weights repacked once into unsigned bytes with a float scale and offset per
// sub-block, activations quantised per block of 32, multiplied with int8 dot-product instructions.
//
// A weight w of row r in sub-block s is exactly d[r][s]·u + m[r][s] with u an unsigned byte (the
// format's quant, shifted to be non-negative). An activation x of token t in block b is ≈ dx[t][b]·q
// with q a signed byte (|q| ≤ 127). So row r · token t =
//   Σ_s d[r][s]·dx[t][b(s)]·Σ_{i∈s} u_i·q_i + m[r][s]·sx[t][s],  sx = dx·Σ_{i∈s} q_i,
// where the inner sums are exact integers (VNNI `vpdpbusd`, or AVX2 `vpmaddubsw`+`vpmaddwd`).
#pragma once
#include <stddef.h>
#include <stdint.h>

/// Rows per packed group: the 16 int32 lanes of one 512-bit register.
#define CK_I8_GROUP 16

/// The int8 kernels a call can use.
enum {
  CK_I8_NONE = 0,       ///< no int8 path on this CPU (or RAGLAB_NO_SIMD): use F32
  CK_I8_SCALAR = 1,     ///< portable C, the reference the tests compare against
  CK_I8_AVX2 = 2,       ///< vpmaddubsw + vpmaddwd (weights with u ≤ 127 only: not Q8_0)
  CK_I8_AVX_VNNI = 3,   ///< 256-bit vpdpbusd (VEX)
  CK_I8_AVX512_VNNI = 4 ///< 512-bit vpdpbusd
};

/// A weight matrix repacked for the int8 kernels. Row group g, quad k (4 consecutive columns) holds
/// 16 rows × 4 bytes at q + (g·cols/4 + k)·64; d and m hold 16 floats per (group, sub-block).
typedef struct {
  int64_t rows, cols; ///< logical shape (cols a multiple of 32)
  int64_t groups;     ///< ⌈rows / 16⌉; padding rows are zero
  int32_t sub;        ///< columns per scale: 32, or 16 (Q6_K)
  int32_t max_u;      ///< largest stored byte (255 for Q8_0, which plain AVX2 cannot take)
  uint8_t *q;         ///< groups · cols · 16 bytes, 64-byte aligned
  float *d, *m;       ///< groups · (cols / sub) · 16 floats each
} ck_packed_i8;

/// Activations of `tokens` rows of `cols` values (a multiple of 32) quantised for the kernels.
typedef struct {
  int64_t tokens, cols;
  int8_t *q;  ///< tokens · cols quants
  float *d;   ///< tokens · cols/32 scales
  float *s16; ///< tokens · cols/16: d · Σ of each 16 quants
  float *s32; ///< tokens · cols/32: d · Σ of each 32 quants
} ck_act_i8;

/// The best int8 path of this CPU (CK_I8_NONE when RAGLAB_NO_SIMD is set or no AVX2), overridden by
/// RAGLAB_INT8_PATH=avx2|avx-vnni|avx512-vnni (for benchmarks; a path the CPU lacks gives NONE).
int ck_i8_best_path(void);
/// Whether the CPU can run `path` (SCALAR always can).
int ck_i8_path_supported(int path);
/// A short name of a path: "scalar", "AVX2", "AVX-VNNI", "AVX512-VNNI", "none".
const char *ck_i8_path_name(int path);
/// Whether the int8 path can pack weights of this ggml type.
int ck_i8_packs_type(uint32_t type);

/// Repacks `rows` rows (each `row_stride` bytes, `cols` values of ggml `type`) into `out`, whose
/// buffers the caller allocates with the sizes ck_i8_packed_bytes reports. Status code (ckernels.h).
int ck_i8_pack(uint32_t type, const void *w, size_t row_stride, int64_t rows, int64_t cols,
               ck_packed_i8 *out);
/// Bytes of the q buffer, and floats of each of d and m, of a packed rows × cols matrix of `type`.
int ck_i8_packed_sizes(uint32_t type, int64_t rows, int64_t cols, size_t *q_bytes, size_t *scale_floats);

/// Quantises rows [t0, t1) of x (row t at x + t·x_stride floats) into `a` (buffers sized by the
/// caller: tokens·cols, tokens·cols/32, tokens·cols/16, tokens·cols/32).
void ck_i8_quantize_rows(const float *x, int64_t x_stride, int64_t t0, int64_t t1, ck_act_i8 *a);

/// y[t·y_stride + r] = row r of w · token t for every token and the rows of groups [g0, g1).
/// Returns CK_OK, or CK_ERR_UNSUPPORTED_PATH when the CPU lacks `path` or the path cannot take the
/// weights (AVX2 with max_u > 127), or CK_ERR_BAD_LENGTH on mismatched shapes.
int ck_i8_gemm(int path, const ck_packed_i8 *w, const ck_act_i8 *a, float *y, int64_t y_stride,
               int64_t g0, int64_t g1);
