// Row dequantisation dispatch by ggml type, plus type geometry queries.
#include "arch.h"
#include "blocks.h"
#include "ckernels.h"
#include "dequant.h"

int64_t ck_block_size(uint32_t type) {
  switch (type) {
  case CK_F32: case CK_F16: case CK_BF16: return 1;
  case CK_Q4_0: case CK_Q4_1: case CK_Q5_0: case CK_Q5_1: case CK_Q8_0: case CK_Q8_1: return CK_QK;
  case CK_Q4_K: case CK_Q5_K: case CK_Q6_K: case CK_Q8_K: return CK_QK_K;
  default: return 0;
  }
}

size_t ck_row_bytes(uint32_t type, int64_t n) {
  size_t bytes;
  switch (type) {
  case CK_F32: bytes = 4; break;
  case CK_F16: case CK_BF16: bytes = 2; break;
  case CK_Q4_0: bytes = sizeof(ck_block_q4_0); break;
  case CK_Q4_1: bytes = sizeof(ck_block_q4_1); break;
  case CK_Q5_0: bytes = sizeof(ck_block_q5_0); break;
  case CK_Q5_1: bytes = sizeof(ck_block_q5_1); break;
  case CK_Q8_0: bytes = sizeof(ck_block_q8_0); break;
  case CK_Q8_1: bytes = sizeof(ck_block_q8_1); break;
  case CK_Q4_K: bytes = sizeof(ck_block_q4_K); break;
  case CK_Q5_K: bytes = sizeof(ck_block_q5_K); break;
  case CK_Q6_K: bytes = sizeof(ck_block_q6_K); break;
  case CK_Q8_K: bytes = sizeof(ck_block_q8_K); break;
  default: return 0;
  }
  const int64_t bs = ck_block_size(type);
  if (n < 0 || n % bs != 0) return 0;
  return (size_t)(n / bs) * bytes;
}

int ck_dequantize_row_path(uint32_t type, const void *src, float *dst, int64_t n, int path) {
  const int64_t bs = ck_block_size(type);
  if (bs == 0) return CK_ERR_UNSUPPORTED_TYPE;
  if (n < 0 || n % bs != 0) return CK_ERR_BAD_LENGTH;
  if (path < CK_PATH_AUTO || path > CK_PATH_AVX2 || (path == CK_PATH_AVX2 && !ck_use_avx2()))
    return CK_ERR_UNSUPPORTED_PATH;
  const int avx2 = path == CK_PATH_AVX2 || (path == CK_PATH_AUTO && ck_use_avx2());
  switch (type) {
  case CK_F32: ck_dequant_f32(src, dst, n); break;
  case CK_F16: ck_dequant_f16(src, dst, n, avx2); break;
  case CK_BF16: ck_dequant_bf16(src, dst, n); break;
  case CK_Q4_0: CK_AVX2_OR(avx2, ck_dequant_q4_0_avx2, ck_dequant_q4_0)(src, dst, n); break;
  case CK_Q4_1: CK_AVX2_OR(avx2, ck_dequant_q4_1_avx2, ck_dequant_q4_1)(src, dst, n); break;
  case CK_Q5_0: ck_dequant_q5_0(src, dst, n); break;
  case CK_Q5_1: ck_dequant_q5_1(src, dst, n); break;
  case CK_Q8_0: CK_AVX2_OR(avx2, ck_dequant_q8_0_avx2, ck_dequant_q8_0)(src, dst, n); break;
  case CK_Q8_1: ck_dequant_q8_1(src, dst, n); break;
  case CK_Q4_K: ck_dequant_q4_K(src, dst, n); break;
  case CK_Q5_K: ck_dequant_q5_K(src, dst, n); break;
  case CK_Q6_K: ck_dequant_q6_K(src, dst, n); break;
  case CK_Q8_K: ck_dequant_q8_K(src, dst, n); break;
  default: return CK_ERR_UNSUPPORTED_TYPE;
  }
  return CK_OK;
}

int ck_dequantize_row(uint32_t type, const void *src, float *dst, int64_t n) {
  return ck_dequantize_row_path(type, src, dst, n, CK_PATH_AUTO);
}

float ck_f16_to_f32(uint16_t h) { return ck_h2f(h); }
uint16_t ck_f32_to_f16(float f) { return ck_f2h(f); }
float ck_bf16_to_f32(uint16_t h) { return ck_bf2f(h); }
