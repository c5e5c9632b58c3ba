// Per-element transformer operations (RMSNorm, RoPE, softmax, SwiGLU, residuals, one-row attention).
#include <math.h>
#include <string.h>
#include "arch.h"
#include "ckops.h"
#include "ckernels.h"
#include "fastmath.h"

void ck_rmsnorm(float *out, const float *x, const float *w, int rows, int n, float eps) {
  for (int r = 0; r < rows; r++) {
    const float *xr = x + (size_t)r * n;
    float *o = out + (size_t)r * n;
    float ss = 0.0f;  // sum of squares
    for (int i = 0; i < n; i++) ss += xr[i] * xr[i];
    float s = 1.0f / sqrtf(ss / (float)n + eps);
    for (int i = 0; i < n; i++) o[i] = xr[i] * s * w[i];
  }
}

void ck_rope(float *x, int rows, int stride, int heads, int hd, int pos0, float base, int neox) {
  float inv[512];  // inverse frequencies base^(-2i/hd)
  int half = hd / 2;
  for (int i = 0; i < half && i < 512; i++) inv[i] = powf(base, -2.0f * (float)i / (float)hd);
  for (int r = 0; r < rows; r++) {
    float pos = (float)(pos0 + r);
    for (int i = 0; i < half; i++) {
      float th = pos * inv[i], c = cosf(th), s = sinf(th);
      for (int h = 0; h < heads; h++) {
        float *v = x + (size_t)r * stride + (size_t)h * hd;
        int a = neox ? i : 2 * i, b = neox ? i + half : 2 * i + 1;
        float x0 = v[a], x1 = v[b];
        v[a] = x0 * c - x1 * s;  // rotate the pair by th
        v[b] = x0 * s + x1 * c;
      }
    }
  }
}

// The exp-heavy loops, compiled twice: for AVX2+FMA (8-wide, vector floor) and portable.
#define SOFTMAX_BODY                                              \
  float m = -INFINITY;                                            \
  for (int i = 0; i < n; i++) m = x[i] > m ? x[i] : m;            \
  float sum = 0.0f;                                               \
  for (int i = 0; i < n; i++) { x[i] = fast_expf(x[i] - m); sum += x[i]; } \
  float inv = 1.0f / sum;                                         \
  for (int i = 0; i < n; i++) x[i] *= inv;
#define SILU_BODY for (int i = 0; i < n; i++) a[i] = a[i] / (1.0f + fast_expf(-a[i])) * b[i];

static void softmax_portable(float *x, int n) { SOFTMAX_BODY }
static void silu_mul_portable(float *a, const float *b, int n) { SILU_BODY }
#if CK_X86
__attribute__((target("avx2,fma"))) static void softmax_avx2(float *x, int n) { SOFTMAX_BODY }
__attribute__((target("avx2,fma"))) static void silu_mul_avx2(float *a, const float *b, int n) { SILU_BODY }
#endif

void ck_softmax(float *x, int n) { CK_AVX2_OR(ck_use_avx2(), softmax_avx2, softmax_portable)(x, n); }

void ck_silu_mul(float *a, const float *b, int n) {
  CK_AVX2_OR(ck_use_avx2(), silu_mul_avx2, silu_mul_portable)(a, b, n);
}

void ck_gelu_erf(float *x, int n) {
  for (int i = 0; i < n; i++) {
    float z = x[i] * 0.70710678118654752f, a = fabsf(z);
    float t = 1.0f / (1.0f + 0.3275911f * a);
    float poly = t * (0.254829592f + t * (-0.284496736f + t * (1.421413741f + t * (-1.453152027f + t * 1.061405429f))));
    float erf_abs = 1.0f - poly * expf(-a * a);
    x[i] = 0.5f * x[i] * (1.0f + (z < 0 ? -erf_abs : erf_abs));
  }
}

void ck_add(float *a, const float *b, int n) {
  for (int i = 0; i < n; i++) a[i] += b[i];
}

void ck_add_rows(float *x, const float *bias, int rows, int n) {
  for (int r = 0; r < rows; r++) ck_add(x + (size_t)r * n, bias, n);
}

void ck_attend_row(float *out, float *att, const float *q, const float *k, const float *v, int t,
                   int hd, int kvstride, float scale) {
  for (int j = 0; j < t; j++) {  // scores q·k_j
    const float *kj = k + (size_t)j * kvstride;
    float s = 0.0f;
    for (int d = 0; d < hd; d++) s += q[d] * kj[d];
    att[j] = s * scale;
  }
  ck_softmax(att, t);
  for (int d = 0; d < hd; d++) out[d] = 0.0f;
  for (int j = 0; j < t; j++) {  // out += att_j * v_j
    const float *vj = v + (size_t)j * kvstride;
    float a = att[j];
    for (int d = 0; d < hd; d++) out[d] += a * vj[d];
  }
}

void ck_causal_softmax(float *scores, int rows, int ld, int pos0) {
  for (int r = 0; r < rows; r++) {
    float *s = scores + (size_t)r * ld;
    int visible = pos0 + r + 1;
    ck_softmax(s, visible);
    for (int j = visible; j < ld; j++) s[j] = 0.0f;
  }
}
