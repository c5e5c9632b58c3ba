#!/usr/bin/env bash
# Proves the C kernels build for arm64: compiles every Sources/CKernels/*.c for aarch64 Linux with
# clang (x86 SIMD code must be guarded by architecture), then checks that every kernel symbol one
# object uses is defined by another, so no call reaches an x86-only function. Needs the aarch64
# C headers (Debian: libc6-dev-arm64-cross, installed by scripts/setup.sh). Called by `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."

CLANG="${CLANG:-clang}"
NM="${NM:-$(dirname "$(command -v "$CLANG")")/llvm-nm}"
FLAGS=(--target=aarch64-linux-gnu -ISources/CKernels/include
  -O3 -ffast-math -fno-finite-math-only -Werror=implicit-function-declaration)
if [ "$(uname -m)" != aarch64 ]; then # cross: Debian's aarch64 headers instead of the host's
  HEADERS=/usr/aarch64-linux-gnu/include
  if [ ! -f "$HEADERS/stdlib.h" ]; then
    echo "check-arm64: no aarch64 C headers in $HEADERS; run 'make setup' (installs libc6-dev-arm64-cross)" >&2
    exit 1
  fi
  FLAGS+=(-nostdlibinc -isystem "$HEADERS")
fi
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT

failed=0
for src in Sources/CKernels/*.c; do
  obj="$OUT/$(basename "$src" .c).o"
  if "$CLANG" "${FLAGS[@]}" -c "$src" -o "$obj"; then
    echo "  ok  $src"
  else
    echo "  FAIL $src" >&2
    failed=1
  fi
done
[ "$failed" -eq 0 ] || { echo "check-arm64: the kernels above do not compile for aarch64" >&2; exit 1; }

# Kernel symbols (ck_*) referenced by some object but defined by none: an x86-only function
# called from portable code.
"$NM" --defined-only --format=just-symbols "$OUT"/*.o | sort -u >"$OUT/defined"
"$NM" --undefined-only --format=just-symbols "$OUT"/*.o | grep '^ck_' | sort -u >"$OUT/used" || true
missing="$(comm -23 "$OUT/used" "$OUT/defined")"
if [ -n "$missing" ]; then
  echo "check-arm64: kernel functions used but not built for aarch64:" >&2
  echo "$missing" >&2
  exit 1
fi
echo "check-arm64: $(ls Sources/CKernels/*.c | wc -l) kernel files compile for aarch64-linux-gnu; every ck_ symbol resolves"
