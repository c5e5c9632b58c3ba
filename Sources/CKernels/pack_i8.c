// Repacking of quantised weight rows into the int8 kernels' layout (ckgemm.h), once at load.
#include <stdlib.h>

#include "blocks.h"
#include "ckernels.h"
#include "ckgemm.h"

int ck_i8_packs_type(uint32_t type) {
  switch (type) {
  case CK_Q4_0: case CK_Q4_1: case CK_Q5_0: case CK_Q5_1: case CK_Q8_0:
  case CK_Q4_K: case CK_Q5_K: case CK_Q6_K: return 1;
  default: return 0;
  }
}

/// Columns per scale of a packable type.
static int sub_of(uint32_t type) { return type == CK_Q6_K ? 16 : 32; }

/// The fifth bit of value j of a Q5_0/Q5_1 block.
static inline int bit5(const uint8_t qh[4], int j) {
  uint32_t h;
  memcpy(&h, qh, 4);
  return (int)((h >> j) & 1u) << 4;
}

/// Decodes one row of n values into bytes u[n] and per-sub-block scale d and offset m, so that
/// value i = d[i/sub]·u[i] + m[i/sub] exactly as the format defines it.
static void decode_row(uint32_t type, const void *src, int64_t n, uint8_t *u, float *d, float *m) {
  switch (type) {
  case CK_Q4_0: case CK_Q4_1: case CK_Q5_0: case CK_Q5_1: case CK_Q8_0:
    for (int64_t b = 0; b < n / CK_QK; b++, u += CK_QK) {
      if (type == CK_Q8_0) {
        const ck_block_q8_0 *x = (const ck_block_q8_0 *)src + b;
        d[b] = ck_h2f(x->d), m[b] = -128.0f * d[b];
        for (int j = 0; j < 32; j++) u[j] = (uint8_t)(x->qs[j] + 128);
      } else if (type == CK_Q4_0 || type == CK_Q4_1) {
        const uint8_t *qs;
        if (type == CK_Q4_0) {
          const ck_block_q4_0 *x = (const ck_block_q4_0 *)src + b;
          qs = x->qs, d[b] = ck_h2f(x->d), m[b] = -8.0f * d[b];
        } else {
          const ck_block_q4_1 *x = (const ck_block_q4_1 *)src + b;
          qs = x->qs, d[b] = ck_h2f(x->d), m[b] = ck_h2f(x->m);
        }
        for (int j = 0; j < 16; j++) u[j] = qs[j] & 0x0f, u[j + 16] = qs[j] >> 4;
      } else {
        const uint8_t *qs, *qh;
        if (type == CK_Q5_0) {
          const ck_block_q5_0 *x = (const ck_block_q5_0 *)src + b;
          qs = x->qs, qh = x->qh, d[b] = ck_h2f(x->d), m[b] = -16.0f * d[b];
        } else {
          const ck_block_q5_1 *x = (const ck_block_q5_1 *)src + b;
          qs = x->qs, qh = x->qh, d[b] = ck_h2f(x->d), m[b] = ck_h2f(x->m);
        }
        for (int j = 0; j < 16; j++) {
          u[j] = (uint8_t)((qs[j] & 0x0f) | bit5(qh, j));
          u[j + 16] = (uint8_t)((qs[j] >> 4) | bit5(qh, j + 16));
        }
      }
    }
    return;
  case CK_Q4_K: case CK_Q5_K:
    for (int64_t b = 0; b < n / CK_QK_K; b++, u += CK_QK_K, d += 8, m += 8) {
      const ck_block_q4_K *x4 = (const ck_block_q4_K *)src + b;
      const ck_block_q5_K *x5 = (const ck_block_q5_K *)src + b;
      const int five = type == CK_Q5_K;
      const uint16_t hd = five ? x5->d : x4->d, hmin = five ? x5->dmin : x4->dmin;
      const uint8_t *scales = five ? x5->scales : x4->scales, *q = five ? x5->qs : x4->qs;
      const float sd = ck_h2f(hd), smin = ck_h2f(hmin);
      for (int c = 0; c < 4; c++, q += 32) { // chunk c: sub-blocks 2c (low nibbles), 2c+1 (high)
        for (int h = 0; h < 2; h++) {
          uint8_t sc, mn;
          ck_scale_min_k4(2 * c + h, scales, &sc, &mn);
          d[2 * c + h] = sd * (float)sc, m[2 * c + h] = -(smin * (float)mn);
        }
        for (int l = 0; l < 32; l++) {
          int lo = q[l] & 0x0f, hi = q[l] >> 4;
          if (five) lo |= ((x5->qh[l] >> (2 * c)) & 1) << 4, hi |= ((x5->qh[l] >> (2 * c + 1)) & 1) << 4;
          u[64 * c + l] = (uint8_t)lo, u[64 * c + 32 + l] = (uint8_t)hi;
        }
      }
    }
    return;
  case CK_Q6_K:
    for (int64_t b = 0; b < n / CK_QK_K; b++, u += CK_QK_K, d += 16, m += 16) {
      const ck_block_q6_K *x = (const ck_block_q6_K *)src + b;
      const float sd = ck_h2f(x->d);
      for (int s = 0; s < 16; s++) d[s] = sd * (float)x->scales[s], m[s] = -32.0f * d[s];
      for (int h = 0; h < 2; h++) { // halves of 128 values; value l+32k takes ql and qh bits
        const uint8_t *ql = x->ql + 64 * h, *qh = x->qh + 32 * h;
        uint8_t *y = u + 128 * h;
        for (int l = 0; l < 32; l++) {
          y[l] = (uint8_t)((ql[l] & 0x0f) | (((qh[l] >> 0) & 3) << 4));
          y[l + 32] = (uint8_t)((ql[l + 32] & 0x0f) | (((qh[l] >> 2) & 3) << 4));
          y[l + 64] = (uint8_t)((ql[l] >> 4) | (((qh[l] >> 4) & 3) << 4));
          y[l + 96] = (uint8_t)((ql[l + 32] >> 4) | (((qh[l] >> 6) & 3) << 4));
        }
      }
    }
    return;
  default: return;
  }
}

int ck_i8_packed_sizes(uint32_t type, int64_t rows, int64_t cols, size_t *q_bytes, size_t *scale_floats) {
  if (!ck_i8_packs_type(type)) return CK_ERR_UNSUPPORTED_TYPE;
  if (rows < 0 || cols <= 0 || cols % ck_block_size(type) != 0) return CK_ERR_BAD_LENGTH;
  const int64_t groups = (rows + CK_I8_GROUP - 1) / CK_I8_GROUP;
  *q_bytes = (size_t)(groups * cols * CK_I8_GROUP);
  *scale_floats = (size_t)(groups * (cols / sub_of(type)) * CK_I8_GROUP);
  return CK_OK;
}

int ck_i8_pack(uint32_t type, const void *w, size_t row_stride, int64_t rows, int64_t cols,
               ck_packed_i8 *out) {
  size_t qb, sf;
  const int status = ck_i8_packed_sizes(type, rows, cols, &qb, &sf);
  if (status != CK_OK) return status;
  const int sub = sub_of(type);
  const int64_t subs = cols / sub, quads = cols / 4;
  out->rows = rows, out->cols = cols, out->sub = sub;
  out->groups = (rows + CK_I8_GROUP - 1) / CK_I8_GROUP;
  out->max_u = 0;
  memset(out->q, 0, qb); // padding rows: u = 0, d = m = 0
  memset(out->d, 0, sf * sizeof(float));
  memset(out->m, 0, sf * sizeof(float));
  uint8_t *u = malloc((size_t)cols);
  float *d = malloc((size_t)subs * sizeof(float)), *m = malloc((size_t)subs * sizeof(float));
  if (!u || !d || !m) {
    free(u), free(d), free(m);
    return CK_ERR_BAD_LENGTH;
  }
  for (int64_t r = 0; r < rows; r++) {
    decode_row(type, (const uint8_t *)w + (size_t)r * row_stride, cols, u, d, m);
    const int64_t g = r / CK_I8_GROUP, lane = r % CK_I8_GROUP;
    uint8_t *gq = out->q + (size_t)(g * quads) * 64 + lane * 4;
    for (int64_t k = 0; k < quads; k++) {
      for (int j = 0; j < 4; j++) {
        const uint8_t v = u[4 * k + j];
        gq[(size_t)k * 64 + j] = v;
        if (v > out->max_u) out->max_u = v;
      }
    }
    for (int64_t s = 0; s < subs; s++) {
      out->d[(size_t)((g * subs + s) * CK_I8_GROUP + lane)] = d[s];
      out->m[(size_t)((g * subs + s) * CK_I8_GROUP + lane)] = m[s];
    }
  }
  free(u), free(d), free(m);
  return CK_OK;
}
