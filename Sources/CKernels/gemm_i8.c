// The int8 GEMM's path selection and its portable reference kernel.
#include <stdlib.h>
#include <string.h>

#include "arch.h"
#include "ckernels.h"
#include "ckgemm.h"
#include "gemm_i8_simd.h"

/// The CPU query behind ck_i8_path_supported.
static int query_path(int path) {
  switch (path) {
  case CK_I8_SCALAR: return 1;
#if CK_X86
  case CK_I8_AVX2: return ck_cpu_has_avx2();
  case CK_I8_AVX_VNNI:
    __builtin_cpu_init();
    return ck_cpu_has_avx2() && __builtin_cpu_supports("avxvnni");
  case CK_I8_AVX512_VNNI:
    __builtin_cpu_init();
    return ck_cpu_has_avx2() && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
           __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512vnni");
#endif
  default: return 0;
  }
}

int ck_i8_path_supported(int path) {
  static int cached[CK_I8_AVX512_VNNI + 1] = {-1, -1, -1, -1, -1}; // races store the same value
  if (path < 0 || path > CK_I8_AVX512_VNNI) return 0;
  int v = __atomic_load_n(&cached[path], __ATOMIC_RELAXED);
  if (v < 0) {
    v = query_path(path);
    __atomic_store_n(&cached[path], v, __ATOMIC_RELAXED);
  }
  return v;
}

const char *ck_i8_path_name(int path) {
  switch (path) {
  case CK_I8_SCALAR: return "scalar";
  case CK_I8_AVX2: return "AVX2";
  case CK_I8_AVX_VNNI: return "AVX-VNNI";
  case CK_I8_AVX512_VNNI: return "AVX512-VNNI";
  default: return "none";
  }
}

/// The path RAGLAB_INT8_PATH names, -1 when unset or empty, CK_I8_NONE when unknown.
static int requested_path(void) {
  const char *v = getenv("RAGLAB_INT8_PATH");
  if (v == NULL || v[0] == '\0') return -1;
  if (strcmp(v, "avx2") == 0) return CK_I8_AVX2;
  if (strcmp(v, "avx-vnni") == 0) return CK_I8_AVX_VNNI;
  if (strcmp(v, "avx512-vnni") == 0) return CK_I8_AVX512_VNNI;
  return CK_I8_NONE;
}

int ck_i8_best_path(void) {
  if (!ck_use_avx2()) return CK_I8_NONE; // RAGLAB_NO_SIMD, or no AVX2: the F32 path
  const int asked = requested_path();
  if (asked >= 0) return ck_i8_path_supported(asked) ? asked : CK_I8_NONE;
  if (ck_i8_path_supported(CK_I8_AVX512_VNNI)) return CK_I8_AVX512_VNNI;
  if (ck_i8_path_supported(CK_I8_AVX_VNNI)) return CK_I8_AVX_VNNI;
  return CK_I8_AVX2;
}

/// The reference: each sub-block's integer dot product, then the scale and the offset, in floats.
static void gemm_scalar(const ck_packed_i8 *w, const ck_act_i8 *a, float *y, int64_t y_stride, int64_t g0,
                        int64_t g1) {
  const int64_t cols = w->cols, quads = cols / 4, subs = cols / w->sub, per = w->sub / 4;
  for (int64_t g = g0; g < g1; g++) {
    const uint8_t *gq = w->q + (size_t)(g * quads) * 64;
    for (int lane = 0; lane < CK_I8_GROUP; lane++) {
      const int64_t r = g * CK_I8_GROUP + lane;
      if (r >= w->rows) break;
      for (int64_t t = 0; t < a->tokens; t++) {
        const int8_t *x = a->q + t * cols;
        const float *s = w->sub == 16 ? a->s16 + t * (cols / 16) : a->s32 + t * (cols / 32);
        float acc = 0.0f;
        for (int64_t sb = 0; sb < subs; sb++) {
          int32_t dot = 0;
          for (int64_t k = sb * per; k < (sb + 1) * per; k++)
            for (int j = 0; j < 4; j++) dot += (int32_t)gq[k * 64 + lane * 4 + j] * (int32_t)x[4 * k + j];
          const size_t at = (size_t)((g * subs + sb) * CK_I8_GROUP + lane);
          const float dx = a->d[t * (cols / 32) + sb * w->sub / 32];
          acc += w->d[at] * dx * (float)dot;
          acc += w->m[at] * s[sb];
        }
        y[t * y_stride + r] = acc;
      }
    }
  }
}

int ck_i8_gemm(int path, const ck_packed_i8 *w, const ck_act_i8 *a, float *y, int64_t y_stride, int64_t g0,
               int64_t g1) {
  if (a->cols != w->cols || g0 < 0 || g1 > w->groups || g0 > g1) return CK_ERR_BAD_LENGTH;
  if (!ck_i8_path_supported(path) || (path == CK_I8_AVX2 && w->max_u > 127)) return CK_ERR_UNSUPPORTED_PATH;
  switch (path) {
  case CK_I8_SCALAR: gemm_scalar(w, a, y, y_stride, g0, g1); return CK_OK;
#if CK_X86
  case CK_I8_AVX2: ck_i8_gemm_avx2(w, a, y, y_stride, g0, g1); return CK_OK;
  case CK_I8_AVX_VNNI: ck_i8_gemm_avx_vnni(w, a, y, y_stride, g0, g1); return CK_OK;
  case CK_I8_AVX512_VNNI: ck_i8_gemm_avx512_vnni(w, a, y, y_stride, g0, g1); return CK_OK;
#endif
  default: return CK_ERR_UNSUPPORTED_PATH;
  }
}
