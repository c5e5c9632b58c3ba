// AVX2 dot products of the k-quant formats Q4_K, Q5_K, Q6_K with Q8_K activations.
#include "blocks.h"
#include "simd_avx2.h"
#include "vec_dot.h"

/// Unpacks the 8 scales and 8 mins of a Q4_K/Q5_K super-block.
static inline void unpack_scales(const uint8_t *packed, uint8_t sc[8], uint8_t mn[8]) {
  for (int j = 0; j < 8; j++) ck_scale_min_k4(j, packed, &sc[j], &mn[j]);
}

/// Σ_s min_s · (sum of the 32 activations of sub-block s), from the Q8_K group sums.
static inline int mins_dot(const uint8_t mn[8], const int16_t *bsums) {
  int s = 0;
  for (int j = 0; j < 8; j++) s += mn[j] * (bsums[2 * j] + bsums[2 * j + 1]);
  return s;
}

CK_AVX2 float ck_dot_q4_K_avx2(int64_t n, const void *w, const void *x) {
  const ck_block_q4_K *a = (const ck_block_q4_K *)w;
  const ck_block_q8_K *b = (const ck_block_q8_K *)x;
  const __m256i low4 = _mm256_set1_epi8(0x0f);
  __m256 acc = _mm256_setzero_ps();
  float offsets = 0.0f;
  for (int64_t i = 0; i < n / CK_QK_K; i++) {
    uint8_t sc[8], mn[8];
    unpack_scales(a[i].scales, sc, mn);
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
    const __m128 dm = ck_h2f_pair(a[i].d, a[i].dmin);
    const float d = b[i].d * _mm_cvtss_f32(dm), dmin = b[i].d * _mm_cvtss_f32(_mm_movehdup_ps(dm));
    acc = _mm256_fmadd_ps(_mm256_set1_ps(d), _mm256_cvtepi32_ps(sumi), acc);
    offsets += dmin * (float)mins_dot(mn, b[i].bsums);
  }
  return ck_hsum_ps(acc) - offsets;
}

CK_AVX2 float ck_dot_q5_K_avx2(int64_t n, const void *w, const void *x) {
  const ck_block_q5_K *a = (const ck_block_q5_K *)w;
  const ck_block_q8_K *b = (const ck_block_q8_K *)x;
  const __m256i low4 = _mm256_set1_epi8(0x0f), one = _mm256_set1_epi8(1);
  __m256 acc = _mm256_setzero_ps();
  float offsets = 0.0f;
  for (int64_t i = 0; i < n / CK_QK_K; i++) {
    uint8_t sc[8], mn[8];
    unpack_scales(a[i].scales, sc, mn);
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
    const __m128 dm = ck_h2f_pair(a[i].d, a[i].dmin);
    const float d = b[i].d * _mm_cvtss_f32(dm), dmin = b[i].d * _mm_cvtss_f32(_mm_movehdup_ps(dm));
    acc = _mm256_fmadd_ps(_mm256_set1_ps(d), _mm256_cvtepi32_ps(sumi), acc);
    offsets += dmin * (float)mins_dot(mn, b[i].bsums);
  }
  return ck_hsum_ps(acc) - offsets;
}

// Q6_K: quants are used unsigned (0..63) and the −32 offset is removed afterwards with the
// Q8_K group sums: Σ sc·(q−32)·y = Σ sc·q·y − 32·Σ_j sc_j·bsum_j.
CK_AVX2 float ck_dot_q6_K_avx2(int64_t n, const void *w, const void *x) {
  const ck_block_q6_K *a = (const ck_block_q6_K *)w;
  const ck_block_q8_K *b = (const ck_block_q8_K *)x;
  const __m256i low4 = _mm256_set1_epi8(0x0f), two = _mm256_set1_epi8(3);
  __m256 acc = _mm256_setzero_ps();
  for (int64_t i = 0; i < n / CK_QK_K; i++) {
    const int8_t *sc = a[i].scales;
    int offset = 0;
    for (int j = 0; j < 16; j++) offset += sc[j] * b[i].bsums[j];
    __m256i sumi = _mm256_setzero_si256();
    for (int h = 0; h < 2; h++) {
      const __m256i ql0 = _mm256_loadu_si256((const __m256i *)(a[i].ql + 64 * h));
      const __m256i ql1 = _mm256_loadu_si256((const __m256i *)(a[i].ql + 64 * h + 32));
      const __m256i qh = _mm256_loadu_si256((const __m256i *)(a[i].qh + 32 * h));
      __m256i q[4];
      q[0] = _mm256_and_si256(ql0, low4);
      q[1] = _mm256_and_si256(ql1, low4);
      q[2] = _mm256_and_si256(_mm256_srli_epi16(ql0, 4), low4);
      q[3] = _mm256_and_si256(_mm256_srli_epi16(ql1, 4), low4);
      for (int k = 0; k < 4; k++) { // values 32k..32k+31 of this half: two 16-value sub-blocks
        const __m256i hi = _mm256_and_si256(_mm256_srli_epi16(qh, 2 * k), two);
        const __m256i qk = _mm256_or_si256(q[k], _mm256_slli_epi16(hi, 4));
        const __m256i y = _mm256_loadu_si256((const __m256i *)(b[i].qs + 128 * h + 32 * k));
        const __m256i scale =
            _mm256_set_m128i(_mm_set1_epi16(sc[8 * h + 2 * k + 1]), _mm_set1_epi16(sc[8 * h + 2 * k]));
        sumi = _mm256_add_epi32(sumi, _mm256_madd_epi16(_mm256_maddubs_epi16(qk, y), scale));
      }
    }
    const float d = b[i].d * _mm_cvtss_f32(ck_h2f_pair(a[i].d, 0));
    const __m256i centred = _mm256_sub_epi32(sumi, _mm256_setr_epi32(32 * offset, 0, 0, 0, 0, 0, 0, 0));
    acc = _mm256_fmadd_ps(_mm256_set1_ps(d), _mm256_cvtepi32_ps(centred), acc);
  }
  return ck_hsum_ps(acc);
}
