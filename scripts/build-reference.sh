#!/usr/bin/env bash
# Compiles scripts/reference/llama_reference.cpp against the cached llama.cpp build.
# Prints the path of the binary ($RAGLAB_HOME/llama.cpp/reference/llama_reference).
# Runs scripts/build-llamacpp.sh first (a no-op when llama.cpp is already built).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
RAGLAB_HOME=${RAGLAB_HOME:-$HOME/.cache/raglab}
ROOT=$RAGLAB_HOME/llama.cpp
"$HERE/build-llamacpp.sh" >/dev/null
OUT=$ROOT/reference/llama_reference
mkdir -p "$(dirname "$OUT")"
if [[ ! -x $OUT || $HERE/reference/llama_reference.cpp -nt $OUT || $HERE/reference/json_lite.h -nt $OUT \
      || $ROOT/build/bin/libllama.so -nt $OUT ]]; then
  echo "[build-reference] compiling $OUT" >&2
  g++ -std=c++17 -O2 -Wall -Wextra -Wno-unused-function \
    -I "$ROOT/src/include" -I "$ROOT/src/ggml/include" \
    "$HERE/reference/llama_reference.cpp" -o "$OUT" \
    -L "$ROOT/build/bin" -Wl,-rpath,"$ROOT/build/bin" -lllama -lggml -lggml-base
fi
echo "$OUT"
