// Decode attention split over key ranges (flash-decoding): each thread scores its slice of the
// cache for every query head, reading each cached key and value row once per KV head (a per-head
// loop would read it once per query head under grouped-query attention), and keeps the softmax
// statistics ck_attend_merge combines exactly.
#include <math.h>
#include <stddef.h>

#include "ckops.h"
#include "dequant.h"
#include "fastmath.h"

__attribute__((always_inline)) static inline void partial_body(
    const float *restrict q, const float *restrict k, const float *restrict v, int j0, int j1,
    int heads, int group, int hd, int kvstride, float scale, float *restrict scores,
    float *restrict partial) {
  const int n = j1 - j0;
  for (int g = 0; g < heads / group; g++) {
    const float *kg = k + (size_t)g * hd, *vg = v + (size_t)g * hd;
    for (int j = 0; j < n; j++) { // the group's query heads against key j0+j
      const float *kj = kg + (size_t)(j0 + j) * kvstride;
      for (int h = 0; h < group; h++) {
        const float *qh = q + (size_t)(g * group + h) * hd;
        float s = 0.0f;
        for (int d = 0; d < hd; d++) s += qh[d] * kj[d];
        scores[(size_t)h * n + j] = s * scale;
      }
    }
    for (int h = 0; h < group; h++) { // un-normalised softmax: m = max, l = Σ exp(s − m)
      float *s = scores + (size_t)h * n, *p = partial + (size_t)(g * group + h) * (hd + 2);
      float m = -INFINITY, l = 0.0f;
      for (int j = 0; j < n; j++) m = fmaxf(m, s[j]);
      for (int j = 0; j < n; j++) {
        s[j] = fast_expf(s[j] - m);
        l += s[j];
      }
      p[0] = m;
      p[1] = l;
      for (int d = 0; d < hd; d++) p[2 + d] = 0.0f;
    }
    for (int j = 0; j < n; j++) { // acc += exp(s − m) · v_j, each value row read once
      const float *vj = vg + (size_t)(j0 + j) * kvstride;
      for (int h = 0; h < group; h++) {
        const float a = scores[(size_t)h * n + j];
        float *acc = partial + (size_t)(g * group + h) * (hd + 2) + 2;
        for (int d = 0; d < hd; d++) acc[d] += a * vj[d];
      }
    }
  }
}

static void partial_portable(const float *q, const float *k, const float *v, int j0, int j1,
                             int heads, int group, int hd, int kvstride, float scale,
                             float *scores, float *partial) {
  partial_body(q, k, v, j0, j1, heads, group, hd, kvstride, scale, scores, partial);
}

#if defined(__x86_64__)
__attribute__((target("avx2,fma"))) static void partial_avx2(
    const float *q, const float *k, const float *v, int j0, int j1, int heads, int group, int hd,
    int kvstride, float scale, float *scores, float *partial) {
  partial_body(q, k, v, j0, j1, heads, group, hd, kvstride, scale, scores, partial);
}
#endif

void ck_attend_partial(const float *q, const float *k, const float *v, int j0, int j1, int heads,
                       int group, int hd, int kvstride, float scale, float *scores,
                       float *partial) {
#if defined(__x86_64__)
  if (ck_use_avx2()) {
    partial_avx2(q, k, v, j0, j1, heads, group, hd, kvstride, scale, scores, partial);
    return;
  }
#endif
  partial_portable(q, k, v, j0, j1, heads, group, hd, kvstride, scale, scores, partial);
}

void ck_attend_merge(float *out, const float *partials, int parts, int heads, int hd) {
  const size_t stride = (size_t)heads * (hd + 2);
  for (int h = 0; h < heads; h++) {
    float m = -INFINITY, l = 0.0f;
    for (int p = 0; p < parts; p++) {
      const float *part = partials + p * stride + (size_t)h * (hd + 2);
      if (part[1] > 0.0f) m = fmaxf(m, part[0]);
    }
    float *o = out + (size_t)h * hd;
    for (int d = 0; d < hd; d++) o[d] = 0.0f;
    for (int p = 0; p < parts; p++) {
      const float *part = partials + p * stride + (size_t)h * (hd + 2);
      if (part[1] <= 0.0f) continue; // an empty key range
      const float w = expf(part[0] - m);
      l += part[1] * w;
      for (int d = 0; d < hd; d++) o[d] += part[2 + d] * w;
    }
    for (int d = 0; d < hd; d++) o[d] /= l;
  }
}
