// Dequantisation of the 32-value block formats Q4_0, Q4_1, Q5_0, Q5_1, Q8_0, Q8_1.
#include "blocks.h"
#include "dequant.h"

// In every 4/5-bit format byte j holds value j in its low nibble and value j+16 in its high one.

void ck_dequant_q4_0(const void *src, float *y, int64_t n) {
  const ck_block_q4_0 *b = (const ck_block_q4_0 *)src;
  for (int64_t i = 0; i < n / CK_QK; i++, b++, y += CK_QK) {
    const float d = ck_h2f(b->d);
    for (int j = 0; j < 16; j++) {
      y[j] = d * (float)((b->qs[j] & 0x0f) - 8);
      y[j + 16] = d * (float)((b->qs[j] >> 4) - 8);
    }
  }
}

void ck_dequant_q4_1(const void *src, float *y, int64_t n) {
  const ck_block_q4_1 *b = (const ck_block_q4_1 *)src;
  for (int64_t i = 0; i < n / CK_QK; i++, b++, y += CK_QK) {
    const float d = ck_h2f(b->d), m = ck_h2f(b->m);
    for (int j = 0; j < 16; j++) {
      y[j] = d * (float)(b->qs[j] & 0x0f) + m;
      y[j + 16] = d * (float)(b->qs[j] >> 4) + m;
    }
  }
}

// Q5: bit j of the little-endian 32-bit qh is the fifth bit of value j.
void ck_dequant_q5_0(const void *src, float *y, int64_t n) {
  const ck_block_q5_0 *b = (const ck_block_q5_0 *)src;
  for (int64_t i = 0; i < n / CK_QK; i++, b++, y += CK_QK) {
    const float d = ck_h2f(b->d);
    uint32_t qh;
    memcpy(&qh, b->qh, 4);
    for (int j = 0; j < 16; j++) {
      const int lo = (b->qs[j] & 0x0f) | (int)(((qh >> j) & 1u) << 4);
      const int hi = (b->qs[j] >> 4) | (int)(((qh >> (j + 16)) & 1u) << 4);
      y[j] = d * (float)(lo - 16);
      y[j + 16] = d * (float)(hi - 16);
    }
  }
}

void ck_dequant_q5_1(const void *src, float *y, int64_t n) {
  const ck_block_q5_1 *b = (const ck_block_q5_1 *)src;
  for (int64_t i = 0; i < n / CK_QK; i++, b++, y += CK_QK) {
    const float d = ck_h2f(b->d), m = ck_h2f(b->m);
    uint32_t qh;
    memcpy(&qh, b->qh, 4);
    for (int j = 0; j < 16; j++) {
      const int lo = (b->qs[j] & 0x0f) | (int)(((qh >> j) & 1u) << 4);
      const int hi = (b->qs[j] >> 4) | (int)(((qh >> (j + 16)) & 1u) << 4);
      y[j] = d * (float)lo + m;
      y[j + 16] = d * (float)hi + m;
    }
  }
}

void ck_dequant_q8_0(const void *src, float *y, int64_t n) {
  const ck_block_q8_0 *b = (const ck_block_q8_0 *)src;
  for (int64_t i = 0; i < n / CK_QK; i++, b++, y += CK_QK) {
    const float d = ck_h2f(b->d);
    for (int j = 0; j < CK_QK; j++) y[j] = d * (float)b->qs[j];
  }
}

void ck_dequant_q8_1(const void *src, float *y, int64_t n) {
  const ck_block_q8_1 *b = (const ck_block_q8_1 *)src;
  for (int64_t i = 0; i < n / CK_QK; i++, b++, y += CK_QK) {
    const float d = ck_h2f(b->d);
    for (int j = 0; j < CK_QK; j++) y[j] = d * (float)b->qs[j];
  }
}
