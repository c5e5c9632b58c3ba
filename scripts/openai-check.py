#!/usr/bin/env python3
"""Runs one small experiment twice — in process and through llama.cpp's OpenAI-compatible server
(`backend: openai`) on the same GGUF — and compares the stored answers trial by trial.

Builds llama-server if needed (scripts/build-llamacpp.sh --server, cached under RAGLAB_HOME),
starts it on a free port (2 threads, flash attention off, one slot), derives both specs from
experiments/quickstart.yaml (BM25 only, k = 1, 2, 4, QUESTIONS questions), runs
`raglab run` for each into a temporary database and prints: trials, identical answers, SubEM of
each backend, and wall time. Needs `make build` (or `make quickstart`) first.
Usage: scripts/openai-check.py [--questions N] [--raglab BINARY] [--keep DIR]
"""

import argparse
import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
HOME = Path(os.environ.get("RAGLAB_HOME", Path.home() / ".cache" / "raglab"))
MODEL = HOME / "models" / "SmolLM2-135M-Instruct.Q4_1.gguf"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url, server, seconds=120):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if server.poll() is not None:
            sys.exit(f"llama-server exited with {server.returncode}")
        try:
            with urllib.request.urlopen(url + "/models", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    sys.exit(f"llama-server did not answer {url}/models within {seconds} s")


def spec_text(base, backend_lines, questions):
    text = re.sub(r"(?m)^name: .*$", "name: openai-check", base)
    text = re.sub(r"(?m)^  limit: .*$", f"  limit: {questions}", text)
    text = re.sub(r"(?m)^retrievers: .*$", "retrievers: [bm25]", text)
    text = re.sub(r"(?m)^  k: .*$", "  k: [1, 2, 4]", text)
    return re.sub(r"(?m)^  backend: inprocess\n  model: .*$", backend_lines, text)


def answers(db):
    with sqlite3.connect(db) as c:
        rows = c.execute("SELECT questionId, passageIdsJSON, answer, metricsJSON FROM trial").fetchall()
    return {(q, p): (a, json.loads(m)["subem"]) for q, p, a, m in rows}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--questions", type=int, default=20)
    parser.add_argument("--raglab", default=str(REPO / ".build" / "release" / "raglab"))
    parser.add_argument("--keep", help="write the specs and databases here instead of a temporary folder")
    args = parser.parse_args()
    build = subprocess.run(["bash", str(REPO / "scripts" / "build-llamacpp.sh"), "--server"], check=True,
                           stdout=subprocess.PIPE, text=True).stdout.strip().splitlines()[-1]
    work = Path(args.keep or tempfile.mkdtemp(prefix="raglab-openai-check-"))
    work.mkdir(parents=True, exist_ok=True)
    port = free_port()
    url = f"http://127.0.0.1:{port}/v1"
    log = open(work / "llama-server.log", "w")
    server = subprocess.Popen([f"{build}/bin/llama-server", "-m", str(MODEL), "--host", "127.0.0.1",
                               "--port", str(port), "-t", "2", "-c", "4096", "-np", "1", "-fa", "off"],
                              stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_until_up(url, server)
        base = (REPO / "experiments" / "quickstart.yaml").read_text()
        variants = {
            "inprocess": "  backend: inprocess\n  model: models/SmolLM2-135M-Instruct.Q4_1.gguf",
            "openai": f"  backend: openai\n  url: {url}\n  model: SmolLM2-135M-Instruct",
        }
        results, seconds = {}, {}
        for name, lines in variants.items():
            spec = work / f"{name}.yaml"
            spec.write_text(spec_text(base, lines, args.questions))
            db = work / f"{name}.sqlite"
            start = time.time()
            subprocess.run([args.raglab, "run", str(spec), "--db", str(db)], check=True)
            seconds[name] = time.time() - start
            results[name] = answers(db)
    finally:
        server.kill()
        server.wait()
    local, remote = results["inprocess"], results["openai"]
    keys = sorted(set(local) & set(remote))
    same = sum(local[k][0] == remote[k][0] for k in keys)
    print(f"trials: {len(local)} in process, {len(remote)} via {url}, {len(keys)} matched by question and passages")
    print(f"identical answers: {same}/{len(keys)} ({100.0 * same / max(1, len(keys)):.1f} %)")
    for name, res in results.items():
        print(f"SubEM {name}: {sum(v[1] for v in res.values()) / max(1, len(res)):.3f} ({seconds[name]:.0f} s wall)")
    print(f"specs, databases and the server log: {work}")


if __name__ == "__main__":
    main()
