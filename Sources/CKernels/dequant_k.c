// Dequantisation of the k-quant super-block formats Q4_K, Q5_K, Q6_K (and the Q8_K activations).
#include "blocks.h"
#include "dequant.h"

// Q4_K/Q5_K: 4 chunks of 64 values; chunk c's low nibbles are sub-block 2c, high nibbles 2c+1.
// Value = d * scale[s] * q - dmin * min[s].

void ck_dequant_q4_K(const void *src, float *y, int64_t n) {
  const ck_block_q4_K *b = (const ck_block_q4_K *)src;
  for (int64_t i = 0; i < n / CK_QK_K; i++, b++) {
    const float d = ck_h2f(b->d), dmin = ck_h2f(b->dmin);
    const uint8_t *q = b->qs;
    for (int c = 0; c < 4; c++, q += 32, y += 64) {
      uint8_t sc0, m0, sc1, m1;
      ck_scale_min_k4(2 * c, b->scales, &sc0, &m0);
      ck_scale_min_k4(2 * c + 1, b->scales, &sc1, &m1);
      const float d0 = d * sc0, o0 = dmin * m0, d1 = d * sc1, o1 = dmin * m1;
      for (int l = 0; l < 32; l++) {
        y[l] = d0 * (float)(q[l] & 0x0f) - o0;
        y[l + 32] = d1 * (float)(q[l] >> 4) - o1;
      }
    }
  }
}

// Q5_K: the fifth bit of value l of chunk c is bit 2c (low half) / 2c+1 (high half) of qh[l].
void ck_dequant_q5_K(const void *src, float *y, int64_t n) {
  const ck_block_q5_K *b = (const ck_block_q5_K *)src;
  for (int64_t i = 0; i < n / CK_QK_K; i++, b++) {
    const float d = ck_h2f(b->d), dmin = ck_h2f(b->dmin);
    const uint8_t *q = b->qs;
    for (int c = 0; c < 4; c++, q += 32, y += 64) {
      uint8_t sc0, m0, sc1, m1;
      ck_scale_min_k4(2 * c, b->scales, &sc0, &m0);
      ck_scale_min_k4(2 * c + 1, b->scales, &sc1, &m1);
      const float d0 = d * sc0, o0 = dmin * m0, d1 = d * sc1, o1 = dmin * m1;
      for (int l = 0; l < 32; l++) {
        const int lo = (q[l] & 0x0f) | (((b->qh[l] >> (2 * c)) & 1) << 4);
        const int hi = (q[l] >> 4) | (((b->qh[l] >> (2 * c + 1)) & 1) << 4);
        y[l] = d0 * (float)lo - o0;
        y[l + 32] = d1 * (float)hi - o1;
      }
    }
  }
}

// Q6_K: two halves of 128 values; in a half, value l+32k (k = 0..3) takes 4 low bits from
// ql[l] / ql[l+32] (low nibble for k = 0,1, high for k = 2,3) and 2 high bits from qh[l] >> 2k.
// Value = d * scales[sub-block of 16] * (q - 32).
void ck_dequant_q6_K(const void *src, float *y, int64_t n) {
  const ck_block_q6_K *b = (const ck_block_q6_K *)src;
  for (int64_t i = 0; i < n / CK_QK_K; i++, b++) {
    const float d = ck_h2f(b->d);
    for (int h = 0; h < 2; h++, y += 128) {
      const uint8_t *ql = b->ql + 64 * h, *qh = b->qh + 32 * h;
      const int8_t *sc = b->scales + 8 * h;
      for (int l = 0; l < 32; l++) {
        const int s = l / 16;
        const int q0 = ((ql[l] & 0x0f) | (((qh[l] >> 0) & 3) << 4)) - 32;
        const int q1 = ((ql[l + 32] & 0x0f) | (((qh[l] >> 2) & 3) << 4)) - 32;
        const int q2 = ((ql[l] >> 4) | (((qh[l] >> 4) & 3) << 4)) - 32;
        const int q3 = ((ql[l + 32] >> 4) | (((qh[l] >> 6) & 3) << 4)) - 32;
        y[l] = d * (float)sc[s] * (float)q0;
        y[l + 32] = d * (float)sc[s + 2] * (float)q1;
        y[l + 64] = d * (float)sc[s + 4] * (float)q2;
        y[l + 96] = d * (float)sc[s + 6] * (float)q3;
      }
    }
  }
}

void ck_dequant_q8_K(const void *src, float *y, int64_t n) {
  const ck_block_q8_K *b = (const ck_block_q8_K *)src;
  for (int64_t i = 0; i < n / CK_QK_K; i++, b++, y += CK_QK_K)
    for (int j = 0; j < CK_QK_K; j++) y[j] = b->d * (float)b->qs[j];
}
