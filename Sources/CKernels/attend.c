// Decode attention split over key ranges (flash-decoding): each thread scores its slice of the
// cache (F32 or binary16) for every query head, reading each cached key and value row once per KV head (a
// per-head loop would read it once per query head under grouped-query attention), and keeps the
// softmax statistics ck_attend_merge combines exactly.
#include <math.h>
#include <stddef.h>

#include "arch.h"
#include "blocks.h"
#include "ckernels.h"
#include "ckops.h"
#include "fastmath.h"

// The body, compiled four times (F32 or binary16 cache, portable or AVX2): LOAD(p, i) reads element
// i of a cache row of ELEMs as a float (binary16: the exact bit conversion, or F16C in the AVX2
// build, which the compiler vectorises).
#define PARTIAL_BODY(ELEM, LOAD)                                                                    \
  const int n = j1 - j0;                                                                            \
  for (int g = 0; g < heads / group; g++) {                                                         \
    const ELEM *kg = (const ELEM *)k + (size_t)g * hd, *vg = (const ELEM *)v + (size_t)g * hd;      \
    for (int j = 0; j < n; j++) { /* the group's query heads against key j0+j */                    \
      const ELEM *kj = kg + (size_t)(j0 + j) * kvstride;                                            \
      for (int h = 0; h < group; h++) {                                                             \
        const float *qh = q + (size_t)(g * group + h) * hd;                                         \
        float s = 0.0f;                                                                             \
        for (int d = 0; d < hd; d++) s += qh[d] * LOAD(kj, d);                                      \
        scores[(size_t)h * n + j] = s * scale;                                                      \
      }                                                                                             \
    }                                                                                               \
    for (int h = 0; h < group; h++) { /* un-normalised softmax: m = max, l = sum exp(s - m) */      \
      float *s = scores + (size_t)h * n, *p = partial + (size_t)(g * group + h) * (hd + 2);         \
      float m = -INFINITY, l = 0.0f;                                                                \
      for (int j = 0; j < n; j++) m = fmaxf(m, s[j]);                                               \
      for (int j = 0; j < n; j++) {                                                                 \
        s[j] = fast_expf(s[j] - m);                                                                 \
        l += s[j];                                                                                  \
      }                                                                                             \
      p[0] = m;                                                                                     \
      p[1] = l;                                                                                     \
      for (int d = 0; d < hd; d++) p[2 + d] = 0.0f;                                                 \
    }                                                                                               \
    for (int j = 0; j < n; j++) { /* acc += exp(s - m) * v_j, each value row read once */           \
      const ELEM *vj = vg + (size_t)(j0 + j) * kvstride;                                            \
      for (int h = 0; h < group; h++) {                                                             \
        const float a = scores[(size_t)h * n + j];                                                  \
        float *acc = partial + (size_t)(g * group + h) * (hd + 2) + 2;                              \
        for (int d = 0; d < hd; d++) acc[d] += a * LOAD(vj, d);                                     \
      }                                                                                             \
    }                                                                                               \
  }

#define LOAD_F32(p, i) ((p)[i])
#define LOAD_F16_PORTABLE(p, i) ck_h2f((p)[i])
#define LOAD_F16C(p, i) ((float)((const _Float16 *)(p))[i])
#define PARTIAL_ARGS                                                                                \
  const float *restrict q, const void *restrict k, const void *restrict v, int j0, int j1,          \
      int heads, int group, int hd, int kvstride, float scale, float *restrict scores,              \
      float *restrict partial

static void partial_f32(PARTIAL_ARGS) { PARTIAL_BODY(float, LOAD_F32) }
static void partial_f16(PARTIAL_ARGS) { PARTIAL_BODY(uint16_t, LOAD_F16_PORTABLE) }
#if CK_X86
__attribute__((target("avx2,fma,f16c"))) static void partial_f32_avx2(PARTIAL_ARGS) {
  PARTIAL_BODY(float, LOAD_F32)
}
__attribute__((target("avx2,fma,f16c"))) static void partial_f16_avx2(PARTIAL_ARGS) {
  PARTIAL_BODY(uint16_t, LOAD_F16C)
}
#endif

void ck_attend_partial(const float *q, const void *k, const void *v, int half, int j0, int j1,
                       int heads, int group, int hd, int kvstride, float scale, float *scores,
                       float *partial) {
  void (*fn)(PARTIAL_ARGS) = half ? CK_AVX2_OR(ck_use_avx2(), partial_f16_avx2, partial_f16)
                                  : CK_AVX2_OR(ck_use_avx2(), partial_f32_avx2, partial_f32);
  fn(q, k, v, j0, j1, heads, group, hd, kvstride, scale, scores, partial);
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
