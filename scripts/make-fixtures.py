#!/usr/bin/env python3
"""Writes llama.cpp reference fixtures to Tests/InferenceTests/Fixtures/llamacpp/.

Builds llama.cpp and scripts/reference/llama_reference.cpp if needed (scripts/build-reference.sh),
then asks the reference program for:
  tokenizer-squad.jsonl.gz  every SQuAD-dev question and 500 paragraphs: {"source","text","tokens"}
  tokenizer-hard.jsonl      hand-written hard strings:                    {"source","text","tokens"}
  next-token.jsonl          RAG prompts (ChatML, 1-5 passages): {"id","passages","prompt","n_tokens",
                            "top": [[id, logit], ...] (20, raw logits, highest first), "hidden"?}
                            "hidden" (final-norm state of the last token) on a few prompts.
  generation.jsonl          greedy 32-token generations: {"id","prompt","n_prompt","tokens","text","stop"}
  meta.json                 what produced them (sdist, model sha256, settings, checks).
All text is tokenized with special tokens parsed and no BOS. Deterministic: rerunning gives the
same files. Usage: scripts/make-fixtures.py [--model PATH] [--out DIR]
"""

import argparse
import concurrent.futures
import gzip
import hashlib
import json
import os
import random
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RAGLAB_HOME = Path(os.environ.get("RAGLAB_HOME", Path.home() / ".cache" / "raglab"))
DEFAULT_MODEL = RAGLAB_HOME / "models" / "SmolLM2-135M-Instruct.Q4_1.gguf"
SQUAD = RAGLAB_HOME / "data" / "squad" / "squaddev_v1.1.json"
SDIST_SHA256 = "832db0699007f1be95a7e41ef12e88926b02ba836461e36a36372db2760c1a2e"

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fixture_prompts import HARD_STRINGS, generation_prompts, rag_prompts  # noqa: E402


class Reference:
    """The llama_reference program as a line-in, line-out subprocess."""

    def __init__(self, binary, model, check_hidden=False):
        args = [binary] + (["--check-hidden"] if check_hidden else []) + [str(model)]
        self.proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                     encoding="utf-8")

    def ask(self, request):
        self.proc.stdin.write(json.dumps(request) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            sys.exit(f"llama_reference stopped on request {json.dumps(request)[:200]}")
        return json.loads(line)

    def tokens(self, text):
        return self.ask({"op": "tokenize", "text": text})["tokens"]

    def close(self):
        self.proc.stdin.close()
        self.proc.wait()


def write_jsonl(path, rows, compress=False):
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")
    if compress:
        data = gzip.compress(data, compresslevel=9, mtime=0)
    path.write_bytes(data)
    print(f"  {path.relative_to(REPO) if path.is_relative_to(REPO) else path}: {len(rows)} rows, {len(data):,} bytes", file=sys.stderr)


def squad_texts(squad):
    """All questions (file order) and 500 paragraphs spread evenly over the file."""
    paragraphs = [p for a in squad["data"] for p in a["paragraphs"]]
    questions = [q["question"] for p in paragraphs for q in p["qas"]]
    picked = [paragraphs[i * len(paragraphs) // 500]["context"] for i in range(500)]
    return questions, picked


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default=str(DEFAULT_MODEL))
    parser.add_argument("--out", default=str(REPO / "Tests" / "InferenceTests" / "Fixtures" / "llamacpp"))
    parser.add_argument("--jobs", type=int, default=1, help="reference processes for next/generate")
    parser.add_argument("--reference", help="llama_reference binary (default: build it with scripts/build-reference.sh)")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    binary = args.reference or subprocess.run([str(REPO / "scripts" / "build-reference.sh")], check=True,
                                              text=True, stdout=subprocess.PIPE).stdout.strip()
    squad = json.loads(SQUAD.read_text(encoding="utf-8"))
    ref = Reference(binary, args.model)

    print("tokenizer fixtures", file=sys.stderr)
    questions, paragraphs = squad_texts(squad)
    rows = [{"source": "squad-question", "text": t, "tokens": ref.tokens(t)} for t in questions]
    rows += [{"source": "squad-paragraph", "text": t, "tokens": ref.tokens(t)} for t in paragraphs]
    write_jsonl(out / "tokenizer-squad.jsonl.gz", rows, compress=True)
    hard = [{"source": name, "text": t, "tokens": ref.tokens(t)} for name, t in HARD_STRINGS]
    write_jsonl(out / "tokenizer-hard.jsonl", hard)

    print("next-token fixtures", file=sys.stderr)
    prompts = rag_prompts(squad, count=60, max_tokens=2000, count_tokens=lambda t: len(ref.tokens(t)))
    hidden_ids = {p["id"] for p in prompts[::12]}  # 5 prompts of varied length
    ref.close()
    # These instances also check, through the graph callback, that llama_get_embeddings_ith under
    # pooling NONE equals the input of the output head (the final RMS norm output).
    refs = [Reference(binary, args.model, check_hidden=True) for _ in range(max(1, args.jobs))]

    def run_all(requests):
        """Answers in order, spread over the reference processes."""
        chunks = [list(range(i, len(requests), len(refs))) for i in range(len(refs))]
        answers = [None] * len(requests)

        def work(r, idx):
            for i in idx:
                answers[i] = r.ask(requests[i])

        with concurrent.futures.ThreadPoolExecutor(len(refs)) as pool:
            list(pool.map(work, refs, chunks))
        return answers

    answers = run_all([{"op": "next", "prompt": p["prompt"], "top": 20, "hidden": p["id"] in hidden_ids}
                       for p in prompts])
    rows, hidden_check = [], 0.0
    for p, answer in zip(prompts, answers):
        row = {**p, "n_tokens": answer["n_tokens"], "top": answer["top"]}
        if "hidden" in answer:
            row["hidden"] = answer["hidden"]
            hidden_check = max(hidden_check, answer["hidden_vs_head_input_max_abs"])
        rows.append(row)
    write_jsonl(out / "next-token.jsonl", rows)
    lengths = sorted(r["n_tokens"] for r in rows)

    print("generation fixtures", file=sys.stderr)
    gen_prompts = generation_prompts(squad, count=20)
    answers = run_all([{"op": "generate", "prompt": p["prompt"], "max_tokens": 32} for p in gen_prompts])
    gens = [{**p, **a} for p, a in zip(gen_prompts, answers)]
    write_jsonl(out / "generation.jsonl", gens)
    for r in refs:
        r.close()

    meta = {
        "reference": "llama.cpp vendored in llama-cpp-python==0.3.36 (PyPI sdist)",
        "sdist_sha256": SDIST_SHA256,
        "model": Path(args.model).name,
        "model_sha256": hashlib.sha256(Path(args.model).read_bytes()).hexdigest(),
        "tokenize": "parse_special=true, add_special=false (no BOS)",
        "n_threads": int(os.environ.get("REF_THREADS", "2")),
        "n_ctx": 4096,
        "n_ubatch": int(os.environ.get("REF_UBATCH", "512")),
        "flash_attention": "on" if os.environ.get("REF_FLASH_ATTN") == "1" else
                           "off (its CPU kernel accumulates in F16 and depends on the thread count)",
        "kv_cache": "F16 (llama.cpp default)",
        "logits": "raw next-token logits, top 20, highest first (ties: lower id first)",
        "hidden": "llama_get_embeddings_ith(-1), pooling NONE: the last token after the output RMS norm",
        "hidden_vs_head_input_max_abs": hidden_check,
        "generation": "greedy argmax, at most 32 tokens, stops before an end-of-generation token",
        "next_token_prompt_tokens": {"min": lengths[0], "median": lengths[len(lengths) // 2],
                                     "max": lengths[-1]},
    }
    (out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(meta, indent=2), file=sys.stderr)


if __name__ == "__main__":
    main()
