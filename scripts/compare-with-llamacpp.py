#!/usr/bin/env python3
"""Compares a raglab binary with the llama.cpp fixtures and prints the issue-2 acceptance figures.

Runs, exactly as the issue fixes the interface:
  raglab model tokenize [--model M] --jsonl FILE          (one JSON string per line in, one array out)
  raglab model next     [--model M] --jsonl FILE --top 20  (one {"top": [[id, logit], ...]} per line)
  raglab model generate [--model M] --prompt TEXT --max-tokens 32
against Tests/InferenceTests/Fixtures/llamacpp/ (scripts/make-fixtures.py) and prints:
  % identical token sequences (SQuAD questions, 500 paragraphs, hard strings),
  next-token argmax agreement %, mean top-20 overlap %, max/mean |logit diff| on shared tokens,
  greedy 32-token text equality %.
Usage: scripts/compare-with-llamacpp.py [RAGLAB_BINARY] [--model PATH] [--numerics fast|f32] [--fixtures DIR]
       [--json OUT] [--strict]
(RAGLAB_BINARY defaults to .build/release/raglab). --strict exits 1 when a target is missed.
"""

import argparse
import gzip
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "Tests" / "InferenceTests" / "Fixtures" / "llamacpp"
TARGETS = {"tokens_identical_pct": 100.0, "argmax_agreement_pct": 98.0, "top20_overlap_mean_pct": 90.0,
           "generation_text_equal_pct": 90.0}


def read_jsonl(path):
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


class Raglab:
    """Runs `raglab model …` subcommands."""

    def __init__(self, binary, model, numerics=None):
        self.binary, self.model, self.numerics = str(binary), model, numerics

    def run(self, *args):
        cmd = [self.binary, "model", args[0]] + (["--model", self.model] if self.model else []) \
            + (["--numerics", self.numerics] if self.numerics else []) + list(args[1:])
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if proc.returncode != 0:
            sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)[:300]}\n{proc.stderr.decode(errors='replace')[-2000:]}")
        return proc.stdout.decode("utf-8", errors="replace")

    def jsonl(self, command, texts, *extra):
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as f:
            for t in texts:
                f.write(json.dumps(t) + "\n")
        out = self.run(command, "--jsonl", f.name, *extra)
        Path(f.name).unlink()
        lines = [json.loads(line) for line in out.splitlines() if line.strip()]
        if len(lines) != len(texts):
            sys.exit(f"`raglab model {command}` printed {len(lines)} lines for {len(texts)} inputs")
        return lines


def first_difference(a, b):
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return i
    return min(len(a), len(b))


def compare_tokenizer(raglab, report):
    rows = read_jsonl(FIXTURES / "tokenizer-squad.jsonl.gz") + read_jsonl(FIXTURES / "tokenizer-hard.jsonl")
    got = raglab.jsonl("tokenize", [r["text"] for r in rows])
    by_group, mismatches = defaultdict(lambda: [0, 0]), []
    for row, tokens in zip(rows, got):
        group = row["source"] if row["source"] in ("squad-question", "squad-paragraph") else "hard-strings"
        by_group[group][1] += 1
        if tokens == row["tokens"]:
            by_group[group][0] += 1
        else:
            mismatches.append((row, tokens))
    same = sum(v[0] for v in by_group.values())
    report["tokens_identical_pct"] = 100.0 * same / len(rows)
    print(f"Tokenizer: {same}/{len(rows)} identical token sequences ({report['tokens_identical_pct']:.2f} %)")
    for group, (ok, n) in sorted(by_group.items()):
        print(f"  {group:16s} {ok:6d}/{n:<6d} {100.0 * ok / n:7.2f} %")
        report[f"tokens_identical_{group}"] = [ok, n]
    for row, tokens in mismatches[:10]:
        i = first_difference(row["tokens"], tokens)
        print(f"  mismatch [{row['source']}] {json.dumps(row['text'][:60], ensure_ascii=False)}: first difference"
              f" at token {i}: llama.cpp {row['tokens'][i:i + 5]} raglab {tokens[i:i + 5]}")


def compare_next(raglab, report):
    rows = read_jsonl(FIXTURES / "next-token.jsonl")
    got = raglab.jsonl("next", [r["prompt"] for r in rows], "--top", "20")
    agree, overlaps, diffs, per_prompt_max, details = 0, [], [], [], []
    for row, answer in zip(rows, got):
        ref = {int(t): float(v) for t, v in row["top"]}
        ours = {int(t): float(v) for t, v in answer["top"]}
        ref_top, our_top = int(row["top"][0][0]), int(answer["top"][0][0])
        agree += ref_top == our_top
        shared = set(ref) & set(ours)
        overlaps.append(100.0 * len(shared) / len(ref))
        d = [abs(ref[t] - ours[t]) for t in shared]
        diffs += d
        per_prompt_max.append(max(d) if d else float("inf"))
        gap = float(row["top"][0][1]) - float(row["top"][1][1])
        details.append((row["id"], row["n_tokens"], ref_top == our_top, overlaps[-1], per_prompt_max[-1], gap,
                        ref_top, our_top))
    n = len(rows)
    report.update({
        "next_prompts": n,
        "argmax_agreement_pct": 100.0 * agree / n,
        "top20_overlap_mean_pct": statistics.mean(overlaps),
        "top20_overlap_min_pct": min(overlaps),
        "logit_abs_diff_max": max(diffs),
        "logit_abs_diff_mean": statistics.mean(diffs),
        "logit_abs_diff_p99": sorted(diffs)[int(0.99 * (len(diffs) - 1))],
    })
    print(f"Next token on {n} RAG prompts ({min(r['n_tokens'] for r in rows)}-{max(r['n_tokens'] for r in rows)}"
          f" tokens): argmax agreement {report['argmax_agreement_pct']:.1f} %, mean top-20 overlap"
          f" {report['top20_overlap_mean_pct']:.1f} % (min {report['top20_overlap_min_pct']:.0f} %)")
    print(f"  |logit diff| on shared top-20 tokens: max {report['logit_abs_diff_max']:.4f}, mean"
          f" {report['logit_abs_diff_mean']:.4f}, p99 {report['logit_abs_diff_p99']:.4f}")
    for pid, ntok, ok, ov, mx, gap, rt, ot in details:
        if not ok:
            print(f"  argmax differs on {pid} ({ntok} tokens): llama.cpp {rt} raglab {ot};"
                  f" llama.cpp's top-1/top-2 gap {gap:.4f}")
    worst = sorted(details, key=lambda d: -d[4])[:3]
    print("  largest per-prompt diffs: " + ", ".join(f"{d[0]} ({d[1]} tok) {d[4]:.4f}" for d in worst))


def compare_generation(raglab, report):
    rows = read_jsonl(FIXTURES / "generation.jsonl")
    equal, prefix = 0, []
    for row in rows:
        out = raglab.run("generate", "--prompt", row["prompt"], "--max-tokens", "32")
        text = out[:-1] if out.endswith("\n") else out
        try:
            parsed = json.loads(out)
            if isinstance(parsed, dict) and "text" in parsed:
                text = parsed["text"]
        except ValueError:
            pass
        same = text == row["text"]
        equal += same
        prefix.append(first_difference(text, row["text"]))
        if not same:
            i = prefix[-1]
            print(f"  generation differs on {row['id']} at char {i}: llama.cpp"
                  f" {json.dumps(row['text'][i:i + 40], ensure_ascii=False)} raglab"
                  f" {json.dumps(text[i:i + 40], ensure_ascii=False)}")
    report["generation_text_equal_pct"] = 100.0 * equal / len(rows)
    print(f"Greedy generation (32 tokens): {equal}/{len(rows)} texts equal"
          f" ({report['generation_text_equal_pct']:.0f} %)")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("raglab", nargs="?", default=str(REPO / ".build" / "release" / "raglab"))
    parser.add_argument("--model", help="GGUF path (default: raglab's default model)")
    parser.add_argument("--numerics", choices=["fast", "f32"], help="raglab's prefill numerics (default: fast)")
    parser.add_argument("--json", help="also write the figures to this JSON file")
    parser.add_argument("--only", choices=["tokenize", "next", "generate"], action="append")
    parser.add_argument("--strict", action="store_true", help="exit 1 if a target is missed")
    parser.add_argument("--fixtures", help="fixture directory (default: the committed SmolLM2 set), e.g."
                        " one written by `make-fixtures.py --model OTHER.gguf --out DIR`")
    args = parser.parse_args()
    raglab = Raglab(args.raglab, args.model, args.numerics)
    if args.fixtures:
        global FIXTURES
        FIXTURES = Path(args.fixtures)
    if (FIXTURES / "meta.json").exists():
        meta = json.loads((FIXTURES / "meta.json").read_text())
        print(f"Reference: {meta['reference']}; model {meta['model']} ({meta['model_sha256'][:12]}…)")
    report = {}
    stages = [("tokenize", compare_tokenizer), ("next", compare_next), ("generate", compare_generation)]
    for name, stage in stages:
        if args.only and name not in args.only:
            continue
        start = time.time()
        stage(raglab, report)
        print(f"  ({time.time() - start:.1f} s)")
    missed = [k for k, v in TARGETS.items() if k in report and report[k] < v]
    print("Targets: " + ", ".join(f"{k} ≥ {v:g} {'MISSED' if k in missed else 'ok'}"
                                  for k, v in TARGETS.items() if k in report))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n")
    sys.exit(1 if args.strict and missed else 0)


if __name__ == "__main__":
    main()
