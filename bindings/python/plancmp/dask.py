"""Corpus-scale runs on a Dask cluster (``dask.distributed``).

All-pairs top-k similarity and reuse detection are sharded into row blocks: the corpus is
shipped to every worker once (``Client.scatter(..., broadcast=True)``), each task runs the
C++ kernel on one block of query rows against the whole corpus, and the blocks come back
concatenated in row order, so the result is identical to the single-process run.

    from dask.distributed import Client
    import plancmp, plancmp.dask

    client = Client("tcp://scheduler:8786")          # or Client(LocalCluster(...))
    plans = plancmp.load_dir("plans/")
    best = plancmp.dask.similar(client, plans, top_k=5)  # a plancmp.Similarity
    reuse = plancmp.dask.reuse(client, plans)            # one record per reused passage
    d = plancmp.dask.diffusion(client, plans)            # a plancmp.DiffusionResult

Workers need the same plancmp installed (the C++ kernel runs in them). See docs/python.md.
"""

from __future__ import annotations

import math
from typing import Any, Dict, List, Optional, Sequence, Tuple

import numpy as np

from . import _core
from ._interop import Similarity

__all__ = ["top_k", "similar", "reuse", "reuse_rows", "reuse_frame", "row_blocks", "diffusion"]


def row_blocks(rows: int, block_rows: int) -> List[Tuple[int, int]]:
    """[begin, end) blocks of ``block_rows`` rows covering ``rows`` rows, in order."""
    if block_rows < 1:
        raise ValueError("block_rows must be at least 1")
    return [(b, min(rows, b + block_rows)) for b in range(0, rows, block_rows)]


def _default_block(client, rows: int) -> int:
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    return max(1, math.ceil(rows / (4 * workers)))  # a few tasks per worker, for balance


def _top_k_block(vectors: "_core.Vectors", begin: int, end: int, top_k: int, threshold: float,
                 mode: str, exclude_same_plan: bool, threads: int) -> np.ndarray:
    return vectors.top_k(top_k, threshold, mode, exclude_same_plan, (begin, end), threads).array.copy()


class _BlockMatches:
    """Concatenated blocks in the shape of plancmp.Matches (``array``, ``len``)."""

    def __init__(self, array: np.ndarray) -> None:
        """Wraps the concatenated structured array (query, candidate, score)."""
        self.array = array

    def __len__(self) -> int:
        return len(self.array)


def top_k(client, vectors: "_core.Vectors", *, top_k: int = 10, threshold: float = 0.0,
          mode: str = "exact", exclude_same_plan: bool = True,
          block_rows: Optional[int] = None, threads: int = 1) -> np.ndarray:
    """``vectors.top_k(...)`` computed on the cluster: a structured array (query, candidate,
    score) equal to the single-process result. ``threads``: C++ threads per task (1 when
    each worker runs one task per core)."""
    return _sharded_top_k(client, vectors, top_k, threshold, mode, exclude_same_plan, block_rows, threads)


def _sharded_top_k(client, vectors, k, threshold, mode, exclude_same_plan, block_rows, threads):
    rows = vectors.shape[0]
    blocks = row_blocks(rows, block_rows or _default_block(client, rows))
    [shipped] = client.scatter([vectors], broadcast=True)
    futures = [client.submit(_top_k_block, shipped, b, e, k, threshold, mode, exclude_same_plan,
                             threads, pure=False) for b, e in blocks]
    parts = client.gather(futures)
    if not parts:
        return vectors.top_k(k, threshold, mode, exclude_same_plan, (0, 0)).array.copy()
    return np.concatenate(parts)


def similar(client, plans: Sequence["_core.Plan"], *, top_k: int = 5, mode: str = "exact",
            threshold: float = 0.0, within: bool = False, goals: bool = False, boxes: bool = False,
            block_rows: Optional[int] = None, threads: int = 1) -> Similarity:
    """:func:`plancmp.similar` (exact or pruned top-k) with the search on the cluster. The
    plans are vectorized here (fitting needs the whole corpus); the vectors ship once."""
    plans = list(plans)
    vectors = _core.vectorize(plans, goals=goals, boxes=boxes)
    array = _sharded_top_k(client, vectors, top_k, threshold, mode, not within, block_rows, threads)
    return Similarity(plans, vectors, _BlockMatches(array), mode)


# snake_case of the CLI's `reuse` CSV columns (measure A → measure_a, characters, identity,
# score, passage in A → passage_in_a), with the plans, files, ids and spans around them.
REUSE_COLUMNS = ["plan_a", "plan_b", "file_a", "file_b", "measure_a", "measure_b", "id_a", "id_b",
                 "begin_a", "end_a", "begin_b", "end_b", "characters", "identity", "score",
                 "passage_in_a", "passage_in_b"]


def reuse_rows(plans: Sequence["_core.Plan"], begin: int, end: int,
               options: Optional[Dict[str, Any]] = None) -> List[tuple]:
    """Reused passages between plan i in [begin, end) and every later plan j > i, one tuple per
    passage (REUSE_COLUMNS, with ``plan_a``/``plan_b`` as row numbers i, j), pairs in (i, j)
    order: the unit of work of :func:`reuse`, and its single-process equivalent when run over
    all rows (:func:`reuse_frame` turns it into the DataFrame :func:`reuse` returns)."""
    options = options or {}
    out = []
    for i in range(begin, end):
        for j in range(i + 1, len(plans)):
            r = _core.reuse(plans[i], plans[j], **options)
            for p in r.passages:
                out.append((i, j, r.file_a, r.file_b, p.measure_a, p.measure_b, p.id_a, p.id_b,
                            p.span_a.begin, p.span_a.end, p.span_b.begin, p.span_b.end,
                            p.length, p.identity, p.score, p.text_a, p.text_b))
    return out


def reuse(client, plans: Sequence["_core.Plan"], *, block_rows: int = 1, **options):
    """Reuse detection between every pair of plans (as ``plancmp reuse``) on the cluster: the
    plans ship once (as their source text, parsed again on each worker), each task handles
    the pairs of a block of rows. Returns the DataFrame of :func:`reuse_frame` (the same as
    the single-process :func:`plancmp.frames.reuse`). ``options``: those of :func:`plancmp.reuse`."""
    plans = list(plans)
    [shipped] = client.scatter([plans], broadcast=True)
    futures = [client.submit(reuse_rows, shipped, b, e, options, pure=False)
               for b, e in row_blocks(len(plans), block_rows)]
    rows = [row for part in client.gather(futures) for row in part]
    return reuse_frame(plans, rows)


def reuse_frame(plans: Sequence["_core.Plan"], rows: Sequence[tuple]):
    """Rows of :func:`reuse_rows` as the DataFrame (REUSE_COLUMNS) that :func:`reuse` and
    :func:`plancmp.frames.reuse` return: ``plan_a``/``plan_b`` are unique plan keys
    (:func:`plancmp.frames.plan_keys`), passages are full text. A list of tuples when pandas
    is not installed."""
    from .frames import plan_keys

    keys = plan_keys(plans)
    named = [(keys[r[0]], keys[r[1]]) + tuple(r[2:]) for r in rows]
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover
        return named
    return pd.DataFrame(named, columns=REUSE_COLUMNS)


def _diffusion_block(plans, begin: int, end: int, options: Dict[str, Any]) -> "_core.DiffusionResult":
    return _core.diffusion(plans, rows=(begin, end), **options)


def diffusion(client, plans: Sequence["_core.Plan"], *, block_rows: Optional[int] = None,
              **options) -> "_core.DiffusionResult":
    """:func:`plancmp.diffusion` on the cluster, partitioned by measure rows: the plans ship
    once, each task finds the candidates of a block of measures (the pruned top-k against
    the whole corpus) and aligns them, and :func:`plancmp.merge_diffusion` puts the blocks
    together, equal to the single-process result. Every task fits the vectorizer and
    counts the frequent boilerplate over the whole corpus again (both need all of it);
    the work that grows with the corpus, the search and the alignment, is split.
    ``options``: those of :func:`plancmp.diffusion` (``threads`` per task, default 1)."""
    plans = list(plans)
    options = dict(options)
    options.setdefault("threads", 1)
    rows = sum(len(p.measures) for p in plans)
    blocks = row_blocks(rows, block_rows or _default_block(client, rows)) or [(0, 0)]
    [shipped] = client.scatter([plans], broadcast=True)
    futures = [client.submit(_diffusion_block, shipped, b, e, options, pure=False) for b, e in blocks]
    return _core.merge_diffusion(client.gather(futures))
