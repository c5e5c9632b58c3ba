#!/usr/bin/env bash
# Client overhead of the openai backend (issue 11 acceptance): the stand-in server
# (Tests/ExperimentsTests/Fixtures/fake_openai_server.py) answers every completion after a fixed
# delay, so requests/s measures how many requests raglab keeps in flight, not a model.
#
#   scripts/openai-bench.sh [DELAY_MS] [QUESTIONS]
#
# Runs one passage_count spec (QUESTIONS SQuAD-dev questions, default 40; BM25; k 1, 2, 4, so
# 3 requests per question) at generator.concurrency 1 and 8 against a server answering after
# DELAY_MS (default 200) with 8 slots, after a warm-up run that imports the data and caches the
# rankings; prints requests/s of both (`raglab run`'s "N requests to the server: R req/s" line,
# over the runner's wall time) and their ratio. Exits non-zero when the ratio is below 6.
# Scratch files go to a temporary folder, removed at the end. RAGLAB names the binary
# (default .build/release/raglab); RAGLAB_HOME must hold the SQuAD dev set (make quickstart).
set -euo pipefail
DELAY=${1:-200}
QUESTIONS=${2:-40}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RAGLAB=${RAGLAB:-$ROOT/.build/release/raglab}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/raglab-openai-bench.XXXXXX")
[[ -x $RAGLAB ]] || { echo "openai-bench: no raglab binary at $RAGLAB (swift build -c release)" >&2; exit 2; }

FAKE_DELAY_MS=$DELAY FAKE_TOTAL_SLOTS=8 python3 \
  "$ROOT/Tests/ExperimentsTests/Fixtures/fake_openai_server.py" "$WORK/requests.jsonl" 0 \
  >"$WORK/port" &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do [[ -s $WORK/port ]] && break; sleep 0.1; done
PORT=$(cat "$WORK/port")
[[ -n $PORT ]] || { echo "openai-bench: the stand-in server did not start" >&2; exit 2; }

# Writes the spec of run NAME with CONCURRENCY workers and prints its path.
spec() {
  cat >"$WORK/$1.yaml" <<YAML
name: $1
dataset: {name: squad-dev, format: squad, path: data/squad/squaddev_v1.1.json, limit: $QUESTIONS, seed: 20241008}
retrievers: [bm25]
retrieval_depth: 4
generator: {backend: openai, url: 'http://127.0.0.1:$PORT/v1', model: fake-model, concurrency: $2, max_tokens: 16}
module: {name: passage_count, k: [1, 2, 4]}
YAML
  echo "$WORK/$1.yaml"
}

# Runs spec NAME at CONCURRENCY without the generation cache; prints raglab's requests line.
run() {
  "$RAGLAB" run "$(spec "$1" "$2")" --db "$WORK/lab.sqlite" --no-cache 2>/dev/null \
    | grep 'requests to the server'
}

run openai-bench-warm 8 >/dev/null
serial=$(run openai-bench-c1 1)
wide=$(run openai-bench-c8 8)
rate() { sed -n 's/.*: \([0-9.]*\) req\/s.*/\1/p' <<<"$1"; }
echo "stand-in server: every completion answered after $DELAY ms, 8 slots"
echo "concurrency 1: $serial"
echo "concurrency 8: $wide"
python3 - "$(rate "$serial")" "$(rate "$wide")" <<'PY'
import sys
serial, wide = map(float, sys.argv[1:])
ratio = wide / serial
print(f"ratio {ratio:.2f}x (acceptance: at least 6x) -> {'pass' if ratio >= 6 else 'FAIL'}")
sys.exit(0 if ratio >= 6 else 1)
PY
