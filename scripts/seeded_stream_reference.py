#!/usr/bin/env python3
"""Independent reimplementation of raglab's SeededStream, for pinning its test values.

SeededStream (Sources/Experiments/Modules/Support/SeededStream.swift) seeds SplitMix64
(Steele et al. 2014) with the first 8 bytes, big-endian, of
SHA-256("<seed>\\n<len(qid)>:<qid>\\n<len(cond)>:<cond>") (lengths in UTF-8 bytes), draws
bounded integers with Lemire's multiply-shift rejection method and shuffles with
Fisher-Yates from the last index down.

Usage: scripts/seeded_stream_reference.py SEED QUESTION_ID CONDITION [N]
prints the derived seed, the first four 64-bit outputs, a shuffle of 1..N (default 10)
and, from a fresh stream, int(in: 1...N) five times.
"""
import hashlib
import sys

MASK = (1 << 64) - 1


def derived_seed(seed, qid, cond):
    q, c = qid.encode(), cond.encode()
    key = b"%d\n%d:%s\n%d:%s" % (seed, len(q), q, len(c), c)
    return int.from_bytes(hashlib.sha256(key).digest()[:8], "big")


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def below(self, bound):
        product = self.next() * bound
        low = product & MASK
        if low < bound:
            threshold = (-bound % (1 << 64)) % bound
            while low < threshold:
                product = self.next() * bound
                low = product & MASK
        return product >> 64


def shuffled(rng, items):
    items = list(items)
    for i in range(len(items) - 1, 0, -1):
        j = rng.below(i + 1)
        items[i], items[j] = items[j], items[i]
    return items


def main():
    seed, qid, cond = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    n = int(sys.argv[4]) if len(sys.argv) > 4 else 10
    s = derived_seed(seed, qid, cond)
    print("derived seed: 0x%016X" % s)
    rng = SplitMix64(s)
    print("outputs:", ", ".join("0x%016X" % rng.next() for _ in range(4)))
    print("shuffle of 1...%d:" % n, shuffled(SplitMix64(s), range(1, n + 1)))
    rng = SplitMix64(s)
    print("int(in: 1...%d) x5:" % n, [1 + rng.below(n) for _ in range(5)])


if __name__ == "__main__":
    main()
