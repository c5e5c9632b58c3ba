#!/usr/bin/env bash
# Throughput of the openai backend (issue 11 acceptance), in two modes.
#
#   scripts/openai-bench.sh [DELAY_MS] [QUESTIONS]
# Client overhead: the stand-in server (Tests/ExperimentsTests/Fixtures/fake_openai_server.py)
# answers every completion after DELAY_MS (default 200) with 8 slots, so requests/s measures how
# many requests raglab keeps in flight, not a model. Runs the spec at generator.concurrency 1, 4
# and 8, printing each run's requests line and raglab's CPU seconds (user + system: the client's
# cost while it waits); exits non-zero when the ratio of 8 to 1 is below 6.
#
#   scripts/openai-bench.sh --llama-server [QUESTIONS]
# A real server: llama.cpp's llama-server (scripts/build-llamacpp.sh --server, cached under
# RAGLAB_HOME) on the default GGUF with -np 4, -c 8192 (2,048 tokens a slot), -t 2, started afresh
# (empty prompt cache) for each of concurrency 1 and 4. Prints per run requests/s, the server's
# evaluated prompt tokens (timings.prompt_n summed) and prompt tokens/s, and the CPU seconds of
# raglab and of the server; exits non-zero when the evaluated prompt tokens at concurrency 4 are
# not within 10 % of the serial run's.
#
# Both run one passage_count spec (QUESTIONS SQuAD-dev questions, default 40, or 12 against
# llama-server; BM25; k 1, 2, 4, so 3 requests per question; max_tokens 16) after a warm-up run
# against the stand-in server that imports the data and caches the rankings, and read raglab
# run's "N requests to the server: R req/s" line (over the runner's wall time). Scratch files go
# to a temporary folder, removed at the end. RAGLAB names the binary (default
# .build/release/raglab); RAGLAB_HOME must hold the SQuAD dev set (make quickstart).
set -euo pipefail
LLAMA_SERVER=false
if [[ ${1:-} == --llama-server ]]; then LLAMA_SERVER=true; shift; fi
if $LLAMA_SERVER; then DELAY=0 QUESTIONS=${1:-12}; else DELAY=${1:-200} QUESTIONS=${2:-40}; fi
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RAGLAB=${RAGLAB:-$ROOT/.build/release/raglab}
RAGLAB_HOME=${RAGLAB_HOME:-$HOME/.cache/raglab}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/raglab-openai-bench.XXXXXX")
[[ -x $RAGLAB ]] || { echo "openai-bench: no raglab binary at $RAGLAB (swift build -c release)" >&2; exit 2; }

FAKE_DELAY_MS=$DELAY FAKE_TOTAL_SLOTS=8 python3 \
  "$ROOT/Tests/ExperimentsTests/Fixtures/fake_openai_server.py" "$WORK/requests.jsonl" 0 \
  >"$WORK/port" &
SERVER=$!
LLAMA=""
trap 'kill "$SERVER" $LLAMA 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 50); do [[ -s $WORK/port ]] && break; sleep 0.1; done
PORT=$(cat "$WORK/port")
[[ -n $PORT ]] || { echo "openai-bench: the stand-in server did not start" >&2; exit 2; }

# Writes the spec of run NAME with CONCURRENCY workers against API root URL; prints its path.
spec() {
  cat >"$WORK/$1.yaml" <<YAML
name: $1
dataset: {name: squad-dev, format: squad, path: data/squad/squaddev_v1.1.json, limit: $QUESTIONS, seed: 20241008}
retrievers: [bm25]
retrieval_depth: 4
generator: {backend: openai, url: '${3:-http://127.0.0.1:$PORT/v1}', model: fake-model, concurrency: $2, max_tokens: 16}
module: {name: passage_count, k: [1, 2, 4]}
YAML
  echo "$WORK/$1.yaml"
}

# Runs spec NAME at CONCURRENCY (against URL) without the generation cache; prints raglab's
# requests line, or with FULL=1 its whole summary and its CPU seconds (`cpu U S`, user and system).
run() {
  local out=$WORK/$1.out
  { TIMEFORMAT='cpu %U %S'; time "$RAGLAB" run "$(spec "$1" "$2" "${3:-}")" --db "$WORK/lab.sqlite" \
    --no-cache 2>/dev/null >"$out"; } 2>>"$out"
  if [[ ${FULL:-0} == 1 ]]; then cat "$out"; else grep 'requests to the server' "$out"; fi
}
rate() { sed -n 's/.*: \([0-9.]*\) req\/s.*/\1/p' <<<"$1"; }

run openai-bench-warm 8 >/dev/null

# Runs the spec at CONCURRENCY against the stand-in; prints raglab's requests line and its CPU.
stand_in() {
  local out
  out=$(FULL=1 run "openai-bench-c$1" "$1")
  echo "$(grep 'requests to the server' <<<"$out"); raglab CPU $(sed -n \
    's/^cpu \([0-9.]*\) \([0-9.]*\)$/\1 \2/p' <<<"$out" | awk '{ printf "%.2f", $1 + $2 }') s"
}

if ! $LLAMA_SERVER; then
  serial=$(stand_in 1)
  middle=$(stand_in 4)
  wide=$(stand_in 8)
  echo "stand-in server: every completion answered after $DELAY ms, 8 slots"
  echo "concurrency 1: $serial"
  echo "concurrency 4: $middle"
  echo "concurrency 8: $wide"
  python3 - "$(rate "$serial")" "$(rate "$wide")" <<'PY'
import sys
serial, wide = map(float, sys.argv[1:])
ratio = wide / serial
print(f"ratio {ratio:.2f}x (acceptance: at least 6x) -> {'pass' if ratio >= 6 else 'FAIL'}")
sys.exit(0 if ratio >= 6 else 1)
PY
  exit
fi

BIN=$(bash "$ROOT/scripts/build-llamacpp.sh" --server | tail -n 1)/bin/llama-server
MODEL=$RAGLAB_HOME/models/SmolLM2-135M-Instruct.Q4_1.gguf
TICKS=$(getconf CLK_TCK)
# CPU seconds (user + system) the llama-server process has used so far.
server_cpu() { awk -v t="$TICKS" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$LLAMA/stat"; }

# Starts a fresh llama-server (log WORK/NAME.log) and waits until /health answers; sets LLAMA, LURL.
start_llama() {
  "$BIN" -m "$MODEL" --host 127.0.0.1 --port 0 -np 4 -c 8192 -t 2 >"$WORK/$1.log" 2>&1 &
  LLAMA=$!
  local port=""
  for _ in $(seq 600); do
    kill -0 "$LLAMA" 2>/dev/null || { tail "$WORK/$1.log" >&2; echo "openai-bench: llama-server exited" >&2; exit 2; }
    port=${port:-$(sed -n 's#.*listening on http://127.0.0.1:\([0-9]*\).*#\1#p' "$WORK/$1.log" | head -n 1)}
    [[ -n $port ]] && curl -sf "http://127.0.0.1:$port/health" >/dev/null && break
    sleep 0.2
  done
  curl -sf "http://127.0.0.1:$port/health" >/dev/null \
    || { echo "openai-bench: llama-server not healthy within 120 s (log: $WORK/$1.log)" >&2; exit 2; }
  LURL=http://127.0.0.1:$port/v1
}

# Runs the spec at CONCURRENCY against a fresh llama-server; prints one result line:
# req/s, evaluated prompt tokens, prompt tok/s, wall s, raglab CPU s, server CPU s.
measure() {
  start_llama "llama-c$1"
  local before out
  before=$(server_cpu)
  out=$(FULL=1 run "openai-bench-llama-c$1" "$1" "$LURL")
  local after
  after=$(server_cpu)
  kill "$LLAMA"; wait "$LLAMA" 2>/dev/null || true; LLAMA=""
  python3 - "$1" "$before" "$after" "$out" <<'PY'
import re, sys
c, before, after, out = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
req = re.search(r"(\d+) requests to the server: ([0-9.]+) req/s,? ([0-9.,]+) prompt tok/s", out)
evaluated = re.search(r"evaluated (\d+) prompt tokens", out).group(1)
wall = re.search(r"([0-9.]+) s\n", out).group(1)
user, system = re.search(r"cpu ([0-9.]+) ([0-9.]+)", out).groups()
print(c, req.group(2), evaluated, req.group(3).replace(",", ""), wall,
      f"{float(user) + float(system):.1f}", f"{after - before:.1f}", req.group(1))
PY
}

serial=$(measure 1)
wide=$(measure 4)
echo "llama-server -np 4 -c 8192 -t 2, $MODEL, $QUESTIONS questions x k 1, 2, 4, max_tokens 16"
python3 - "$serial" "$wide" <<'PY'
import sys
rows = [line.split() for line in sys.argv[1:]]
for c, rps, evaluated, tps, wall, client, server, n in rows:
    print(f"concurrency {c}: {n} requests in {wall} s: {rps} req/s, {tps} prompt tok/s; "
          f"server evaluated {evaluated} prompt tokens; CPU s: raglab {client}, llama-server {server}")
(_, r1, e1, t1, *_), (_, r4, e4, t4, *_) = rows
ratio = float(e4) / float(e1)
ok = abs(ratio - 1) <= 0.10
print(f"concurrency 4 vs 1: {float(r4) / float(r1):.2f}x req/s, {float(t4) / float(t1):.2f}x prompt tok/s; "
      f"evaluated prompt tokens {ratio:.3f}x (acceptance: within 10 %) -> {'pass' if ok else 'FAIL'}")
sys.exit(0 if ok else 1)
PY
