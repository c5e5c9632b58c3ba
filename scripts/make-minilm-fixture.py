#!/usr/bin/env python3
"""Writes Tests/InferenceTests/Fixtures/minilm-reference.json: reference token ids and embeddings
of all-MiniLM-L6-v2 computed by sentence-transformers (the Python reference), for the Swift tests.

Run once by hand: `python3 scripts/make-minilm-fixture.py`. It creates (or reuses) a virtualenv
under $RAGLAB_HOME/venv-ref (override with RAGLAB_REF_VENV), installs sentence-transformers from
PyPI there (CPU is enough; the plain PyPI torch wheel works), re-runs itself inside it, loads the
model from $RAGLAB_HOME/models/all-MiniLM-L6-v2 (installed by scripts/setup.sh) and writes the
JSON. Only the JSON is committed, never the virtualenv.
"""
import json
import os
import subprocess
import sys
import venv

HOME = os.environ.get("RAGLAB_HOME", os.path.expanduser("~/.cache/raglab"))
VENV = os.environ.get("RAGLAB_REF_VENV", os.path.join(HOME, "venv-ref"))
MODEL_DIR = os.path.join(HOME, "models", "all-MiniLM-L6-v2")
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(REPO, "Tests", "InferenceTests", "Fixtures", "minilm-reference.json")
MAX_SEQ_LENGTH = 256  # sentence_bert_config.json of all-MiniLM-L6-v2

LONG = " ".join(
    f"Sentence number {i} of a very long paragraph about the history of the Normans, "
    f"who gave their name to Normandy, a region in France." for i in range(30))

SENTENCES = [
    "What is the capital of France?",
    "Paris is the capital and most populous city of France.",
    "The Normans were the people who in the 10th and 11th centuries gave their name to Normandy.",
    "A cat sat on the mat.",
    "Hello, world!",
    "Café naïve résumé — accents déjà vu, Ångström, façade, jalapeño.",
    "Zürich und München liegen nicht in Österreich.",
    "北京是中华人民共和国的首都。",
    "東京は日本の首都です。",
    "한국어 문장은 어떻게 토큰화됩니까?",
    "Привет, как дела? Это тест.",
    "Punctuation!!! (brackets) [square] {curly} \"quotes\" 'single' ... ¿Qué? ¡Sí! «guillemets»",
    "Symbols: $100 + 20% = 3^2 ~ a|b <tag> @user #hashtag & co. `code` € £ ° ©",
    "Numbers: 3.14159, 1,000,000, 2024-05-17, 10:30pm, 0xFF, 1e-12.",
    "   leading and trailing whitespace\twith\ttabs\nand\nnewlines   ",
    "a",
    "",
    "?",
    "Supercalifragilisticexpialidocious antidisestablishmentarianism pneumonoultramicroscopicsilicovolcanoconiosis",
    "x" * 120 + " word after an over-long word",
    "Emoji 😀 and zero\u200bwidth and control\u0007chars and \ufffd replacement.",
    LONG,
]


def in_venv():
    return os.path.realpath(sys.prefix) == os.path.realpath(VENV)


def bootstrap():
    python = os.path.join(VENV, "bin", "python")
    if not os.path.exists(python):
        print(f"creating virtualenv {VENV}", file=sys.stderr)
        venv.create(VENV, with_pip=True)
    check = subprocess.run([python, "-c", "import sentence_transformers"], capture_output=True)
    if check.returncode != 0:
        print("installing sentence-transformers (and torch) into the virtualenv", file=sys.stderr)
        subprocess.check_call([python, "-m", "pip", "install", "--disable-pip-version-check",
                               "sentence-transformers"])
    os.execv(python, [python, os.path.abspath(__file__)] + sys.argv[1:])


def main():
    import sentence_transformers
    import tokenizers
    import torch
    import transformers
    from sentence_transformers import SentenceTransformer, models

    torch.set_num_threads(2)
    # The installed directory has no modules.json, so build the published pipeline explicitly:
    # Transformer (max_seq_length 256) -> Pooling (1_Pooling/config.json) -> Normalize.
    transformer = models.Transformer(MODEL_DIR, max_seq_length=MAX_SEQ_LENGTH)
    pooling = models.Pooling.load(os.path.join(MODEL_DIR, "1_Pooling"))
    model = SentenceTransformer(modules=[transformer, pooling, models.Normalize()], device="cpu")
    model.eval()
    hf = transformer.tokenizer
    ids = [hf(s, truncation=True, max_length=MAX_SEQ_LENGTH)["input_ids"] for s in SENTENCES]
    emb = model.encode(SENTENCES, batch_size=8, convert_to_numpy=True, normalize_embeddings=False)
    cases = [
        {"text": s, "token_ids": t, "embedding": [round(float(x), 6) for x in e]}
        for s, t, e in zip(SENTENCES, ids, emb)
    ]
    fixture = {
        "model": "all-MiniLM-L6-v2",
        "max_seq_length": MAX_SEQ_LENGTH,
        "provenance": {
            "script": "scripts/make-minilm-fixture.py",
            "sentence_transformers": sentence_transformers.__version__,
            "transformers": transformers.__version__,
            "tokenizers": tokenizers.__version__,
            "torch": torch.__version__,
            "tokenizer_class": type(hf).__name__,
            "note": "SentenceTransformer([Transformer(max_seq_length=256), Pooling(1_Pooling), Normalize()])"
                    ".encode in float32 on CPU; token ids from the same tokenizer, truncated at 256",
        },
        "cases": cases,
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(fixture, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"wrote {OUT}: {len(cases)} sentences", file=sys.stderr)


if __name__ == "__main__":
    if not os.path.isdir(MODEL_DIR):
        sys.exit(f"missing {MODEL_DIR}; run `make quickstart` or `bash scripts/setup.sh` first")
    if in_venv():
        main()
    else:
        bootstrap()
