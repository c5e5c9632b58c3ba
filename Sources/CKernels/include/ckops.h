// Per-element transformer operations for the decoder forward pass (always compiled -O3).
#pragma once
#include <stddef.h>
#include <stdint.h>

/// out[r*n+i] = x[r*n+i] / rms(x[r]) * w[i] for `rows` rows of length n.
void ck_rmsnorm(float *out, const float *x, const float *w, int rows, int n, float eps);
/// Rotates `rows` rows of `heads` heads of size hd; row r is at position pos0+r. neox=0: pairs
/// (x[2i], x[2i+1]) (llama); neox=1: pairs (x[i], x[i+hd/2]) (qwen2). stride = floats per row.
void ck_rope(float *x, int rows, int stride, int heads, int hd, int pos0, float base, int neox);
/// In-place softmax of x[0..<n].
void ck_softmax(float *x, int n);
/// In place: x[i] = 0.5·x[i]·(1 + erf(x[i]/√2)) (BERT's GELU); erf by Abramowitz–Stegun 7.1.26
/// (absolute error ≤ 1.5e-7), which vectorises where libm's erff does not.
void ck_gelu_erf(float *x, int n);
/// a[i] = silu(a[i]) * b[i].
void ck_silu_mul(float *a, const float *b, int n);
/// a[i] += b[i].
void ck_add(float *a, const float *b, int n);
/// x[r*n+i] += bias[i] for `rows` rows.
void ck_add_rows(float *x, const float *bias, int rows, int n);
/// One query row against keys/values 0..<t (row stride `kvstride`): out[0..<hd] = softmax(q·K*scale)·V.
/// `att` receives the t softmax weights.
void ck_attend_row(float *out, float *att, const float *q, const float *k, const float *v, int t,
                   int hd, int kvstride, float scale);
/// Decode attention of one position over cache rows [j0, j1) — F32, or binary16 when `half` — for
/// `heads` query heads (head h uses KV head h/group, at column (h/group)·hd of rows `kvstride`
/// values apart). Writes per head {max score m, Σ exp(s−m), Σ exp(s−m)·v (hd floats)} to
/// `partial` (heads·(hd+2) floats); `scores` needs group·(j1−j0) floats. An empty range writes l = 0.
void ck_attend_partial(const float *q, const void *k, const void *v, int half, int j0, int j1,
                       int heads, int group, int hd, int kvstride, float scale, float *scores,
                       float *partial);
/// out[h·hd…] = softmax-weighted values of head h, combined exactly from `parts` partials laid
/// out back to back (each heads·(hd+2) floats, as ck_attend_partial writes them).
void ck_attend_merge(float *out, const float *partials, int parts, int heads, int hd);
/// Masks row r of a score matrix (scores[r*ld + j] for j > limit(r) = pos0+r) and softmaxes the visible part.
void ck_causal_softmax(float *scores, int rows, int ld, int pos0);
/// out[r·out_stride + d] = Σ_{j ≤ pos0 + r} p[r·ld + j]·v[j·kvstride + d] for rows r and d < hd,
/// each row summed in key order alone: its result is the same whatever block it was computed in.
void ck_weighted_value_rows(float *out, int out_stride, const float *p, int ld, int rows, int pos0,
                            const float *v, int kvstride, int hd);
/// s[r·ld + j] = scale·(q_r · k_j) for rows r (q_r at q + r·q_stride) and keys j ≤ pos0 + r, each
/// a dot product of hd values (a multiple of 8) summed in a fixed order whatever the block.
void ck_score_rows(float *s, int ld, const float *q, int q_stride, int rows, int pos0, const float *k,
                   int kvstride, int hd, float scale);
