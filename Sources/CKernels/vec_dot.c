// Dot-product dispatch by weight type and CPU path, and the row-range matrix-vector product.
#include "arch.h"
#include "blocks.h"
#include "ckernels.h"
#include "dequant.h"
#include "vec_dot.h"

uint32_t ck_vec_dot_type(uint32_t weight_type) {
  switch (weight_type) {
  case CK_F32: case CK_F16: case CK_BF16: return CK_F32;
  case CK_Q4_0: case CK_Q5_0: case CK_Q8_0: return CK_Q8_0;
  case CK_Q4_1: case CK_Q5_1: return CK_Q8_1;
  case CK_Q4_K: case CK_Q5_K: case CK_Q6_K: return CK_Q8_K;
  default: return CK_TYPE_NONE;
  }
}

/// The kernel for a weight type on a path (NULL when unsupported); AUTO picks AVX2 when present.
static ck_dot_fn dot_fn(uint32_t weight_type, int path) {
  const int avx2 = path == CK_PATH_AVX2 || (path == CK_PATH_AUTO && ck_use_avx2());
#define CK_PICK(name) return CK_AVX2_OR(avx2, ck_dot_##name##_avx2, ck_dot_##name##_scalar)
  switch (weight_type) {
  case CK_F32: CK_PICK(f32);
  case CK_F16: CK_PICK(f16);
  case CK_BF16: CK_PICK(bf16);
  case CK_Q4_0: CK_PICK(q4_0);
  case CK_Q4_1: CK_PICK(q4_1);
  case CK_Q5_0: CK_PICK(q5_0);
  case CK_Q5_1: CK_PICK(q5_1);
  case CK_Q8_0: CK_PICK(q8_0);
  case CK_Q4_K: CK_PICK(q4_K);
  case CK_Q5_K: CK_PICK(q5_K);
  case CK_Q6_K: CK_PICK(q6_K);
  default: return NULL;
  }
#undef CK_PICK
}

/// Checks type, length and path; returns the kernel or NULL with *status set.
static ck_dot_fn checked_fn(uint32_t weight_type, int64_t n, int path, int *status) {
  ck_dot_fn fn = dot_fn(weight_type, path);
  const int64_t bs = ck_block_size(weight_type);
  if (fn == NULL) *status = CK_ERR_UNSUPPORTED_TYPE;
  else if (n < 0 || n % bs != 0 || n % ck_block_size(ck_vec_dot_type(weight_type)) != 0) *status = CK_ERR_BAD_LENGTH;
  else if (path == CK_PATH_AVX2 && !ck_use_avx2()) *status = CK_ERR_UNSUPPORTED_PATH;
  else if (path < CK_PATH_AUTO || path > CK_PATH_AVX2) *status = CK_ERR_UNSUPPORTED_PATH;
  else *status = CK_OK;
  return *status == CK_OK ? fn : NULL;
}

int ck_vec_dot_path(uint32_t weight_type, int64_t n, const void *w, const void *xq, float *out, int path) {
  int status;
  ck_dot_fn fn = checked_fn(weight_type, n, path, &status);
  if (fn) *out = fn(n, w, xq);
  return status;
}

int ck_vec_dot(uint32_t weight_type, int64_t n, const void *w, const void *xq, float *out) {
  return ck_vec_dot_path(weight_type, n, w, xq, out, CK_PATH_AUTO);
}

int ck_matvec_path(uint32_t weight_type, const void *w, size_t row_stride, const void *xq, float *y,
                   int64_t row_begin, int64_t row_end, int64_t cols, int path) {
  int status;
  ck_dot_fn fn = checked_fn(weight_type, cols, path, &status);
  if (!fn) return status;
  const uint8_t *base = (const uint8_t *)w;
  for (int64_t r = row_begin; r < row_end; r++) y[r] = fn(cols, base + (size_t)r * row_stride, xq); // one row
  return CK_OK;
}

int ck_matvec(uint32_t weight_type, const void *w, size_t row_stride, const void *xq, float *y,
              int64_t row_begin, int64_t row_end, int64_t cols) {
  return ck_matvec_path(weight_type, w, row_stride, xq, y, row_begin, row_end, cols, CK_PATH_AUTO);
}

int ck_matmul(uint32_t weight_type, const void *w, size_t row_stride, const void *xq, size_t xq_stride,
              int64_t tokens, float *y, int64_t y_stride, int64_t row_begin, int64_t row_end, int64_t cols) {
  int status;
  ck_dot_fn fn = checked_fn(weight_type, cols, CK_PATH_AUTO, &status);
  if (!fn) return status;
  const uint8_t *base = (const uint8_t *)w, *xs = (const uint8_t *)xq;
  for (int64_t r = row_begin; r < row_end; r++) { // each weight row stays in L1 across the tokens
    const void *row = base + (size_t)r * row_stride;
    for (int64_t t = 0; t < tokens; t++) y[t * y_stride + r] = fn(cols, row, xs + (size_t)t * xq_stride);
  }
  return CK_OK;
}
