#!/usr/bin/env bash
# The resume drill: kill `raglab run SPEC` with SIGKILL at random moments, rerun it to the end, and
# check that the results table equals an uninterrupted run's and that no trial is lost or doubled.
#
#   scripts/kill-drill.sh REFERENCE_DB [SPEC] [KILLS] [SEED]
#
# REFERENCE_DB holds an uninterrupted run of SPEC (default experiments/quickstart.yaml), e.g.
# runs/lab.sqlite after `make quickstart`. The drill writes a fresh database under runs/drill/,
# kills the run KILLS times (default 3) after a random 20-240 s each (seeded by SEED, default 1),
# then lets it finish, and compares `raglab results NAME --format csv` of both databases and the
# trial count (questions × conditions). Exits non-zero on any difference.
set -euo pipefail
REFERENCE=${1:?usage: scripts/kill-drill.sh REFERENCE_DB [SPEC] [KILLS] [SEED]}
SPEC=${2:-experiments/quickstart.yaml}
KILLS=${3:-3}
RANDOM=${4:-1}
RAGLAB=${RAGLAB:-.build/release/raglab}
NAME=$(sed -n 's/^name:[[:space:]]*//p' "$SPEC" | head -1)
DIR=runs/drill
DB=$DIR/drill-$(date +%Y%m%d-%H%M%S).sqlite
mkdir -p "$DIR"
[[ -f $REFERENCE ]] || { echo "kill-drill: no reference database $REFERENCE" >&2; exit 2; }

# One number from an SQL query (python's sqlite3, so no sqlite3 CLI is needed).
count() {
  python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' "$1" "$2" 2>/dev/null || echo '?'
}

for i in $(seq 1 "$KILLS"); do
  delay=$((20 + RANDOM % 221))
  echo "[kill-drill] run $i: SIGKILL after ${delay}s"
  "$RAGLAB" run "$SPEC" --db "$DB" >"$DIR/run-$i.log" 2>&1 &
  pid=$!
  sleep "$delay"
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid"
    wait "$pid" 2>/dev/null || true
    echo "[kill-drill]   killed; trials stored so far: $(count "$DB" 'SELECT COUNT(*) FROM trial')"
  else
    wait "$pid" || true
    echo "[kill-drill]   the run finished before the kill"
  fi
done
echo "[kill-drill] final run to completion"
"$RAGLAB" run "$SPEC" --db "$DB" | tail -3

"$RAGLAB" results "$NAME" --db "$REFERENCE" --format csv >"$DIR/reference.csv"
"$RAGLAB" results "$NAME" --db "$DB" --format csv >"$DIR/drill.csv"
trials=$(count "$DB" 'SELECT COUNT(*) FROM trial')
distinct=$(count "$DB" 'SELECT COUNT(*) FROM (SELECT DISTINCT conditionId, questionId FROM trial)')
expected=$(count "$REFERENCE" 'SELECT COUNT(*) FROM trial')
echo "[kill-drill] trials: $trials stored, $distinct distinct (condition, question), reference $expected"
if [[ $trials == "$expected" && $distinct == "$trials" ]] && cmp -s "$DIR/reference.csv" "$DIR/drill.csv"; then
  echo "[kill-drill] PASS: results table identical to the uninterrupted run"
else
  diff "$DIR/reference.csv" "$DIR/drill.csv" || true
  echo "[kill-drill] FAIL" >&2
  exit 1
fi
