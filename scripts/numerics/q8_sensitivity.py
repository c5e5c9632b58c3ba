#!/usr/bin/env python3
"""Why an engine cannot reproduce llama.cpp's greedy text by rounding the way it rounds.

Uses llama.cpp's own block-0 tensors for one fixture prompt (scripts/numerics/layer_dump.cpp,
flash attention off) and the GGUF's raw Q4_1 blocks:
1. Replays llama.cpp's quantised matrix products (activation rows quantised to Q8_1 blocks of 32 with
   F16 scale and F16 scaled sum, exact integer dot products, F16 weight scale and minimum) on the
   very inputs llama.cpp had, and prints how far that is from llama.cpp's outputs: the rounding
   model is exact (~1e-7, float summation order only).
2. Perturbs the feed-forward input by a relative eps (1 ulp … 1e-3, random sign per element) and
   prints how much the block's feed-forward output moves with Q8_1 activations (llama.cpp's maths)
   and with float activations, and how many Q8 integers change. Float maths moves by about eps;
   Q8 maths either does not move at all or jumps by re-drawn roundings, ~1/127 of a block's
   largest value each. Differences between two engines' float operations (summation order, exp,
   rms-norm details) are of the first kind until one rounding flips; from then on every later
   rounding is re-drawn and the two engines differ by quantisation noise, not by their accuracy.
Needs `make llamacpp` and numpy. Usage: scripts/numerics/q8_sensitivity.py [PROMPT_ID] [SEED]
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from layer0 import HOME, MODEL, REPO, build_dump, rel  # noqa: E402

from gguf import GGUFReader  # noqa: E402  (layer0 puts the cached llama.cpp gguf-py on the path)


def f16(x):
    return np.asarray(x, np.float32).astype(np.float16).astype(np.float32)


class Q41Matrix:
    """A Q4_1 weight matrix as its raw parts: per-block F16 scale d and minimum m, 4-bit quants."""

    def __init__(self, tensor, rows, cols):
        raw = np.asarray(tensor.data).view(np.uint8).reshape(rows, cols // 32, 20)
        self.d = raw[:, :, 0:2].copy().view(np.float16)[:, :, 0].astype(np.float64)
        self.m = raw[:, :, 2:4].copy().view(np.float16)[:, :, 0].astype(np.float64)
        qs = raw[:, :, 4:20]
        self.q = np.concatenate([qs & 15, qs >> 4], axis=2).astype(np.int64)

    def times_q8_1(self, x):
        """W·x the way ggml_vec_dot_q4_1_q8_1 computes it: Σ_b d_w·d_x·Σ q_w q_x + m_w·s_x."""
        amax = np.abs(np.asarray(x, np.float32).reshape(-1, 32)).max(axis=1)
        d = (amax / np.float32(127)).astype(np.float32)
        qx = quants(x)
        s = f16(d * qx.sum(axis=1).astype(np.float32)).astype(np.float64)
        sumi = np.einsum("rbk,bk->rb", self.q, qx).astype(np.float64)
        return (self.d * f16(d)[None].astype(np.float64) * sumi).sum(axis=1) + (self.m * s[None]).sum(axis=1)

    def times_float(self, x):
        w = self.d[:, :, None] * self.q + self.m[:, :, None]
        return w.reshape(w.shape[0], -1) @ np.asarray(x, np.float64)


def quants(x):
    """The Q8 integers of an activation row (llama.cpp's AVX2 rounding: x·(127/amax), nearest even)."""
    blocks = np.asarray(x, np.float32).reshape(-1, 32)
    amax = np.abs(blocks).max(axis=1)
    inv = np.where(amax != 0, np.float32(127) / np.where(amax != 0, amax, 1), 0).astype(np.float32)
    return np.rint((blocks * inv[:, None]).astype(np.float32)).astype(np.int64)


def main():
    pid = sys.argv[1] if len(sys.argv) > 1 else "rag-00"
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    fixtures = REPO / "Tests" / "InferenceTests" / "Fixtures" / "llamacpp" / "next-token.jsonl"
    prompt = next(r for r in map(json.loads, open(fixtures, encoding="utf-8")) if r["id"] == pid)["prompt"]
    ref = json.loads(subprocess.run([str(build_dump()), str(MODEL)], input=prompt.encode(), check=True,
                                    stdout=subprocess.PIPE).stdout)
    tensors = {t.name: t for t in GGUFReader(str(MODEL)).tensors}
    mat = {name: Q41Matrix(tensors[f"blk.0.{name}.weight"], rows, cols) for name, rows, cols in [
        ("attn_v", 192, 576), ("attn_output", 576, 576), ("ffn_gate", 1536, 576), ("ffn_up", 1536, 576),
        ("ffn_down", 576, 1536)]}

    def ffn(x, product):
        gate, up = product(mat["ffn_gate"], x), product(mat["ffn_up"], x)
        return product(mat["ffn_down"], (gate / (1 + np.exp(-gate)) * up).astype(np.float32))

    q8, flt = Q41Matrix.times_q8_1, Q41Matrix.times_float
    print(f"{pid} ({len(ref['tokens'])} tokens), block 0, last token; relative L2 error vs llama.cpp:")
    print(f"  V projection of llama.cpp's attn_norm:       {rel(q8(mat['attn_v'], ref['attn_norm-0']), ref['Vcur-0']):.1e}")
    print(f"  output projection of llama.cpp's kqv_out:    {rel(q8(mat['attn_output'], ref['kqv_out-0']), ref['attn_out-0']):.1e}"
          f"   (float activations instead: {rel(flt(mat['attn_output'], ref['kqv_out-0']), ref['attn_out-0']):.1e})")
    x = np.asarray(ref["ffn_norm-0"], np.float32)
    base = ffn(x, q8)
    print(f"  feed-forward of llama.cpp's ffn_norm:        {rel(base, ref['ffn_out-0']):.1e}")
    rng = np.random.default_rng(seed)
    signs = np.where(rng.random(x.size) < 0.5, 1.0, -1.0)
    flt_base = ffn(x, flt)
    print("Feed-forward input x moved to x·(1 ± eps) (random sign per element); relative change of its output:")
    print("      eps   Q8_1 activations (llama.cpp)   float activations   Q8_1 roundings re-drawn")
    ulp = np.where(signs > 0, np.nextafter(x, np.inf), np.nextafter(x, -np.inf)).astype(np.float32)
    for label, nudged in [("1 ulp", ulp)] + [(f"{eps:.0e}", (x * (1 + signs * eps)).astype(np.float32))
                                              for eps in (1e-6, 1e-5, 1e-4, 1e-3)]:
        flips = int((quants(nudged) != quants(x)).sum())
        print(f"  {label:>7}   {rel(ffn(nudged, q8), base):28.1e}   {rel(ffn(nudged, flt), flt_base):17.1e}"
              f"   {flips} of {x.size}")

if __name__ == "__main__":
    main()
