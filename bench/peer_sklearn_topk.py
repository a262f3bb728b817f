#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""The peer baseline a researcher would write: scikit-learn's TfidfVectorizer on
character 2-3-grams (smooth idf, L2 norm: the defaults) and a blockwise cosine top-10.

usage: peer_sklearn_topk.py MEASURES.txt OUT.tsv [K] [BLOCK]
  MEASURES.txt  one measure text per line (bench_similarity writes it)
  OUT.tsv       query <TAB> candidate <TAB> score, best first, K per query
Prints one line: seconds=<vectorize + search, file reading excluded>.
"""
import sys
import time

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer


def main():
    path, out, k = sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 10
    block = int(sys.argv[4]) if len(sys.argv) > 4 else 500
    with open(path, encoding="utf-8") as f:
        texts = f.read().split("\n")
    if texts and texts[-1] == "":
        texts.pop()
    start = time.perf_counter()
    x = TfidfVectorizer(analyzer="char", ngram_range=(2, 3)).fit_transform(texts)
    xt = x.T.tocsr()
    n = x.shape[0]
    best_idx = np.empty((n, k), dtype=np.int64)
    best_val = np.empty((n, k), dtype=np.float64)
    for lo in range(0, n, block):
        hi = min(n, lo + block)
        s = (x[lo:hi] @ xt).toarray()
        s[np.arange(hi - lo), np.arange(lo, hi)] = -1.0  # a row is not its own match
        part = np.argpartition(-s, k, axis=1)[:, :k]
        vals = np.take_along_axis(s, part, axis=1)
        order = np.lexsort((part, -vals), axis=1)
        best_idx[lo:hi] = np.take_along_axis(part, order, axis=1)
        best_val[lo:hi] = np.take_along_axis(vals, order, axis=1)
    seconds = time.perf_counter() - start
    with open(out, "w", encoding="utf-8") as f:
        for q in range(n):
            for j in range(k):
                if best_val[q, j] > 0:
                    f.write(f"{q}\t{best_idx[q, j]}\t{best_val[q, j]:.7f}\n")
    print(f"seconds={seconds:.6f}")


if __name__ == "__main__":
    main()
