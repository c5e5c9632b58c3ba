#!/usr/bin/env bash
# Builds llama.cpp (the reference raglab is compared with; never linked into raglab).
#
# Source: the PyPI sdist llama-cpp-python==0.3.36, which vendors llama.cpp under vendor/llama.cpp.
# Everything lives under $RAGLAB_HOME (default ~/.cache/raglab):
#   downloads/llama_cpp_python-0.3.36.tar.gz   sdist, sha256-checked
#   llama.cpp/src                               extracted vendor/llama.cpp
#   llama.cpp/build                             CMake build: bin/libllama.so, bin/llama-bench, …
# Idempotent: each step is skipped when its result is already there. About 7 min on 2 idle cores.
# A failing step is named on stderr (`failed at step N/4 …`) with the end of its log.
# Usage: scripts/build-llamacpp.sh [--force] [--server]
#   --force   rebuild from a clean build directory
#   --server  also build llama-server (the OpenAI-compatible server scripts/openai-check.sh uses)
set -euo pipefail

VERSION=0.3.36
SDIST_SHA256=832db0699007f1be95a7e41ef12e88926b02ba836461e36a36372db2760c1a2e
RAGLAB_HOME=${RAGLAB_HOME:-$HOME/.cache/raglab}
DOWNLOADS=$RAGLAB_HOME/downloads
SDIST=$DOWNLOADS/llama_cpp_python-$VERSION.tar.gz
ROOT=$RAGLAB_HOME/llama.cpp
SRC=$ROOT/src
BUILD=$ROOT/build
JOBS=${JOBS:-$(nproc)}
CMAKE_FLAGS=(
  -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=ON -DLLAMA_CURL=OFF -DLLAMA_OPENSSL=OFF
  -DGGML_NATIVE=ON
  -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_SERVER=ON -DLLAMA_BUILD_APP=OFF
  -DLLAMA_BUILD_TOOLS=ON  # for llama-bench and llama-server; only the targets below are compiled
)
TARGETS=(llama llama-bench)
STAMP=$BUILD/.raglab-built

say() { printf '[build-llamacpp] %s\n' "$*" >&2; }

# The step under way and its log, named when a command fails.
step="0/4 options" step_log=""
trap 'status=$?; say "failed at step $step (exit status $status)${step_log:+; log: $step_log}";
  [[ -n $step_log && -f $step_log ]] && tail -n 20 "$step_log" >&2' ERR

for arg in "$@"; do
  case $arg in
    --force) rm -rf "$BUILD" ;;
    --server) TARGETS+=(llama-server) ;;
    *) say "unknown option $arg (expected --force or --server)"; exit 2 ;;
  esac
done

sha_ok() { [[ -f $SDIST ]] && echo "$SDIST_SHA256  $SDIST" | sha256sum --check --status; }

# 1. Tools.
step="1/4 tools (apt-get install cmake g++)"
if ! command -v cmake >/dev/null || ! command -v g++ >/dev/null; then
  say "installing cmake and g++ (apt)"
  apt-get install -y cmake g++ >/dev/null || { apt-get update >/dev/null && apt-get install -y cmake g++ >/dev/null; }
fi

# 2. Download the sdist with pip. `--no-binary :all:` would also force pip's isolated build
#    environment to compile CMake from source just to read the metadata (minutes), so put
#    scikit-build-core (the sdist's build backend) on PYTHONPATH and skip build isolation (~1 min).
step="2/4 download (pip download llama-cpp-python==$VERSION)"
if ! sha_ok; then
  mkdir -p "$DOWNLOADS"
  backend=$DOWNLOADS/.scikit-build-core
  if [[ ! -d $backend/scikit_build_core ]]; then
    say "installing the build backend scikit-build-core into $backend (metadata only)"
    python3 -m pip install -q --disable-pip-version-check --target "$backend" scikit-build-core
  fi
  say "downloading llama-cpp-python==$VERSION sdist"
  PYTHONPATH=$backend python3 -m pip download -q --disable-pip-version-check --no-deps \
    --no-binary :all: --no-build-isolation "llama-cpp-python==$VERSION" -d "$DOWNLOADS"
  if ! sha_ok; then
    say "sha256 mismatch for $SDIST (expected $SDIST_SHA256, got $(sha256sum "$SDIST" | cut -d' ' -f1))"
    exit 1
  fi
fi
say "sdist ok: $SDIST (sha256 $SDIST_SHA256)"

# 3. Extract vendor/llama.cpp.
step="3/4 extract (tar of $SDIST)"
if [[ ! -f $SRC/include/llama.h ]]; then
  say "extracting vendor/llama.cpp to $SRC"
  rm -rf "$SRC" && mkdir -p "$SRC"
  tar xzf "$SDIST" -C "$SRC" --strip-components=3 "llama_cpp_python-$VERSION/vendor/llama.cpp"
fi

# 4. Configure and build (skipped when the stamp matches the sdist and flags).
want="$SDIST_SHA256 ${CMAKE_FLAGS[*]} ${TARGETS[*]}"
if [[ -f $STAMP && $(cat "$STAMP") == "$want" && -x $BUILD/bin/llama-bench && -f $BUILD/bin/libllama.so ]] \
  || [[ -f $STAMP && $(cat "$STAMP") == "$want llama-server" && -x $BUILD/bin/llama-server ]]; then
  say "already built: $BUILD"
else
  say "configuring $BUILD"
  step="4/4 configure (cmake)" step_log=$ROOT/cmake-configure.log
  cmake -S "$SRC" -B "$BUILD" "${CMAKE_FLAGS[@]}" >"$ROOT/cmake-configure.log"
  start=$(date +%s)
  for target in "${TARGETS[@]}"; do
    say "building $target with $JOBS jobs (log: $ROOT/cmake-build.log)"
    step="4/4 build $target (cmake --build)" step_log=$ROOT/cmake-build.log
    cmake --build "$BUILD" -j "$JOBS" --target "$target" >>"$ROOT/cmake-build.log"
  done
  say "built in $(($(date +%s) - start)) s"
  echo "$want" >"$STAMP"
fi
echo "$BUILD"
