// Private: ggml block layouts and scalar helpers shared by the kernel files.
#pragma once
#include <stdint.h>
#include <string.h>

#define CK_QK 32    // values per block of the legacy formats (Q4_0 … Q8_1)
#define CK_QK_K 256 // values per super-block of the k-quants

// ggml type ids (enum ggml_type), mirrored by the Swift GGMLType enum.
enum {
  CK_F32 = 0, CK_F16 = 1, CK_Q4_0 = 2, CK_Q4_1 = 3, CK_Q5_0 = 6, CK_Q5_1 = 7, CK_Q8_0 = 8,
  CK_Q8_1 = 9, CK_Q4_K = 12, CK_Q5_K = 13, CK_Q6_K = 14, CK_Q8_K = 15, CK_BF16 = 30,
};

// Legacy blocks of 32 values: scale d (and offset m) as IEEE half, then packed quants.
typedef struct { uint16_t d; uint8_t qs[16]; } ck_block_q4_0;
typedef struct { uint16_t d, m; uint8_t qs[16]; } ck_block_q4_1;
typedef struct { uint16_t d; uint8_t qh[4]; uint8_t qs[16]; } ck_block_q5_0;
typedef struct { uint16_t d, m; uint8_t qh[4]; uint8_t qs[16]; } ck_block_q5_1;
typedef struct { uint16_t d; int8_t qs[32]; } ck_block_q8_0;
typedef struct { uint16_t d, s; int8_t qs[32]; } ck_block_q8_1; // s = d * sum(qs)

// K-quant super-blocks of 256 values in 8 (Q4_K/Q5_K) or 16 (Q6_K) sub-blocks.
typedef struct { uint16_t d, dmin; uint8_t scales[12]; uint8_t qs[128]; } ck_block_q4_K;
typedef struct { uint16_t d, dmin; uint8_t scales[12]; uint8_t qh[32]; uint8_t qs[128]; } ck_block_q5_K;
typedef struct { uint8_t ql[128]; uint8_t qh[64]; int8_t scales[16]; uint16_t d; } ck_block_q6_K;
typedef struct { float d; int8_t qs[256]; int16_t bsums[16]; } ck_block_q8_K; // bsums: sums of 16 qs

_Static_assert(sizeof(ck_block_q4_0) == 18, "q4_0 size");
_Static_assert(sizeof(ck_block_q4_1) == 20, "q4_1 size");
_Static_assert(sizeof(ck_block_q5_0) == 22, "q5_0 size");
_Static_assert(sizeof(ck_block_q5_1) == 24, "q5_1 size");
_Static_assert(sizeof(ck_block_q8_0) == 34, "q8_0 size");
_Static_assert(sizeof(ck_block_q8_1) == 36, "q8_1 size");
_Static_assert(sizeof(ck_block_q4_K) == 144, "q4_K size");
_Static_assert(sizeof(ck_block_q5_K) == 176, "q5_K size");
_Static_assert(sizeof(ck_block_q6_K) == 210, "q6_K size");
_Static_assert(sizeof(ck_block_q8_K) == 292, "q8_K size");

/// IEEE binary16 bits to float, exact for every input (subnormals, ±inf, NaN payloads).
static inline float ck_h2f(uint16_t h) {
  uint32_t sign = (uint32_t)(h & 0x8000u) << 16;
  uint32_t exp = (h >> 10) & 0x1fu, man = h & 0x3ffu, bits;
  if (exp == 0x1f) {
    bits = sign | 0x7f800000u | (man << 13); // inf / NaN
  } else if (exp != 0) {
    bits = sign | ((exp + 112u) << 23) | (man << 13); // normal: rebias 15 -> 127
  } else if (man == 0) {
    bits = sign; // signed zero
  } else {
    // subnormal: value = man * 2^-24; renormalise so the leading one becomes implicit.
    int shift = __builtin_clz(man) - 21; // man has its top bit at position 10 - shift
    man = (man << shift) & 0x3ffu;
    bits = sign | ((uint32_t)(113 - shift) << 23) | (man << 13);
  }
  float f;
  memcpy(&f, &bits, 4);
  return f;
}

/// Float to IEEE binary16 bits, rounding to nearest even; overflow gives ±inf, NaN stays NaN.
static inline uint16_t ck_f2h(float f) {
  uint32_t x;
  memcpy(&x, &f, 4);
  uint16_t sign = (uint16_t)((x >> 16) & 0x8000u);
  uint32_t ax = x & 0x7fffffffu;
  if (ax > 0x7f800000u) return sign | 0x7e00u;    // NaN (quiet)
  if (ax >= 0x477ff000u) return sign | 0x7c00u;   // >= 65520 rounds to inf
  if (ax < 0x38800000u) {                         // below 2^-14: half subnormal or zero
    if (ax <= 0x33000000u) return sign;           // <= 2^-25 rounds (to even) to zero
    uint32_t e = ax >> 23, m = (ax & 0x7fffffu) | 0x800000u;
    uint32_t shift = 126u - e;                    // value / 2^-24 = m >> shift
    uint32_t q = m >> shift, rem = m & ((1u << shift) - 1u), half = 1u << (shift - 1u);
    if (rem > half || (rem == half && (q & 1u))) q++;
    return sign | (uint16_t)q;
  }
  uint32_t q = (ax >> 13) - (112u << 10);         // rebias exponent 127 -> 15, keep 10 bits
  uint32_t rem = ax & 0x1fffu;
  if (rem > 0x1000u || (rem == 0x1000u && (q & 1u))) q++;
  return sign | (uint16_t)q;
}

/// bfloat16 bits to float (the top half of a binary32).
static inline float ck_bf2f(uint16_t h) {
  uint32_t bits = (uint32_t)h << 16;
  float f;
  memcpy(&f, &bits, 4);
  return f;
}

/// The j-th (0..7) 6-bit scale and min of a Q4_K/Q5_K super-block's 12 packed bytes.
static inline void ck_scale_min_k4(int j, const uint8_t *q, uint8_t *sc, uint8_t *mn) {
  if (j < 4) {
    *sc = q[j] & 63;
    *mn = q[j + 4] & 63;
  } else {
    *sc = (uint8_t)((q[j + 4] & 0x0f) | ((q[j - 4] >> 6) << 4));
    *mn = (uint8_t)((q[j + 4] >> 4) | ((q[j] >> 6) << 4));
  }
}
