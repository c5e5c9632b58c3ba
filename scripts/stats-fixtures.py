#!/usr/bin/env python3
"""Writes the reference values the statistics tests compare raglab against (run once, kept).

Usage: python3 scripts/stats-fixtures.py   (needs scipy; writes
Tests/ExperimentsTests/Fixtures/statistics-reference.json)

McNemar: the exact two-sided p-value of discordant counts (b, c) is scipy.stats.binomtest(
min(b, c), b + c, 0.5).pvalue (for p = 1/2 it is min(1, 2 P(X <= min(b, c)))); b = c = 0 has no
discordant pair, binomtest refuses n = 0, and the p-value is 1 by definition. Each value is also
recomputed with exact integer arithmetic (math.comb) and the two must agree to 1e-13.

Holm: statsmodels is not installed here, so the adjustment is computed by the definition written
out below (sorted ascending, p_(i) -> min(1, max_{j<=i} (m - j + 1) p_(j)), back in input order),
and each vector's result is asserted against values worked out by hand in HOLM_CASES.
"""

import json
import math
import sys
from fractions import Fraction
from pathlib import Path

from scipy import __version__ as scipy_version
from scipy.stats import binomtest

OUT = Path(__file__).resolve().parent.parent / "Tests/ExperimentsTests/Fixtures/statistics-reference.json"

TABLES = [(0, 0), (0, 5), (5, 0), (5, 5), (3, 17), (17, 3), (40, 60), (500, 560), (100, 300),
          (1, 2), (12, 30), (1500, 1620), (2000, 2001)]

# (p-values, Holm-adjusted values worked out by hand)
HOLM_CASES = [
    # sorted 0.005, 0.01, 0.03, 0.04 -> 4*0.005, 3*0.01, 2*0.03, max(0.06, 1*0.04)
    ([0.01, 0.04, 0.03, 0.005], [0.03, 0.06, 0.06, 0.02]),
    # sorted 0.01, 0.03, 0.04, 0.2, 0.5 -> 0.05, 0.12, max(0.12, 0.12), 0.4, 0.5
    ([0.2, 0.01, 0.5, 0.04, 0.03], [0.4, 0.05, 0.5, 0.12, 0.12]),
    # 3*0.4 = 1.2 capped at 1; then max(1, 1.0), max(1, 0.7)
    ([0.4, 0.7, 0.5], [1.0, 1.0, 1.0]),
    # ties: 3*0.01, max(0.03, 2*0.01), max(0.03, 0.2)
    ([0.01, 0.01, 0.2], [0.03, 0.03, 0.2]),
    # a single p-value is left as it is
    ([0.042], [0.042]),
]


def mcnemar_scipy(b, c):
    if b + c == 0:
        return 1.0
    return float(binomtest(min(b, c), b + c, 0.5).pvalue)


def mcnemar_exact(b, c):
    n, m = b + c, min(b, c)
    tail = Fraction(sum(math.comb(n, i) for i in range(m + 1)), 2 ** n)
    return float(min(Fraction(1), 2 * tail))


def holm(p):
    m = len(p)
    order = sorted(range(m), key=lambda i: (p[i], i))
    adjusted = [0.0] * m
    for rank, i in enumerate(order):
        adjusted[i] = min(1.0, max((m - r) * p[order[r]] for r in range(rank + 1)))
    return adjusted


def main():
    mcnemar = []
    for b, c in TABLES:
        ref, exact = mcnemar_scipy(b, c), mcnemar_exact(b, c)
        if abs(ref - exact) > 1e-13 * max(abs(exact), 1e-300):
            sys.exit(f"scipy and exact arithmetic disagree on ({b}, {c}): {ref} vs {exact}")
        mcnemar.append({"b": b, "c": c, "p": ref})
    holm_rows = []
    for p, hand in HOLM_CASES:
        adjusted = holm(p)
        if any(abs(x - y) > 1e-15 for x, y in zip(adjusted, hand)):
            sys.exit(f"Holm of {p} gives {adjusted}, worked out by hand {hand}")
        holm_rows.append({"p": p, "adjusted": adjusted})
    document = {
        "source": f"scripts/stats-fixtures.py (scipy {scipy_version} binomtest; Holm by definition, "
                  "hand-checked; statsmodels not installed)",
        "mcnemar": mcnemar,
        "holm": holm_rows,
    }
    OUT.write_text(json.dumps(document, indent=2) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
