#!/usr/bin/env python3
"""Where raglab's and llama.cpp's numbers part: layer 0 of one fixture prompt, against exact maths.

Recomputes block 0 of SmolLM2 in float64 from the GGUF's dequantised weights (gguf-py from the
cached llama.cpp source, numpy), once with float activations and once rounding every matmul input
to Q8 blocks of 32 (what llama.cpp does for Q4_1/Q8_0 weights), and prints the relative L2 error
of llama.cpp's tensors (scripts/numerics/layer_dump.cpp, flash attention off) and of raglab's
(`raglab model hidden`) against each, then both engines' per-layer distance.
Needs `make llamacpp` and numpy. Usage: scripts/numerics/layer0.py [PROMPT_ID] [RAGLAB_BINARY]
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]
HOME = Path(os.environ.get("RAGLAB_HOME", Path.home() / ".cache" / "raglab"))
LLAMA = HOME / "llama.cpp"
MODEL = HOME / "models" / "SmolLM2-135M-Instruct.Q4_1.gguf"
sys.path.insert(0, str(LLAMA / "src" / "gguf-py"))
from gguf import GGUFReader  # noqa: E402
from gguf.quants import dequantize  # noqa: E402


def build_dump():
    out = LLAMA / "reference" / "layer_dump"
    src = Path(__file__).with_name("layer_dump.cpp")
    if not out.exists() or src.stat().st_mtime > out.stat().st_mtime:
        out.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["g++", "-std=c++17", "-O2", str(src), "-o", str(out), f"-I{LLAMA}/src/include",
                        f"-I{LLAMA}/src/ggml/include", f"-L{LLAMA}/build/bin", f"-Wl,-rpath,{LLAMA}/build/bin",
                        "-lllama", "-lggml", "-lggml-base"], check=True)
    return out


def rel(a, b):
    return float(np.linalg.norm(np.asarray(a) - np.asarray(b)) / np.linalg.norm(b))


def q8(x):
    """Rounds a vector the way Q8_0/Q8_1 activation blocks hold it (scale in f16)."""
    blocks = x.reshape(-1, 32)
    d = np.abs(blocks).max(axis=1, keepdims=True) / 127
    q = np.round(np.divide(blocks, d, out=np.zeros_like(blocks), where=d > 0))
    return (q * d.astype(np.float16).astype(np.float64)).reshape(-1)


def main():
    pid = sys.argv[1] if len(sys.argv) > 1 else "rag-00"
    raglab = sys.argv[2] if len(sys.argv) > 2 else str(REPO / ".build" / "release" / "raglab")
    fixtures = REPO / "Tests" / "InferenceTests" / "Fixtures" / "llamacpp" / "next-token.jsonl"
    prompt = next(r for r in map(json.loads, open(fixtures, encoding="utf-8")) if r["id"] == pid)["prompt"]
    ref = json.loads(subprocess.run([str(build_dump()), str(MODEL)], input=prompt.encode(), check=True,
                                    stdout=subprocess.PIPE).stdout)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        f.write(json.dumps(prompt) + "\n")
    ours = json.loads(subprocess.run([raglab, "model", "hidden", "--jsonl", f.name], check=True,
                                     stdout=subprocess.PIPE).stdout)["layers"]
    reader = GGUFReader(str(MODEL))
    tensors = {t.name: t for t in reader.tensors}

    def w(name):
        t = tensors[name]
        return np.asarray(dequantize(t.data, t.tensor_type), dtype=np.float64)

    tokens = ref["tokens"]
    n = len(tokens)
    emb = w("token_embd.weight").reshape(-1, 576)[tokens]

    def rms(x, g):
        return x / np.sqrt(np.mean(x * x, axis=-1, keepdims=True) + 1e-5) * g

    def rope(v, heads):
        v = v.reshape(n, heads, 64).copy()
        pos = np.arange(n)[:, None]
        for i in range(32):
            th = pos * 100000.0 ** (-2 * i / 64)
            a, b = v[:, :, 2 * i].copy(), v[:, :, 2 * i + 1].copy()
            v[:, :, 2 * i], v[:, :, 2 * i + 1] = a * np.cos(th) - b * np.sin(th), a * np.sin(th) + b * np.cos(th)
        return v

    def block0(quantise):
        qa = (lambda m: np.stack([q8(r) for r in np.atleast_2d(m)]).reshape(np.shape(m))) if quantise else (lambda m: m)
        x = rms(emb, w("blk.0.attn_norm.weight"))
        q = rope(qa(x) @ w("blk.0.attn_q.weight").reshape(576, 576).T, 9)
        k = rope(qa(x) @ w("blk.0.attn_k.weight").reshape(192, 576).T, 3)
        v = (qa(x) @ w("blk.0.attn_v.weight").reshape(192, 576).T).reshape(n, 3, 64)
        ctx = np.concatenate([(lambda s: (np.exp(s - s.max()) / np.exp(s - s.max()).sum()) @ v[:, h // 3])(
            k[:, h // 3] @ q[-1, h] / 8.0) for h in range(9)])
        attn = w("blk.0.attn_output.weight").reshape(576, 576) @ qa(ctx)
        h = attn + emb[-1]
        y = qa(rms(h, w("blk.0.ffn_norm.weight")))
        g = w("blk.0.ffn_gate.weight").reshape(1536, 576) @ y
        u = w("blk.0.ffn_up.weight").reshape(1536, 576) @ y
        return h + w("blk.0.ffn_down.weight").reshape(576, 1536) @ qa(g / (1 + np.exp(-g)) * u)

    exact, quantised = block0(False), block0(True)
    print(f"{pid} ({n} tokens), output of block 0 (last token), relative L2 error against float64 maths:")
    print(f"  llama.cpp: {rel(ref['l_out-0'], exact):.2e} vs float activations, "
          f"{rel(ref['l_out-0'], quantised):.2e} vs Q8-rounded activations")
    print(f"  raglab:    {rel(ours['1'], exact):.2e} vs float activations, "
          f"{rel(ours['1'], quantised):.2e} vs Q8-rounded activations")
    layers = [rel(ours[str(l + 1)], ref[f"l_out-{l}"]) for l in range(30)]
    print("raglab vs llama.cpp per layer output: " + " ".join(f"{e:.1e}" for e in layers))


if __name__ == "__main__":
    main()
