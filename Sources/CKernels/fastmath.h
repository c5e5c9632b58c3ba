// Vectorisable elementary functions shared by the kernels.
#pragma once
#include <math.h>
#include <stdint.h>
#include <string.h>

// exp(x) as cephes' expf: x = n·ln2 + r, |r| ≤ ln2/2, degree-6 polynomial; plain arithmetic so the
// compiler vectorises loops that call it (glibc's expf is a scalar call). Relative error ~1e-7.
static inline float fast_expf(float x) {
  x = fmaxf(fminf(x, 88.3762626647949f), -87.3365478515625f);
  float n = floorf(x * 1.44269504088896341f + 0.5f);
  float r = x - n * 0.693359375f + n * 2.12194440e-4f;
  float p = 1.9875691500e-4f;
  p = p * r + 1.3981999507e-3f;
  p = p * r + 8.3334519073e-3f;
  p = p * r + 4.1665795894e-2f;
  p = p * r + 1.6666665459e-1f;
  p = p * r + 5.0000001201e-1f;
  p = p * r * r + r + 1.0f;
  int32_t bits = ((int32_t)n + 127) << 23;
  float scale;
  memcpy(&scale, &bits, sizeof scale);
  return p * scale;
}
