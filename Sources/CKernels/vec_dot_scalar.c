// Portable reference dot products: weight row · activation row in its vec-dot format.
#include "blocks.h"
#include "vec_dot.h"

float ck_dot_f32_scalar(int64_t n, const void *w, const void *x) {
  const float *a = (const float *)w, *b = (const float *)x;
  double s = 0.0;
  for (int64_t i = 0; i < n; i++) s += (double)a[i] * b[i];
  return (float)s;
}

float ck_dot_f16_scalar(int64_t n, const void *w, const void *x) {
  const uint16_t *a = (const uint16_t *)w;
  const float *b = (const float *)x;
  double s = 0.0;
  for (int64_t i = 0; i < n; i++) s += (double)ck_h2f(a[i]) * b[i];
  return (float)s;
}

float ck_dot_bf16_scalar(int64_t n, const void *w, const void *x) {
  const uint16_t *a = (const uint16_t *)w;
  const float *b = (const float *)x;
  double s = 0.0;
  for (int64_t i = 0; i < n; i++) s += (double)ck_bf2f(a[i]) * b[i];
  return (float)s;
}

// Legacy formats: per block, an exact integer dot scaled by both block scales.

float ck_dot_q4_0_scalar(int64_t n, const void *w, const void *x) {
  const ck_block_q4_0 *a = (const ck_block_q4_0 *)w;
  const ck_block_q8_0 *b = (const ck_block_q8_0 *)x;
  float s = 0.0f;
  for (int64_t i = 0; i < n / CK_QK; i++, a++, b++) {
    int sumi = 0;
    for (int j = 0; j < 16; j++)
      sumi += ((a->qs[j] & 0x0f) - 8) * b->qs[j] + ((a->qs[j] >> 4) - 8) * b->qs[j + 16];
    s += (float)sumi * ck_h2f(a->d) * ck_h2f(b->d);
  }
  return s;
}

float ck_dot_q4_1_scalar(int64_t n, const void *w, const void *x) {
  const ck_block_q4_1 *a = (const ck_block_q4_1 *)w;
  const ck_block_q8_1 *b = (const ck_block_q8_1 *)x;
  float s = 0.0f;
  for (int64_t i = 0; i < n / CK_QK; i++, a++, b++) {
    int sumi = 0;
    for (int j = 0; j < 16; j++) sumi += (a->qs[j] & 0x0f) * b->qs[j] + (a->qs[j] >> 4) * b->qs[j + 16];
    s += (float)sumi * ck_h2f(a->d) * ck_h2f(b->d) + ck_h2f(a->m) * ck_h2f(b->s); // m * Σ activations
  }
  return s;
}

float ck_dot_q5_0_scalar(int64_t n, const void *w, const void *x) {
  const ck_block_q5_0 *a = (const ck_block_q5_0 *)w;
  const ck_block_q8_0 *b = (const ck_block_q8_0 *)x;
  float s = 0.0f;
  for (int64_t i = 0; i < n / CK_QK; i++, a++, b++) {
    uint32_t qh;
    memcpy(&qh, a->qh, 4);
    int sumi = 0;
    for (int j = 0; j < 16; j++) {
      const int lo = ((a->qs[j] & 0x0f) | (int)(((qh >> j) & 1u) << 4)) - 16;
      const int hi = ((a->qs[j] >> 4) | (int)(((qh >> (j + 16)) & 1u) << 4)) - 16;
      sumi += lo * b->qs[j] + hi * b->qs[j + 16];
    }
    s += (float)sumi * ck_h2f(a->d) * ck_h2f(b->d);
  }
  return s;
}

float ck_dot_q5_1_scalar(int64_t n, const void *w, const void *x) {
  const ck_block_q5_1 *a = (const ck_block_q5_1 *)w;
  const ck_block_q8_1 *b = (const ck_block_q8_1 *)x;
  float s = 0.0f;
  for (int64_t i = 0; i < n / CK_QK; i++, a++, b++) {
    uint32_t qh;
    memcpy(&qh, a->qh, 4);
    int sumi = 0;
    for (int j = 0; j < 16; j++) {
      const int lo = (a->qs[j] & 0x0f) | (int)(((qh >> j) & 1u) << 4);
      const int hi = (a->qs[j] >> 4) | (int)(((qh >> (j + 16)) & 1u) << 4);
      sumi += lo * b->qs[j] + hi * b->qs[j + 16];
    }
    s += (float)sumi * ck_h2f(a->d) * ck_h2f(b->d) + ck_h2f(a->m) * ck_h2f(b->s);
  }
  return s;
}

float ck_dot_q8_0_scalar(int64_t n, const void *w, const void *x) {
  const ck_block_q8_0 *a = (const ck_block_q8_0 *)w;
  const ck_block_q8_0 *b = (const ck_block_q8_0 *)x;
  float s = 0.0f;
  for (int64_t i = 0; i < n / CK_QK; i++, a++, b++) {
    int sumi = 0;
    for (int j = 0; j < CK_QK; j++) sumi += a->qs[j] * b->qs[j];
    s += (float)sumi * ck_h2f(a->d) * ck_h2f(b->d);
  }
  return s;
}

// K-quants against Q8_K: Σ_s scale_s·(q·y)_s·d − Σ_s min_s·(Σ y)_s·dmin, all sums exact integers.

float ck_dot_q4_K_scalar(int64_t n, const void *w, const void *x) {
  const ck_block_q4_K *a = (const ck_block_q4_K *)w;
  const ck_block_q8_K *b = (const ck_block_q8_K *)x;
  float s = 0.0f;
  for (int64_t i = 0; i < n / CK_QK_K; i++, a++, b++) {
    int sumi = 0, summ = 0;
    for (int c = 0; c < 4; c++) {
      uint8_t sc0, m0, sc1, m1;
      ck_scale_min_k4(2 * c, a->scales, &sc0, &m0);
      ck_scale_min_k4(2 * c + 1, a->scales, &sc1, &m1);
      const uint8_t *q = a->qs + 32 * c;
      const int8_t *y = b->qs + 64 * c;
      int d0 = 0, d1 = 0;
      for (int l = 0; l < 32; l++) {
        d0 += (q[l] & 0x0f) * y[l];
        d1 += (q[l] >> 4) * y[l + 32];
      }
      sumi += sc0 * d0 + sc1 * d1;
      summ += m0 * (b->bsums[4 * c] + b->bsums[4 * c + 1]) + m1 * (b->bsums[4 * c + 2] + b->bsums[4 * c + 3]);
    }
    s += b->d * (ck_h2f(a->d) * (float)sumi - ck_h2f(a->dmin) * (float)summ);
  }
  return s;
}

float ck_dot_q5_K_scalar(int64_t n, const void *w, const void *x) {
  const ck_block_q5_K *a = (const ck_block_q5_K *)w;
  const ck_block_q8_K *b = (const ck_block_q8_K *)x;
  float s = 0.0f;
  for (int64_t i = 0; i < n / CK_QK_K; i++, a++, b++) {
    int sumi = 0, summ = 0;
    for (int c = 0; c < 4; c++) {
      uint8_t sc0, m0, sc1, m1;
      ck_scale_min_k4(2 * c, a->scales, &sc0, &m0);
      ck_scale_min_k4(2 * c + 1, a->scales, &sc1, &m1);
      const uint8_t *q = a->qs + 32 * c;
      const int8_t *y = b->qs + 64 * c;
      int d0 = 0, d1 = 0;
      for (int l = 0; l < 32; l++) {
        d0 += ((q[l] & 0x0f) | (((a->qh[l] >> (2 * c)) & 1) << 4)) * y[l];
        d1 += ((q[l] >> 4) | (((a->qh[l] >> (2 * c + 1)) & 1) << 4)) * y[l + 32];
      }
      sumi += sc0 * d0 + sc1 * d1;
      summ += m0 * (b->bsums[4 * c] + b->bsums[4 * c + 1]) + m1 * (b->bsums[4 * c + 2] + b->bsums[4 * c + 3]);
    }
    s += b->d * (ck_h2f(a->d) * (float)sumi - ck_h2f(a->dmin) * (float)summ);
  }
  return s;
}

float ck_dot_q6_K_scalar(int64_t n, const void *w, const void *x) {
  const ck_block_q6_K *a = (const ck_block_q6_K *)w;
  const ck_block_q8_K *b = (const ck_block_q8_K *)x;
  float s = 0.0f;
  for (int64_t i = 0; i < n / CK_QK_K; i++, a++, b++) {
    int sumi = 0;
    for (int h = 0; h < 2; h++) {
      const uint8_t *ql = a->ql + 64 * h, *qh = a->qh + 32 * h;
      const int8_t *sc = a->scales + 8 * h, *y = b->qs + 128 * h;
      for (int l = 0; l < 32; l++) {
        const int k = l / 16;
        const int q0 = ((ql[l] & 0x0f) | (((qh[l] >> 0) & 3) << 4)) - 32;
        const int q1 = ((ql[l + 32] & 0x0f) | (((qh[l] >> 2) & 3) << 4)) - 32;
        const int q2 = ((ql[l] >> 4) | (((qh[l] >> 4) & 3) << 4)) - 32;
        const int q3 = ((ql[l + 32] >> 4) | (((qh[l] >> 6) & 3) << 4)) - 32;
        sumi += sc[k] * q0 * y[l] + sc[k + 2] * q1 * y[l + 32] + sc[k + 4] * q2 * y[l + 64] +
                sc[k + 6] * q3 * y[l + 96];
      }
    }
    s += b->d * ck_h2f(a->d) * (float)sumi;
  }
  return s;
}
