// CPU feature detection and the run-time switch for the kernels' SIMD dispatch.
#include <stdlib.h>
#include <string.h>

#include "arch.h"
#include "ckernels.h"

int ck_cpu_has_avx2(void) {
#if CK_X86
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") &&
         __builtin_cpu_supports("f16c");
#else
  return 0; // no x86 SIMD code is compiled on other architectures
#endif
}

int ck_no_simd_requested(const char *value) {
  return value != NULL && value[0] != '\0' && strcmp(value, "0") != 0;
}

int ck_use_avx2(void) {
  static int cached = -1; // -1 unknown; races only ever store the same value
  int v = __atomic_load_n(&cached, __ATOMIC_RELAXED);
  if (v < 0) {
    v = !ck_no_simd_requested(getenv("RAGLAB_NO_SIMD")) && ck_cpu_has_avx2();
    __atomic_store_n(&cached, v, __ATOMIC_RELAXED);
  }
  return v;
}

int ck_use_avx512(void) {
  static int cached = -1; // -1 unknown; races only ever store the same value
  int v = __atomic_load_n(&cached, __ATOMIC_RELAXED);
  if (v < 0) {
#if CK_X86
    __builtin_cpu_init();
    v = ck_use_avx2() && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl");
#else
    v = 0;
#endif
    __atomic_store_n(&cached, v, __ATOMIC_RELAXED);
  }
  return v;
}
