#!/usr/bin/env python3
"""Writes the reference values the Stable-RAG measure tests compare raglab against (run once, kept).

Usage: python3 -m venv /tmp/skvenv2 && /tmp/skvenv2/bin/pip install scikit-learn numpy
       /tmp/skvenv2/bin/python scripts/sensitivity-fixtures.py
(written with scikit-learn 1.9.1, numpy 2.4.6; writes
Tests/ExperimentsTests/Fixtures/stable-rag-measures-reference.json)

- AUROC: sklearn.metrics.roc_auc_score on hand-made scores and labels, several with tied scores;
  a few values are also asserted against hand computation (Mann-Whitney with ties counted 1/2).
- Silhouette: sklearn.metrics.silhouette_score (Euclidean) on small matrices, including a
  singleton cluster, duplicate points and non-contiguous label values.
- Adjusted Rand index: sklearn.metrics.adjusted_rand_score; pair precision/recall from
  sklearn.metrics.cluster.pair_confusion_matrix (tp / (tp + fp), tp / (tp + fn)), an independent
  count of the pairs raglab's pair-counting F1 uses.
"""

import json
from pathlib import Path

import numpy as np
import sklearn
from sklearn.metrics import adjusted_rand_score, roc_auc_score, silhouette_score
from sklearn.metrics.cluster import pair_confusion_matrix

OUT = (Path(__file__).resolve().parent.parent
       / "Tests/ExperimentsTests/Fixtures/stable-rag-measures-reference.json")

# (scores, labels as 0/1, hand value or None)
AUROC_CASES = [
    # perfect separation
    ([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1], 1.0),
    # reversed
    ([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1], 0.0),
    # all scores tied: every pair counts 1/2
    ([3, 3, 3, 3, 3], [1, 0, 1, 0, 0], 0.5),
    # p = {2, 3}, n = {1, 2}: pairs (2,1)=1 (2,2)=1/2 (3,1)=1 (3,2)=1 -> 3.5 / 4
    ([2, 3, 1, 2], [1, 1, 0, 0], 0.875),
    # integer scores like K, many ties
    ([2, 3, 2, 4, 2, 3, 5, 2, 3, 2], [0, 1, 0, 1, 1, 0, 1, 0, 0, 0], None),
    # one positive among many
    ([0.3, 0.1, 0.7, 0.2, 0.5, 0.4], [0, 0, 0, 0, 1, 0], 0.8),
    ([0.12, 0.55, 0.33, 0.55, 0.91, 0.08, 0.33, 0.74, 0.55, 0.21, 0.67, 0.33],
     [0, 1, 0, 0, 1, 0, 1, 1, 0, 0, 1, 1], None),
]

# (rows as lists, labels)
SILHOUETTE_CASES = [
    # two tight pairs on a line
    ([[0.0], [1.0], [10.0], [11.0]], [0, 0, 1, 1]),
    # a singleton cluster scores 0
    ([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [5.0, 5.0], [6.0, 5.0]], [0, 0, 0, 1, 2]),
    # duplicate points inside a cluster (a = 0)
    ([[1.0, 1.0], [1.0, 1.0], [4.0, 0.0], [4.0, 1.0], [0.0, 3.0]], [7, 7, 3, 3, 7]),
    # overlapping clusters: negative scores appear
    ([[0.0, 0.0], [2.0, 0.0], [1.0, 0.1], [3.0, 0.0], [1.5, 2.0], [0.5, 1.0]], [0, 0, 1, 1, 0, 1]),
    # 3-d, three clusters
    ([[0.1, 0.2, 0.3], [0.2, 0.1, 0.25], [1.0, 1.1, 0.9], [1.2, 0.9, 1.0], [1.1, 1.0, 1.05],
      [-1.0, 0.5, 0.0], [-0.9, 0.6, 0.1]], [0, 0, 1, 1, 1, 2, 2]),
]

# (clusters, labels)
PARTITION_CASES = [
    ([0, 0, 1, 1], [0, 0, 1, 2]),
    ([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]),
    ([0, 0, 1, 1, 2, 2], [1, 1, 1, 0, 0, 0]),
    ([5, 5, 5, 5], [0, 1, 0, 1]),
    ([0, 1, 2, 3], [0, 0, 1, 1]),
    ([0, 0, 1, 1, 1, 2, 2, 2, 2, 0], [1, 0, 1, 1, 0, 0, 0, 1, 0, 1]),
    ([3, 1, 3, 1, 2], [3, 1, 3, 1, 2]),
]


def main() -> None:
    auroc = []
    for scores, labels, hand in AUROC_CASES:
        value = float(roc_auc_score(labels, scores))
        if hand is not None:
            assert abs(value - hand) < 1e-12, (scores, labels, value, hand)
        auroc.append({"scores": scores, "labels": [bool(x) for x in labels], "auroc": value})

    silhouette = []
    for rows, labels in SILHOUETTE_CASES:
        value = float(silhouette_score(np.array(rows), np.array(labels), metric="euclidean"))
        silhouette.append({"rows": rows, "labels": labels, "silhouette": value})
    # hand check of the first case: a = 1 for all; b = 10.5, 9.5, 9.5, 10.5
    assert abs(silhouette[0]["silhouette"] - (9.5 / 10.5 + 8.5 / 9.5) / 2) < 1e-12

    partitions = []
    for clusters, labels in PARTITION_CASES:
        (tn, fp), (fn, tp) = pair_confusion_matrix(labels, clusters)
        precision = 1.0 if tp + fp == 0 else tp / (tp + fp)
        recall = 1.0 if tp + fn == 0 else tp / (tp + fn)
        partitions.append({
            "clusters": clusters, "labels": labels,
            "ari": float(adjusted_rand_score(labels, clusters)),
            "pairPrecision": float(precision), "pairRecall": float(recall),
        })
    assert abs(partitions[0]["ari"] - 4 / 7) < 1e-12  # sklearn's docstring example, 0.57...

    OUT.write_text(json.dumps({
        "generator": f"scripts/sensitivity-fixtures.py, scikit-learn {sklearn.__version__}, "
                     f"numpy {np.__version__}",
        "auroc": auroc, "silhouette": silhouette, "partitions": partitions,
    }, indent=1) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
