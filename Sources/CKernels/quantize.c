// Activation quantisation to Q8_0, Q8_1 and Q8_K, the formats the quantised dot products read.
//
// Rounding is to nearest, ties to even (as llama.cpp's x86 paths do), so activations quantise
// to the same integers llama.cpp feeds its own dot products.
#include <math.h>

#include "blocks.h"
#include "ckernels.h"

static float max_abs(const float *x, int n) {
  float m = 0.0f;
  for (int j = 0; j < n; j++) m = fmaxf(m, fabsf(x[j]));
  return m;
}

void ck_quantize_row_q8_0(const float *x, void *dst, int64_t n) {
  ck_block_q8_0 *b = (ck_block_q8_0 *)dst;
  for (int64_t i = 0; i < n / CK_QK; i++, b++, x += CK_QK) {
    const float amax = max_abs(x, CK_QK);
    const float id = amax != 0.0f ? 127.0f / amax : 0.0f; // scale so that the largest maps to ±127
    b->d = ck_f2h(amax / 127.0f);
    for (int j = 0; j < CK_QK; j++) b->qs[j] = (int8_t)nearbyintf(x[j] * id);
  }
}

void ck_quantize_row_q8_1(const float *x, void *dst, int64_t n) {
  ck_block_q8_1 *b = (ck_block_q8_1 *)dst;
  for (int64_t i = 0; i < n / CK_QK; i++, b++, x += CK_QK) {
    const float amax = max_abs(x, CK_QK);
    const float d = amax / 127.0f, id = amax != 0.0f ? 127.0f / amax : 0.0f;
    int sum = 0;
    for (int j = 0; j < CK_QK; j++) {
      b->qs[j] = (int8_t)nearbyintf(x[j] * id);
      sum += b->qs[j];
    }
    b->d = ck_f2h(d);
    b->s = ck_f2h(d * (float)sum); // lets a dot product add the weight block's offset in O(1)
  }
}

// Q8_K: one float scale per 256 values, chosen so the value of largest magnitude maps to -127
// (sign included, as ggml does); bsums hold the sums of each 16 quants for the k-quant offsets.
void ck_quantize_row_q8_K(const float *x, void *dst, int64_t n) {
  ck_block_q8_K *b = (ck_block_q8_K *)dst;
  for (int64_t i = 0; i < n / CK_QK_K; i++, b++, x += CK_QK_K) {
    float amax = 0.0f, max = 0.0f;
    for (int j = 0; j < CK_QK_K; j++) {
      const float ax = fabsf(x[j]);
      if (ax > amax) {
        amax = ax;
        max = x[j];
      }
    }
    if (amax == 0.0f) {
      memset(b, 0, sizeof(*b));
      continue;
    }
    const float iscale = -127.0f / max;
    for (int j = 0; j < CK_QK_K; j++) {
      const float v = nearbyintf(iscale * x[j]);
      b->qs[j] = (int8_t)(v > 127.0f ? 127.0f : v);
    }
    for (int g = 0; g < CK_QK_K / 16; g++) {
      int sum = 0;
      for (int j = 0; j < 16; j++) sum += b->qs[16 * g + j];
      b->bsums[g] = (int16_t)sum;
    }
    b->d = 1.0f / iscale;
  }
}

int ck_quantize_row(uint32_t type, const float *x, void *dst, int64_t n) {
  const int64_t bs = ck_block_size(type);
  if (bs == 0) return CK_ERR_UNSUPPORTED_TYPE;
  if (n < 0 || n % bs != 0) return CK_ERR_BAD_LENGTH;
  switch (type) {
  case CK_F32: memcpy(dst, x, (size_t)n * sizeof(float)); return CK_OK;
  case CK_F16:
    for (int64_t i = 0; i < n; i++) ((uint16_t *)dst)[i] = ck_f2h(x[i]);
    return CK_OK;
  case CK_Q8_0: ck_quantize_row_q8_0(x, dst, n); return CK_OK;
  case CK_Q8_1: ck_quantize_row_q8_1(x, dst, n); return CK_OK;
  case CK_Q8_K: ck_quantize_row_q8_K(x, dst, n); return CK_OK;
  default: return CK_ERR_UNSUPPORTED_TYPE;
  }
}
