// AVX2 dot products of the k-quant formats Q4_K, Q5_K, Q6_K with Q8_K activations.
#include "blocks.h"
#include "simd_avx2.h"
#include "vec_dot.h"

#if CK_X86 // the whole file is AVX2 code

/// Unpacks the 12 packed bytes of a Q4_K/Q5_K super-block into 8 scales then 8 mins, four at a
/// time with 32-bit masks: bytes 0-3 and 4-7 hold the low six bits of scales/mins 0-3 (their top
/// two bits are the high bits of scales/mins 4-7), bytes 8-11 the low nibbles of scales/mins 4-7.
static inline void unpack_scales(const uint8_t *packed, uint8_t out[16]) {
  uint32_t q[3], u[4];
  memcpy(q, packed, 12);
  u[0] = q[0] & 0x3f3f3f3fu;                                        // scales 0-3
  u[1] = (q[2] & 0x0f0f0f0fu) | ((q[0] >> 2) & 0x30303030u);        // scales 4-7
  u[2] = q[1] & 0x3f3f3f3fu;                                        // mins 0-3
  u[3] = ((q[2] >> 4) & 0x0f0f0f0fu) | ((q[1] >> 2) & 0x30303030u); // mins 4-7
  memcpy(out, u, 16);
}

/// Σ_s min_s · (sum of the 32 activations of sub-block s) as 8 int32 lanes, from Q8_K group sums.
CK_AVX2 static inline __m256i mins_dot(const uint8_t *mins, const int16_t *bsums) {
  const __m128i m = _mm_loadl_epi64((const __m128i *)mins);
  const __m256i pairs = _mm256_cvtepu8_epi16(_mm_unpacklo_epi8(m, m)); // m0 m0 m1 m1 …
  return _mm256_madd_epi16(_mm256_loadu_si256((const __m256i *)bsums), pairs);
}

CK_AVX2 float ck_dot_q4_K_avx2(int64_t n, const void *w, const void *x) {
  const ck_block_q4_K *a = (const ck_block_q4_K *)w;
  const ck_block_q8_K *b = (const ck_block_q8_K *)x;
  const __m256i low4 = _mm256_set1_epi8(0x0f);
  __m256 acc = _mm256_setzero_ps(), offsets = _mm256_setzero_ps();
  for (int64_t i = 0; i < n / CK_QK_K; i++) {
    uint8_t sc[16]; // 8 scales, then 8 mins
    unpack_scales(a[i].scales, sc);
    __m256i sumi = _mm256_setzero_si256();
    for (int c = 0; c < 4; c++) { // 64 values: sub-blocks 2c (low nibbles) and 2c+1 (high)
      const __m256i q = _mm256_loadu_si256((const __m256i *)(a[i].qs + 32 * c));
      const __m256i y0 = _mm256_loadu_si256((const __m256i *)(b[i].qs + 64 * c));
      const __m256i y1 = _mm256_loadu_si256((const __m256i *)(b[i].qs + 64 * c + 32));
      const __m256i p0 = _mm256_maddubs_epi16(_mm256_and_si256(q, low4), y0);
      const __m256i p1 = _mm256_maddubs_epi16(_mm256_and_si256(_mm256_srli_epi16(q, 4), low4), y1);
      sumi = _mm256_add_epi32(sumi, _mm256_madd_epi16(p0, _mm256_set1_epi16(sc[2 * c])));
      sumi = _mm256_add_epi32(sumi, _mm256_madd_epi16(p1, _mm256_set1_epi16(sc[2 * c + 1])));
    }
    const __m128 dm = _mm_mul_ps(ck_h2f_pair(a[i].d, a[i].dmin), _mm_set1_ps(b[i].d));
    acc = _mm256_fmadd_ps(_mm256_broadcastss_ps(dm), _mm256_cvtepi32_ps(sumi), acc);
    const __m256 dmin = _mm256_broadcastss_ps(_mm_movehdup_ps(dm));
    offsets = _mm256_fmadd_ps(dmin, _mm256_cvtepi32_ps(mins_dot(sc + 8, b[i].bsums)), offsets);
  }
  return ck_hsum_ps(_mm256_sub_ps(acc, offsets));
}

CK_AVX2 float ck_dot_q5_K_avx2(int64_t n, const void *w, const void *x) {
  const ck_block_q5_K *a = (const ck_block_q5_K *)w;
  const ck_block_q8_K *b = (const ck_block_q8_K *)x;
  const __m256i low4 = _mm256_set1_epi8(0x0f), one = _mm256_set1_epi8(1);
  __m256 acc = _mm256_setzero_ps(), offsets = _mm256_setzero_ps();
  for (int64_t i = 0; i < n / CK_QK_K; i++) {
    uint8_t sc[16]; // 8 scales, then 8 mins
    unpack_scales(a[i].scales, sc);
    __m256i qh = _mm256_loadu_si256((const __m256i *)a[i].qh); // shifted right by 2 per chunk
    __m256i sumi = _mm256_setzero_si256();
    for (int c = 0; c < 4; c++) {
      const __m256i q = _mm256_loadu_si256((const __m256i *)(a[i].qs + 32 * c));
      const __m256i h0 = _mm256_slli_epi16(_mm256_and_si256(qh, one), 4);
      const __m256i h1 = _mm256_slli_epi16(_mm256_and_si256(_mm256_srli_epi16(qh, 1), one), 4);
      const __m256i q0 = _mm256_or_si256(_mm256_and_si256(q, low4), h0);
      const __m256i q1 = _mm256_or_si256(_mm256_and_si256(_mm256_srli_epi16(q, 4), low4), h1);
      const __m256i y0 = _mm256_loadu_si256((const __m256i *)(b[i].qs + 64 * c));
      const __m256i y1 = _mm256_loadu_si256((const __m256i *)(b[i].qs + 64 * c + 32));
      const __m256i p0 = _mm256_maddubs_epi16(q0, y0);
      const __m256i p1 = _mm256_maddubs_epi16(q1, y1);
      sumi = _mm256_add_epi32(sumi, _mm256_madd_epi16(p0, _mm256_set1_epi16(sc[2 * c])));
      sumi = _mm256_add_epi32(sumi, _mm256_madd_epi16(p1, _mm256_set1_epi16(sc[2 * c + 1])));
      qh = _mm256_srli_epi16(qh, 2);
    }
    const __m128 dm = _mm_mul_ps(ck_h2f_pair(a[i].d, a[i].dmin), _mm_set1_ps(b[i].d));
    acc = _mm256_fmadd_ps(_mm256_broadcastss_ps(dm), _mm256_cvtepi32_ps(sumi), acc);
    const __m256 dmin = _mm256_broadcastss_ps(_mm_movehdup_ps(dm));
    offsets = _mm256_fmadd_ps(dmin, _mm256_cvtepi32_ps(mins_dot(sc + 8, b[i].bsums)), offsets);
  }
  return ck_hsum_ps(_mm256_sub_ps(acc, offsets));
}

// Q6_K: quants are used unsigned (0..63) and the −32 offset is removed afterwards with the
// Q8_K group sums: Σ sc·(q−32)·y = Σ sc·q·y − 32·Σ_j sc_j·bsum_j.
CK_AVX2 float ck_dot_q6_K_avx2(int64_t n, const void *w, const void *x) {
  const ck_block_q6_K *a = (const ck_block_q6_K *)w;
  const ck_block_q8_K *b = (const ck_block_q8_K *)x;
  const __m256i low4 = _mm256_set1_epi8(0x0f), mask2 = _mm256_set1_epi8(3);
  __m256 acc = _mm256_setzero_ps();
  for (int64_t i = 0; i < n / CK_QK_K; i++) {
    const __m256i sc = _mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)a[i].scales)); // 16 × i16
    const __m256i offset = _mm256_madd_epi16(sc, _mm256_loadu_si256((const __m256i *)b[i].bsums));
    __m256i sumi = _mm256_sub_epi32(_mm256_setzero_si256(), _mm256_slli_epi32(offset, 5)); // −32·Σ sc·bsum
    for (int h = 0; h < 2; h++) {
      const __m256i ql0 = _mm256_loadu_si256((const __m256i *)(a[i].ql + 64 * h));
      const __m256i ql1 = _mm256_loadu_si256((const __m256i *)(a[i].ql + 64 * h + 32));
      const __m256i qh = _mm256_loadu_si256((const __m256i *)(a[i].qh + 32 * h));
      const __m256i sc_h = _mm256_broadcastsi128_si256(h ? _mm256_extracti128_si256(sc, 1) : _mm256_castsi256_si128(sc));
      __m256i q[4];
      q[0] = _mm256_and_si256(ql0, low4);
      q[1] = _mm256_and_si256(ql1, low4);
      q[2] = _mm256_and_si256(_mm256_srli_epi16(ql0, 4), low4);
      q[3] = _mm256_and_si256(_mm256_srli_epi16(ql1, 4), low4);
      for (int k = 0; k < 4; k++) { // values 32k..32k+31 of this half: sub-blocks 2k (low lane), 2k+1
        const __m256i hi = _mm256_and_si256(_mm256_srli_epi16(qh, 2 * k), mask2);
        const __m256i qk = _mm256_or_si256(q[k], _mm256_slli_epi16(hi, 4));
        const __m256i y = _mm256_loadu_si256((const __m256i *)(b[i].qs + 128 * h + 32 * k));
        const __m256i pick = _mm256_set_m128i(_mm_set1_epi16((short)((4 * k + 2) | (4 * k + 3) << 8)),
                                              _mm_set1_epi16((short)((4 * k) | (4 * k + 1) << 8)));
        const __m256i scale = _mm256_shuffle_epi8(sc_h, pick); // scale 2k in the low lane, 2k+1 high
        sumi = _mm256_add_epi32(sumi, _mm256_madd_epi16(_mm256_maddubs_epi16(qk, y), scale));
      }
    }
    const float d = b[i].d * _mm_cvtss_f32(ck_h2f_pair(a[i].d, 0));
    acc = _mm256_fmadd_ps(_mm256_set1_ps(d), _mm256_cvtepi32_ps(sumi), acc);
  }
  return ck_hsum_ps(acc);
}
#endif // CK_X86
