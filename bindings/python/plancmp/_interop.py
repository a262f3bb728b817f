"""Glue between plancmp's C++ results and numpy, pandas, SciPy and networkx.

Pure Python over data the C++ side returns; pandas, SciPy and networkx are imported only
when a function needs them, so ``import plancmp`` works without them.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence

import numpy as np

from . import _core


def _require(module: str, package: str, instead: str = ""):
    try:
        return __import__(module)
    except ImportError as e:  # pragma: no cover - depends on the installation
        hint = f"; {instead}" if instead else ""
        raise ImportError(
            f"plancmp: this needs {module} (Debian package {package}){hint}"
        ) from e


# ---------------------------------------------------------------- tables


def table_to_records(table: "_core.Table") -> List[Dict[str, Any]]:
    """The table as a list of dicts, one per row (column name → value)."""
    columns = table.columns
    return [dict(zip(columns, row)) for row in table.rows]


def table_to_pandas(table: "_core.Table"):
    """The table as a pandas DataFrame (caption and notes in ``df.attrs``)."""
    pd = _require("pandas", "python3-pandas", "use .to_records() for a list of dicts")
    df = pd.DataFrame(table.rows, columns=table.columns)
    df.attrs["caption"] = table.caption
    df.attrs["notes"] = list(table.notes)
    return df


# ---------------------------------------------------------------- vectors, top-k


def vectors_to_scipy(vectors: "_core.Vectors"):
    """The vectorized units as a ``scipy.sparse.csr_matrix``. The values array is shared with
    the C++ buffer (read-only); SciPy wants signed index arrays, so indptr and indices are
    converted (copied) to its index type."""
    _require("scipy", "python3-scipy")
    import scipy.sparse as sparse

    rows, columns = vectors.shape
    return sparse.csr_matrix(
        (vectors.data, vectors.indices.astype(np.int32 if vectors.data.size < 2**31 else np.int64),
         vectors.indptr.astype(np.int64)),
        shape=(rows, columns),
        copy=False,
    )


class Similarity:
    """The result of :func:`similar`: scored pairs of units (measures) of the plans.

    ``query``, ``candidate`` and ``score`` are numpy arrays (rows of ``vectors``);
    ``units[i]`` tells which plan and measure row i is."""

    def __init__(self, plans: Sequence["_core.Plan"], vectors: "_core.Vectors",
                 matches: "_core.Matches", mode: str) -> None:
        self.plans = list(plans)
        self.vectors = vectors
        self.matches = matches
        self.mode = mode
        self.units = vectors.units

    @property
    def query(self) -> np.ndarray:
        return self.matches.array["query"]

    @property
    def candidate(self) -> np.ndarray:
        return self.matches.array["candidate"]

    @property
    def score(self) -> np.ndarray:
        return self.matches.array["score"]

    def __len__(self) -> int:
        return len(self.matches)

    def __repr__(self) -> str:
        return f"<Similarity ({self.mode}): {len(self)} pairs of {len(self.units)} units>"

    def to_records(self) -> List[Dict[str, Any]]:
        out = []
        labels = [p.label for p in self.plans]
        files = [p.path for p in self.plans]
        for q, c, s in zip(self.query.tolist(), self.candidate.tolist(), self.score.tolist()):
            a, b = self.units[q], self.units[c]
            out.append({
                "plan": labels[a.plan], "unit": a.id, "similar_plan": labels[b.plan],
                "similar_unit": b.id, "score": s, "file": files[a.plan],
                "begin": a.span.begin, "end": a.span.end, "similar_file": files[b.plan],
                "similar_begin": b.span.begin, "similar_end": b.span.end,
            })
        return out

    def to_pandas(self):
        pd = _require("pandas", "python3-pandas", "use .to_records() for a list of dicts")
        columns = ["plan", "unit", "similar_plan", "similar_unit", "score", "file", "begin", "end",
                   "similar_file", "similar_begin", "similar_end"]
        return pd.DataFrame(self.to_records(), columns=columns)


def similar(
    plans: Sequence["_core.Plan"],
    *,
    top_k: int = 5,
    mode: str = "exact",
    threshold: Optional[float] = None,
    within: bool = False,
    goals: bool = False,
    boxes: bool = False,
    threads: int = 0,
) -> Similarity:
    """The most similar measures across plans, as ``plancmp similar`` computes them: exact or
    pruned cosine top-k of char 2–3-gram tf-idf rows, or (``mode='lsh'``) MinHash-LSH
    near-duplicates with Jaccard ≥ threshold (default 0.5). ``within`` also pairs units of
    the same plan."""
    plans = list(plans)
    vectors = _core.vectorize(plans, goals=goals, boxes=boxes, threads=threads)
    if mode == "lsh":
        matches = vectors.near_duplicates(0.5 if threshold is None else threshold,
                                          not within, threads)
    else:
        matches = vectors.top_k(top_k, 0.0 if threshold is None else threshold, mode,
                                not within, None, threads)
    return Similarity(plans, vectors, matches, mode)


# ---------------------------------------------------------------- targets


def targets_table(plans: Sequence["_core.Plan"]):
    """One row per target of every plan (the long form of ``plancmp targets --long``):
    a pandas DataFrame when pandas is installed, else a list of dicts."""
    rows = []
    for p in plans:
        for t in p.targets:
            rows.append({
                "file": p.path, "plan": p.label, "indicator_key": t.indicator_key,
                "indicator": t.indicator, "value": t.value, "unit": t.unit,
                "normalized_value": t.normalized_value, "base_unit": t.base_unit,
                "comparator": t.comparator, "year": t.year, "baseline": t.baseline,
                "baseline_year": t.baseline_year, "periodic": t.periodic, "owner": t.owner,
                "agencies": "、".join(t.agencies), "begin": t.span.begin, "end": t.span.end,
            })
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover
        return rows
    return pd.DataFrame(rows, columns=[
        "file", "plan", "indicator_key", "indicator", "value", "unit", "normalized_value",
        "base_unit", "comparator", "year", "baseline", "baseline_year", "periodic", "owner",
        "agencies", "begin", "end"])


# ---------------------------------------------------------------- networkx


def _vertex_attributes(plan: "_core.Plan", kind: str, index: int, item: int) -> Dict[str, Any]:
    if kind == "plan":
        return {"kind": kind, "id": plan.path, "label": plan.title}
    collections = {
        "section": plan.sections, "measure": plan.measures, "goal": plan.goals,
        "box": plan.boxes, "table": plan.tables, "annex": plan.annexes,
        "target": plan.targets, "agency": plan.agencies,
    }
    if kind == "box_item":
        box = collections["box"][index]
        element = box.items[item]
        return {"kind": kind, "id": f"{box.id}.{item + 1}", "label": element.title,
                "begin": element.span.begin, "end": element.span.end}
    element = collections[kind][index]
    if kind == "agency":
        return {"kind": kind, "id": element.name, "label": element.name,
                "canonical": element.resolution.canonical if element.resolution else ""}
    if kind == "target":
        return {"kind": kind, "id": element.indicator, "label": element.indicator,
                "begin": element.span.begin, "end": element.span.end}
    label = getattr(element, "title", "") or getattr(element, "caption", "")
    return {"kind": kind, "id": element.id, "label": label,
            "begin": element.span.begin, "end": element.span.end}


def plan_to_networkx(plan: "_core.Plan"):
    """The plan graph as a ``networkx.MultiDiGraph``: node k is vertex k, with kind, id, label
    (and the element's span); edges carry their kind (contains, lead, support, restates,
    states)."""
    nx = _require("networkx", "python3-networkx")
    vertices, edges = plan.graph()
    # Copy each collection once rather than once per vertex.
    cached = _CachedPlan(plan)
    g = nx.MultiDiGraph(name=plan.label, file=plan.path)
    for k, (kind, index, item) in enumerate(vertices):
        g.add_node(k, **_vertex_attributes(cached, kind, index, item))
    for u, v, kind in edges:
        g.add_edge(u, v, kind=kind)
    return g


class _CachedPlan:
    """Plan attributes copied out of C++ once (each access of a Plan property copies)."""

    def __init__(self, plan: "_core.Plan") -> None:
        self._plan = plan
        self._cache: Dict[str, Any] = {}

    def __getattr__(self, name: str) -> Any:
        cache = self.__dict__["_cache"]
        if name not in cache:
            cache[name] = getattr(self.__dict__["_plan"], name)
        return cache[name]


def agency_network_to_networkx(network: "_core.AgencyNetwork"):
    """The co-responsibility network as a ``networkx.Graph``: one node per agency (name,
    canonical id, leads, supports, degree, betweenness …), edges weighted by shared measures."""
    nx = _require("networkx", "python3-networkx")
    g = nx.Graph(plan=network.plan)
    for k, attributes in enumerate(network.nodes):
        g.add_node(k, **attributes)
    for u, v, weight, u_leads, v_leads in network.edges:
        # source_leads: shared measures that node `source` leads and the other supports.
        g.add_edge(u, v, weight=weight, source=u, source_leads=u_leads, target_leads=v_leads)
    return g
