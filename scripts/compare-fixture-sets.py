#!/usr/bin/env python3
"""Compares two llama.cpp fixture sets made by scripts/make-fixtures.py on the same prompts.

Shows how far llama.cpp moves from itself when only a numerics setting changes — the yardstick
for raglab's own agreement figures (scripts/compare-with-llamacpp.py). For example, flash
attention on (its CPU kernel accumulates in F16) against the committed fixtures (off):

  REF_FLASH_ATTN=1 python3 scripts/make-fixtures.py --out /tmp/fa-on
  python3 scripts/compare-fixture-sets.py /tmp/fa-on

Prints next-token argmax agreement, mean top-20 overlap, |logit diff| on shared tokens and the
share of equal 32-token greedy texts, in the same terms as compare-with-llamacpp.py.
Usage: scripts/compare-fixture-sets.py OTHER_DIR [BASE_DIR]
"""

import json
import statistics
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BASE = REPO / "Tests" / "InferenceTests" / "Fixtures" / "llamacpp"


def rows(directory, name):
    with open(Path(directory) / name, encoding="utf-8") as f:
        return {r["id"]: r for r in map(json.loads, f) if r}


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    other, base = Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) == 3 else BASE
    for d in (other, base):
        print(f"{d}: {json.loads((d / 'meta.json').read_text()).get('flash_attention', '?')} flash attention,"
              f" {json.loads((d / 'meta.json').read_text()).get('n_threads')} threads")
    a, b = rows(base, "next-token.jsonl"), rows(other, "next-token.jsonl")
    shared_ids = sorted(set(a) & set(b))
    if any(a[i]["prompt"] != b[i]["prompt"] for i in shared_ids):
        sys.exit("the two sets were made from different prompts")
    agree, overlaps, diffs = 0, [], []
    for i in shared_ids:
        ta, tb = dict((t, v) for t, v in a[i]["top"]), dict((t, v) for t, v in b[i]["top"])
        agree += a[i]["top"][0][0] == b[i]["top"][0][0]
        common = set(ta) & set(tb)
        overlaps.append(100.0 * len(common) / len(ta))
        diffs += [abs(ta[t] - tb[t]) for t in common]
    n = len(shared_ids)
    print(f"next token on {n} prompts: argmax agreement {100.0 * agree / n:.1f} %, mean top-20 overlap"
          f" {statistics.mean(overlaps):.1f} %, |logit diff| mean {statistics.mean(diffs):.4f}"
          f" max {max(diffs):.4f}")
    ga, gb = rows(base, "generation.jsonl"), rows(other, "generation.jsonl")
    same = sum(ga[i]["text"] == gb[i]["text"] for i in ga if i in gb)
    print(f"greedy 32-token texts equal: {same}/{len(ga)} ({100.0 * same / len(ga):.0f} %)")


if __name__ == "__main__":
    main()
