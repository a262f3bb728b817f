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
    """The table as a list of dicts, one per row (column key → value: ``Table.keys``, the
    CLI's CSV headers), evidence cells with their full text (never the Markdown excerpt)."""
    columns = table.keys
    return [dict(zip(columns, row)) for row in table.rows]


def table_to_pandas(table: "_core.Table"):
    """The table as a pandas DataFrame (caption and notes in ``df.attrs``): evidence cells
    hold their full text (never the Markdown excerpt), empty cells are missing values (NaN in
    number columns, None in text columns, never ``''``). Columns are named by ``Table.keys``
    (snake_case, as in the CLI's CSV); the headers as printed are in ``df.attrs["headers"]``."""
    pd = _require("pandas", "python3-pandas", "use .to_records() for a list of dicts")
    rows = [[None if v == "" else v for v in row] for row in table.rows]
    df = pd.DataFrame(rows, columns=table.keys)
    df.attrs["headers"] = list(table.columns)
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
        """Row of ``units`` of each pair's query unit."""
        return self.matches.array["query"]

    @property
    def candidate(self) -> np.ndarray:
        """Row of ``units`` of each pair's similar unit."""
        return self.matches.array["candidate"]

    @property
    def score(self) -> np.ndarray:
        """Each pair's score (cosine, or Jaccard for ``mode='lsh'``)."""
        return self.matches.array["score"]

    def __len__(self) -> int:
        return len(self.matches)

    def __repr__(self) -> str:
        return f"<Similarity ({self.mode}): {len(self)} pairs of {len(self.units)} units>"

    COLUMNS = ["plan", "unit", "similar_plan", "similar_unit", "score", "file", "begin", "end",
               "similar_file", "similar_begin", "similar_end", "text", "similar_text"]

    def to_records(self) -> List[Dict[str, Any]]:
        """One dict per pair (``COLUMNS``): the first five are the CLI's ``similar`` CSV
        columns; plans are named by their unique key (:func:`plancmp.frames.plan_keys`);
        ``text`` / ``similar_text`` are the units' full text."""
        from .frames import plan_keys

        out = []
        keys = plan_keys(self.plans)
        files = [p.path for p in self.plans]
        cached = [_CachedPlan(p) for p in self.plans]

        def text(unit) -> str:
            p = cached[unit.plan]
            if unit.kind == "measure":
                return p.measures[unit.index].text
            if unit.kind == "goal":
                return p.goals[unit.index].text
            return p.boxes[unit.index].items[unit.item].text

        for q, c, s in zip(self.query.tolist(), self.candidate.tolist(), self.score.tolist()):
            a, b = self.units[q], self.units[c]
            out.append({
                "plan": keys[a.plan], "unit": a.id, "similar_plan": keys[b.plan],
                "similar_unit": b.id, "score": s, "file": files[a.plan],
                "begin": a.span.begin, "end": a.span.end, "similar_file": files[b.plan],
                "similar_begin": b.span.begin, "similar_end": b.span.end,
                "text": text(a), "similar_text": text(b),
            })
        return out

    def to_pandas(self):
        """The pairs as a DataFrame (``COLUMNS``), best first per query unit."""
        pd = _require("pandas", "python3-pandas", "use .to_records() for a list of dicts")
        return pd.DataFrame(self.to_records(), columns=self.COLUMNS)


def _check_similar_arguments(top_k: int, mode: str, threshold: Optional[float], threads: int) -> None:
    if not isinstance(top_k, int) or top_k < 1:
        raise ValueError(f"top_k must be an integer ≥ 1, not {top_k!r}")
    if mode not in ("exact", "pruned", "lsh"):
        raise ValueError(f"mode must be 'exact', 'pruned' or 'lsh', not {mode!r}")
    if threshold is not None and not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold must be in [0, 1], not {threshold!r}")
    if not isinstance(threads, int) or threads < 0:
        raise ValueError(f"threads must be an integer ≥ 0 (0: all cores), not {threads!r}")


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
    _check_similar_arguments(top_k, mode, threshold, threads)
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


def _agency_key(node: Dict[str, Any]) -> str:
    """The node key of an agency: its canonical id in the agency ontology (so networks of
    several plans join), or ``name:<name as printed>`` when it did not resolve."""
    return node.get("canonical") or f"name:{node['name']}"


def _add_agency_network(g, network: "_core.AgencyNetwork", plan_key: str) -> None:
    nodes = network.nodes
    keys = [_agency_key(n) for n in nodes]
    for key, attributes in zip(keys, nodes):
        if key in g:
            data = g.nodes[key]
            names = data["names"]
            if attributes["name"] not in names:
                names.append(attributes["name"])
            data["lead"] += attributes["lead"]
            data["support"] += attributes["support"]
            if plan_key not in data["plans"]:
                data["plans"].append(plan_key)
        else:
            g.add_node(key, name=attributes["name"], names=[attributes["name"]],
                       canonical=attributes.get("canonical") or None, collective=attributes["collective"],
                       lead=attributes["lead"], support=attributes["support"], plans=[plan_key])
    for u, v, weight, u_leads, v_leads in network.edges:
        a, b = keys[u], keys[v]
        if a == b:
            continue  # two printed names of one agency sharing a measure
        # Stored in sorted key order, so `leads_first` is unambiguous in an undirected graph.
        if b < a:
            a, b, u_leads, v_leads = b, a, v_leads, u_leads
        if g.has_edge(a, b):
            e = g.edges[a, b]
            e["weight"] += weight
            e["first_leads"] += u_leads
            e["second_leads"] += v_leads
            if plan_key not in e["plans"]:
                e["plans"].append(plan_key)
        else:
            g.add_edge(a, b, weight=weight, first_leads=u_leads, second_leads=v_leads, plans=[plan_key])


def agency_network_to_networkx(network: "_core.AgencyNetwork"):
    """The co-responsibility network as a ``networkx.Graph``. Nodes are keyed by the
    agency's canonical id (``name:<name>`` when unresolved), with ``name`` (as printed),
    ``names``, ``canonical``, ``lead``, ``support`` and the per-plan ``degree`` and
    ``betweenness``; edges carry ``weight`` (shared measures), ``first_leads`` /
    ``second_leads`` (shared measures the node first / second in key order leads) and
    ``plans``. No attribute is named ``source`` or ``target``, so
    ``networkx.to_pandas_edgelist`` works, and graphs of several plans join on their keys
    (:func:`plancmp.agency_networks_to_networkx`)."""
    nx = _require("networkx", "python3-networkx")
    g = nx.Graph(plan=network.plan)
    _add_agency_network(g, network, network.plan)
    for attributes in network.nodes:
        data = g.nodes[_agency_key(attributes)]
        for name in ("degree", "weighted_degree", "betweenness", "component"):
            # Two printed names of one agency: the measures of the better connected one.
            data[name] = max(data.get(name, attributes[name]), attributes[name])
    return g


def agency_networks_to_networkx(plans: Sequence["_core.Plan"]):
    """One agency network across several plans: nodes keyed by canonical agency id (as in
    :meth:`AgencyNetwork.to_networkx`), ``lead``/``support`` and edge ``weight`` summed over
    the plans, ``plans`` listing the plan keys (:func:`plancmp.frames.plan_keys`) each node
    and edge comes from."""
    nx = _require("networkx", "python3-networkx")
    from .frames import plan_keys

    plans = list(plans)
    g = nx.Graph(plans=plan_keys(plans))
    for key, p in zip(plan_keys(plans), plans):
        _add_agency_network(g, _core.agency_network(p), key)
    return g
