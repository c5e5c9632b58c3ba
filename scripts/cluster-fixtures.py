#!/usr/bin/env python3
"""Writes the reference values the clustering tests compare raglab against (run once, kept).

Usage: /tmp/skvenv/bin/python scripts/cluster-fixtures.py
  (a venv with scikit-learn and numpy: python3 -m venv /tmp/skvenv &&
   /tmp/skvenv/bin/pip install scikit-learn numpy; written with scikit-learn 1.9.1, numpy 2.4.6,
   scipy 1.17.1, Python 3 — the versions used are also stored in the fixture file)
Writes Tests/ExperimentsTests/Fixtures/clustering-reference.json.

Each case is a matrix with known structure (Gaussian blobs from sklearn's make_blobs, a
non-separable cloud, a tiny hand-checkable one), rounded to 4 decimals before anything is
computed, so the stored matrix is exactly the input. For each case, following the Stable-RAG
procedure in ../shared/REFERENCES.md literally:
  - PCA(n_components = min(30, n, d)) (sklearn needs <= min(n, d); "with fewer than 30 orders use
    n"), fitted with svd_solver="full" (the exact SVD; what "auto" picks for every case here,
    since max(n, d) <= 500), giving explained_variance_ratio_ and the features;
  - A = exp(-(1 - cos)/sigma) on the features, sigma = 0.1, diagonal kept;
    D^-1/2 = 1/sqrt(row sum + 1e-10); L = I - D^-1/2 A D^-1/2; eigenvalues by scipy.linalg.eigh;
  - max_k = min(20, n - 1); K = max(2, argmax(diff(eigenvalues[:max_k + 1])) + 1);
  - KMeans(n_clusters=K, random_state=42) on the features (sklearn's defaults otherwise).
The script checks that the largest eigengap beats the runner-up clearly (so K is not a numerical
coin toss), and on the separable cases that K is the number of blobs and the k-means labels
recover them exactly (adjusted Rand index 1).

At the stable_rag size (120 x 576, 30 components) sklearn's "auto" would pick the randomized
solver instead; the script prints how far its ratios are from the exact ones on such a matrix
(not stored: too large for a fixture).
"""

import json
import platform
from pathlib import Path

import numpy as np
import scipy
import sklearn
from scipy.linalg import eigh
from sklearn.cluster import KMeans
from sklearn.datasets import make_blobs
from sklearn.decomposition import PCA
from sklearn.metrics import adjusted_rand_score

OUT = Path(__file__).resolve().parent.parent / "Tests/ExperimentsTests/Fixtures/clustering-reference.json"
SIGMA = 0.1
PCA_DIM = 30


def spectral_k(features, sigma):
    """The eigenvalues of the normalised Laplacian (ascending) and the eigengap K."""
    unit = features / np.linalg.norm(features, axis=1, keepdims=True)
    affinity = np.exp(-(1 - unit @ unit.T) / sigma)
    inv_root = np.diag(1.0 / np.sqrt(affinity.sum(axis=1) + 1e-10))
    laplacian = np.eye(len(features)) - inv_root @ affinity @ inv_root
    values = eigh(laplacian, eigvals_only=True)
    max_k = min(20, len(features) - 1)
    gaps = np.diff(values[: max_k + 1])
    order = np.argsort(-gaps)
    margin = gaps[order[0]] - gaps[order[1]] if len(gaps) > 1 else float("inf")
    return values[: max_k + 1], max(2, int(np.argmax(gaps)) + 1), margin


def reference(name, matrix, truth=None):
    """One fixture case computed from the (already rounded) matrix."""
    n, d = matrix.shape
    pca = PCA(n_components=min(PCA_DIM, n, d), svd_solver="full")
    features = pca.fit_transform(matrix)
    eigenvalues, k, margin = spectral_k(features, SIGMA)
    labels = KMeans(n_clusters=k, random_state=42).fit(features).labels_
    assert margin > 1e-3, f"{name}: eigengap runner-up within {margin}"
    if truth is not None:
        assert k == len(set(truth)), f"{name}: eigengap K {k}, blobs {len(set(truth))}"
        assert adjusted_rand_score(truth, labels) == 1.0, f"{name}: k-means misses the blobs"
    print(f"{name}: {n} x {d}, K = {k} (gap margin {margin:.3g}), "
          f"ratios {np.round(pca.explained_variance_ratio_[:3], 4)}")
    return {
        "name": name,
        "rows": n,
        "columns": d,
        "separable": truth is not None,
        "truth": [int(t) for t in truth] if truth is not None else None,
        "matrix": [float(v) for v in matrix.ravel()],
        "explainedVarianceRatio": [round(float(v), 10) for v in pca.explained_variance_ratio_],
        "laplacianEigenvalues": [round(float(v), 12) for v in eigenvalues],
        "k": k,
        "kmeansLabels": [int(v) for v in labels],
    }


def blobs(n, d, centers, seed, std=1.0):
    """make_blobs rounded to 4 decimals, with its true labels."""
    x, y = make_blobs(n_samples=n, n_features=d, centers=centers, cluster_std=std,
                      random_state=seed)
    return np.round(x, 4), y


def main():
    cases = []
    x, y = blobs(24, 64, 3, seed=1)
    cases.append(reference("blobs3_n24_d64", x, y))
    x, y = blobs(120, 128, 5, seed=2)
    cases.append(reference("blobs5_n120_d128", x, y))
    x, y = blobs(10, 40, 2, seed=3)
    cases.append(reference("blobs2_n10_d40", x, y))
    # Non-separable: three heavily overlapping blobs (std 6 around centres in a ±10 box), n >= d,
    # so the PCA keeps all d components and goes through the covariance matrix.
    x, _ = blobs(60, 20, 3, seed=4, std=6.0)
    cases.append(reference("noisy_n60_d20", x))
    # Tiny, checkable by eye: two tight pairs far apart and a fifth point between them.
    tiny = np.array([[0, 0, 1], [0.1, 0, 1], [5, 5, 1], [5, 5.1, 1], [2.5, 2.4, 1.2]])
    cases.append(reference("tiny_n5_d3", tiny))

    rng = np.random.default_rng(5)
    wide = rng.normal(size=(120, 576)) + np.repeat(rng.normal(size=(5, 576)) * 3, 24, axis=0)
    exact = PCA(n_components=30, svd_solver="full").fit(wide).explained_variance_ratio_
    auto = PCA(n_components=30, random_state=0).fit(wide)
    gap = float(np.max(np.abs(auto.explained_variance_ratio_ - exact)))
    print(f"120 x 576: sklearn 'auto' picks {auto._fit_svd_solver}; "
          f"max |ratio - exact| = {gap:.2e}")

    document = {
        "generator": "scripts/cluster-fixtures.py",
        "versions": {"scikit-learn": sklearn.__version__, "numpy": np.__version__,
                     "scipy": scipy.__version__, "python": platform.python_version()},
        "sigma": SIGMA,
        "pcaComponents": PCA_DIM,
        "randomizedSolverGapAt120x576": float(f"{gap:.2e}"),
        "cases": cases,
    }
    OUT.write_text(json.dumps(document, separators=(",", ":")) + "\n")
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
