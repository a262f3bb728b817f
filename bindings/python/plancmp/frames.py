"""Tidy (long) pandas frames of plans and their analyses: one row per observation, a stable
key, full text, honest types.

Every frame has ``plan`` (the plan's unique key, :func:`plan_keys`) and ``file``;
element frames add ``id``, unique within a plan. Missing values are ``NaN`` / ``pd.NA``,
years are ``Int64``, dates ``datetime64``, kinds and levels ``category``, lists stay lists.
Wide views are pivots of these frames (``df.pivot(index=..., columns="plan", ...)``), so
their column names are unique plan keys too.

    >>> import plancmp, plancmp.frames as pf
    >>> plans = plancmp.seeds()
    >>> pf.measures(plans).set_index(["plan", "id"]).index.is_unique
    True
"""

from __future__ import annotations

import os
from collections import Counter
from typing import Any, Dict, List, Optional, Sequence

from . import _core
from ._interop import _require

__all__ = [
    "plan_keys", "plans", "measures", "goals", "agency_mentions", "deadlines", "targets", "pmc",
    "pmc_grades", "similarity", "reuse", "coverage", "coverage_wide", "plan_matrix", "alignment", "diff", "gaps",
    "snake_case", "table",
]


def _pd():
    return _require("pandas", "python3-pandas", "use Table.to_records() for a list of dicts")


def plan_keys(plans: Sequence["_core.Plan"]) -> List[str]:
    """A unique key per plan, in order: its label (``宁波市 2020``) when no other plan has the
    same label, else the label followed by the file's name (``某市 2021 [a1b2.txt]``), and a
    ``#n`` suffix if even that repeats. Used as ``plan`` in every frame."""
    labels = [p.label for p in plans]
    counts = Counter(labels)
    keys = []
    for p, label in zip(plans, labels):
        keys.append(label if counts[label] == 1 else f"{label} [{os.path.basename(p.path)}]")
    seen: Counter = Counter()
    repeated = Counter(keys)
    out = []
    for k in keys:
        seen[k] += 1
        out.append(k if repeated[k] == 1 else f"{k} #{seen[k]}")
    return out


def _date(d: Optional["_core.Date"]):
    pd = _pd()
    if d is None or not d.year:
        return pd.NaT
    return pd.Timestamp(year=d.year, month=d.month or 1, day=d.day or 1)


def _frame(rows: List[Dict[str, Any]], columns: List[str], *, categories: Sequence[str] = (),
           ints: Sequence[str] = (), floats: Sequence[str] = (), dates: Sequence[str] = ()):
    pd = _pd()
    df = pd.DataFrame(rows, columns=columns)
    for c in categories:
        df[c] = df[c].astype("category")
    for c in ints:
        df[c] = pd.array([pd.NA if v is None or v != v else int(v) for v in df[c]], dtype="Int64")
    for c in floats:
        df[c] = pd.to_numeric(df[c].astype(object).where(df[c].notna(), None), errors="coerce").astype("float64")
    for c in dates:
        df[c] = pd.to_datetime(df[c])
    return df


def plans(plans: Sequence["_core.Plan"]):
    """One row per plan: plan key, file, label, title, issuer, jurisdiction and its level,
    kind, issued (datetime64), document number (文号), counts of measures, goals and targets."""
    rows = []
    for key, p in zip(plan_keys(plans), plans):
        number = p.document_number
        rows.append({
            "plan": key, "file": p.path, "label": p.label, "title": p.title, "issuer": p.issuer or None,
            "jurisdiction": p.jurisdiction.name or None, "level": p.jurisdiction.level or None,
            "kind": p.kind, "issued": _date(p.issued), "document_number": number.printed if number else None,
            "draft": p.draft, "measures": len(p.measures), "goals": len(p.goals), "targets": len(p.targets),
        })
    return _frame(rows, ["plan", "file", "label", "title", "issuer", "jurisdiction", "level", "kind",
                         "issued", "document_number", "draft", "measures", "goals", "targets"],
                  categories=["level", "kind"], dates=["issued"])


_UNIT_COLUMNS = ["plan", "file", "id", "path", "depth", "section", "title", "text", "begin", "end"]


def _units(plans: Sequence["_core.Plan"], attribute: str, extra) -> List[Dict[str, Any]]:
    rows = []
    for key, p in zip(plan_keys(plans), plans):
        for u in getattr(p, attribute):
            path = list(u.path)
            row = {"plan": key, "file": p.path, "id": u.id, "path": path, "depth": len(path),
                   "section": ".".join(path[:-1]) or None, "title": u.title or None, "text": u.text,
                   "begin": u.span.begin, "end": u.span.end}
            row.update(extra(p, u))
            rows.append(row)
    return rows


def measures(plans: Sequence["_core.Plan"]):
    """One row per measure (措施): plan key, id, path parts (a list) and depth, the section
    it sits in, title, the full text, byte span, lead and supporting agencies (lists), the
    deadline as printed and its date (datetime64)."""
    def extra(p, m):
        d = m.deadline
        return {"lead": [a.name for a in m.lead], "support": [a.name for a in m.support],
                "deadline": d.text if d else None, "due": _date(d.due) if d else _pd().NaT}
    return _frame(_units(plans, "measures", extra),
                  _UNIT_COLUMNS + ["lead", "support", "deadline", "due"], dates=["due"])


def goals(plans: Sequence["_core.Plan"]):
    """One row per goal unit (目标): as :func:`measures`, with the goal's kind (category)."""
    return _frame(_units(plans, "goals", lambda p, g: {"kind": g.kind}), _UNIT_COLUMNS + ["kind"],
                  categories=["kind"])


def agency_mentions(plans: Sequence["_core.Plan"]):
    """One row per measure × agency × role (lead / support): the name as printed, its
    canonical id from the agency ontology (NA when unresolved) and level, the mention's span."""
    rows = []
    for key, p in zip(plan_keys(plans), plans):
        resolved = {a.name: a.resolution for a in p.agencies}
        for m in p.measures:
            for role, mentions in (("lead", m.lead), ("support", m.support)):
                for a in mentions:
                    r = resolved.get(a.name)
                    rows.append({"plan": key, "file": p.path, "id": m.id, "agency": a.name,
                                 "canonical": (r.canonical or None) if r else None,
                                 "agency_level": (r.level or None) if r else None, "role": role,
                                 "begin": a.span.begin, "end": a.span.end})
    return _frame(rows, ["plan", "file", "id", "agency", "canonical", "agency_level", "role", "begin", "end"],
                  categories=["agency_level", "role"])


def deadlines(plans: Sequence["_core.Plan"]):
    """One row per deadline (时限): the element it belongs to, the text as printed, the date
    (datetime64, NaT when none), and whether it is recurring or ongoing (持续推进)."""
    rows = []
    for key, p in zip(plan_keys(plans), plans):
        for element, d in p.deadlines:
            kind = "dated" if d.due is not None else ("recurring" if d.recurring else
                                                      ("ongoing" if d.ongoing else "other"))
            rows.append({"plan": key, "file": p.path, "id": element, "deadline": d.text, "due": _date(d.due),
                         "kind": kind, "begin": d.span.begin, "end": d.span.end})
    return _frame(rows, ["plan", "file", "id", "deadline", "due", "kind", "begin", "end"],
                  categories=["kind"], dates=["due"])


def targets(plans: Sequence["_core.Plan"]):
    """One row per quantitative target (指标): indicator, value and normalized value (float),
    unit, comparator (category), year and baseline year (``Int64``), baseline (float, NaN
    when none), scope (``periodic``: a yearly rate rather than a level by ``year``), owner
    and agencies (a list), span. The columns are those of ``plancmp targets --long``."""
    rows = []
    for key, p in zip(plan_keys(plans), plans):
        for t in p.targets:
            rows.append({
                "plan": key, "file": p.path, "indicator_key": t.indicator_key or None, "indicator": t.indicator,
                "value": t.value, "unit": t.unit or None, "normalized_value": t.normalized_value,
                "base_unit": t.base_unit or None, "comparator": t.comparator or None, "year": t.year,
                "baseline": t.baseline, "baseline_year": t.baseline_year,
                "periodic": bool(t.periodic), "owner": t.owner or None,
                "agencies": list(t.agencies), "begin": t.span.begin, "end": t.span.end,
            })
    # The columns of `plancmp targets --long --format csv`, in its order.
    return _frame(rows, ["file", "plan", "begin", "end", "indicator_key", "indicator", "value", "unit",
                         "normalized_value", "base_unit", "comparator", "year", "baseline", "baseline_year",
                         "periodic", "owner", "agencies"],
                  categories=["comparator"], ints=["year", "baseline_year"],
                  floats=["value", "normalized_value", "baseline"])


def pmc(plans: Sequence["_core.Plan"], results: Optional[Sequence["_core.PmcResult"]] = None):
    """The PMC index in long form, numeric only: one row per plan × variable (X1 … Xn and
    ``PMC``), ``score`` float64. The grades are in :func:`pmc_grades`."""
    results = list(results) if results is not None else _core.pmc(list(plans))
    rows = []
    for key, r in zip(plan_keys(plans), results):
        for k, s in enumerate(r.scores):
            rows.append({"plan": key, "file": r.source, "variable": f"X{k + 1}", "score": float(s)})
        rows.append({"plan": key, "file": r.source, "variable": "PMC", "score": float(r.pmc)})
    return _frame(rows, ["plan", "file", "variable", "score"], floats=["score"])


def pmc_grades(plans: Sequence["_core.Plan"], results: Optional[Sequence["_core.PmcResult"]] = None):
    """One row per plan: PMC index and its grade (category, Chinese and English)."""
    results = list(results) if results is not None else _core.pmc(list(plans))
    rows = [{"plan": key, "file": r.source, "pmc": float(r.pmc), "grade": r.grade_en, "grade_zh": r.grade_zh}
            for key, r in zip(plan_keys(plans), results)]
    return _frame(rows, ["plan", "file", "pmc", "grade", "grade_zh"], categories=["grade", "grade_zh"])


def similarity(result) -> Any:
    """The pairs of a :class:`plancmp.Similarity` (from :func:`plancmp.similar` or
    :func:`plancmp.dask.similar`) in long form, with unique plan keys and both units' full
    text: ``plan, id, similar_plan, similar_id, score, file, begin, end, similar_file,
    similar_begin, similar_end, text, similar_text``."""
    return result.to_pandas()


def reuse(plans: Sequence["_core.Plan"], **options):
    """Reused passages between every pair of plans, in this process: the same DataFrame as
    :func:`plancmp.dask.reuse` (``plancmp.dask.REUSE_COLUMNS``, plan keys, full passages).
    ``options``: those of :func:`plancmp.reuse`."""
    from .dask import reuse_frame, reuse_rows

    plans = list(plans)
    return reuse_frame(plans, reuse_rows(plans, 0, len(plans), options))


def coverage(plans: Sequence["_core.Plan"], scheme="ip_value_chain", **options):
    """Plan × theme coverage of a coding scheme in long form: one row per plan × theme with
    the theme's id, its name, its parent theme's id (NA at the top level, so child themes
    never mix with parents without saying so) and depth, the measures coded with it
    (``count``) and their share of the plan's coded measures (``share``, float64). Pivot
    with ``df.pivot_table(index=["parent", "theme"], columns="plan", values="share")`` for
    a wide view with a (parent, theme) MultiIndex. ``options``: those of
    :func:`plancmp.coverage`."""
    from . import coverage as compute, load_scheme

    plans = list(plans)
    scheme = load_scheme(scheme)
    c = compute(plans, scheme, **options)
    themes = list(scheme.themes)
    ids = [t.id for t in themes] if len(themes) == len(c.themes) else list(c.themes)
    counts, shares = c.counts, c.shares
    rows = []
    for i, key in enumerate(plan_keys(plans)):
        for j, name in enumerate(c.themes):
            t = themes[j] if len(themes) == len(c.themes) else None
            parent = themes[t.parent].id if t is not None and t.parent is not None else None
            rows.append({"plan": key, "file": plans[i].path, "theme": ids[j], "theme_name": name.strip(),
                         "parent": parent, "depth": t.depth if t is not None else 0,
                         "count": int(counts[i, j]), "share": float(shares[i, j])})
    return _frame(rows, ["plan", "file", "theme", "theme_name", "parent", "depth", "count", "share"],
                  floats=["share"])


def coverage_wide(plans: Sequence["_core.Plan"], scheme="ip_value_chain", value: str = "share", **options):
    """The wide view of :func:`coverage`: themes × plans (unique plan keys as columns), the
    index a (parent theme, theme) MultiIndex, a top-level theme's own row having itself as
    parent, so parents and children never share one unlabelled column. ``value``: ``share``
    or ``count``."""
    if value not in ("share", "count"):
        raise ValueError(f"value must be 'share' or 'count', not {value!r}")
    long = coverage(plans, scheme, **options)
    long["parent"] = long["parent"].fillna(long["theme"])
    keys = list(dict.fromkeys(long["plan"]))
    order = list(dict.fromkeys(zip(long["parent"], long["theme"])))
    wide = long.pivot(index=["parent", "theme"], columns="plan", values=value)
    return wide.reindex(index=_pd().MultiIndex.from_tuples(order, names=["parent", "theme"]), columns=keys)


def plan_matrix(plans: Sequence["_core.Plan"], metric: str = "text", threads: int = 0):
    """The plan × plan score matrix of :func:`plancmp.plan_matrix` as a square DataFrame
    whose index and columns are the unique plan keys."""
    pd = _pd()
    plans = list(plans)
    keys = plan_keys(plans)
    m = _core.plan_matrix(plans, metric, threads)
    return pd.DataFrame(m.score, index=pd.Index(keys, name="plan"), columns=pd.Index(keys, name="other_plan"))


def _evidence(prefix: str, e) -> Dict[str, Any]:
    present = bool(e.source or e.unit or e.text)
    return {f"{prefix}_file": e.source or None, f"{prefix}_id": e.unit or None,
            f"{prefix}_begin": e.span.begin if present else None,
            f"{prefix}_end": e.span.end if present else None, f"{prefix}_text": e.text or None}


_SIGNALS = ["characters", "words", "concepts", "passages", "passage_concepts", "title", "themes", "context",
            "position", "agencies"]


def alignment(a: "_core.Plan", b: "_core.Plan", **options):
    """The measure alignment of two plans (:func:`plancmp.align`), one row per link and one per
    measure left unmatched: ``kind`` is ``one-to-one``, ``extra`` (a further link of a measure
    already assigned) or ``unmatched``; ``grade`` ``same`` / ``related`` (NA when unmatched);
    ``similarity`` the fitted link score; then every signal the score combines (``characters``,
    ``words``, ``concepts``: cosines of the whole measures; ``passages``, ``passage_concepts``:
    the best pair of sentences; ``title``, ``themes``, ``context`` (section titles),
    ``position`` (1 − the distance in document order), ``agencies`` (Jaccard of agency
    functions, NaN where unknown), ``shared_indicator``) and the shared passage with its span
    in A. ``options``: those of :func:`plancmp.align`. Fit models of your own on these columns
    (docs/alignment.md)."""
    al = _core.align(a, b, **options)
    key_a, key_b = plan_keys([a, b])
    rows = []
    for p in al.pairs:
        e = p.signals
        row = {"plan_a": key_a, "plan_b": key_b, "id_a": p.id_a, "id_b": p.id_b,
               "kind": "extra" if p.extra else "one-to-one", "grade": p.grade or None, "similarity": p.similarity}
        row.update({name: getattr(e, name) for name in _SIGNALS})
        row["shared_indicator"] = e.shared_indicator
        row["shared_concepts"] = list(e.shared_concepts)
        ev = p.evidence
        row.update({"passage_a": ev.text_a if ev else None, "begin_a": ev.span_a.begin if ev else None,
                    "end_a": ev.span_a.end if ev else None})
        rows.append(row)
    for side, ids in (("a", al.unmatched_a), ("b", al.unmatched_b)):
        for i in ids:
            rows.append({"plan_a": key_a, "plan_b": key_b, f"id_{side}": i, "kind": "unmatched"})
    columns = ["plan_a", "plan_b", "id_a", "id_b", "kind", "grade", "similarity"] + _SIGNALS
    columns += ["shared_indicator", "shared_concepts", "passage_a", "begin_a", "end_a"]
    return _frame(rows, columns, categories=["kind", "grade"], floats=["similarity"] + _SIGNALS,
                  ints=["begin_a", "end_a"])


def diff(old: "_core.Plan", new: "_core.Plan", **options):
    """The changes between two editions of a plan (:func:`plancmp.diff`), one row per change:
    kind (category), the items in the old and new plan, detail, score (NaN when none) and the
    full text and span of both sides. ``options``: those of :func:`plancmp.diff`."""
    d = _core.diff(old, new, **options)
    old_key, new_key = plan_keys([old, new])
    rows = []
    for c in d.changes:
        row = {"old_plan": old_key, "new_plan": new_key, "kind": c.kind, "item_old": c.item_old or None,
               "item_new": c.item_new or None, "detail": c.detail or None,
               "score": c.score if c.score == c.score else None}
        row.update(_evidence("old", c.in_old))
        row.update(_evidence("new", c.in_new))
        rows.append(row)
    columns = ["old_plan", "new_plan", "kind", "item_old", "item_new", "detail", "score"]
    columns += [f"{side}_{part}" for side in ("old", "new") for part in ("file", "id", "begin", "end", "text")]
    return _frame(rows, columns, categories=["kind"], floats=["score"],
                  ints=["old_begin", "old_end", "new_begin", "new_end"])


def gaps(subject: "_core.Plan", against: Sequence["_core.Plan"], **options):
    """What ``subject`` lacks compared with ``against`` (:func:`plancmp.gaps`), one row per
    gap: kind (category), the reference plan's key, item, detail, score and the full text and
    span of the evidence in the reference and in the subject."""
    against = list(against)
    keys = plan_keys([subject] + against)
    by_label = {p.label: k for p, k in zip([subject] + against, keys)}
    r = _core.gaps(subject, against, **options)
    rows = []
    for g in r.gaps:
        row = {"plan": keys[0], "kind": g.kind, "reference": by_label.get(g.reference, g.reference) or None,
               "item": g.item or None, "detail": g.detail or None, "score": g.score}
        row.update(_evidence("reference", g.in_reference))
        row.update(_evidence("subject", g.in_subject))
        rows.append(row)
    columns = ["plan", "kind", "reference", "item", "detail", "score"]
    columns += [f"{side}_{part}" for side in ("reference", "subject")
                for part in ("file", "id", "begin", "end", "text")]
    return _frame(rows, columns, categories=["kind"], floats=["score"],
                  ints=["reference_begin", "reference_end", "subject_begin", "subject_end"])


def snake_case(column: str) -> str:
    """The snake_case form of a CLI column header (``similar plan`` → ``similar_plan``,
    ``passage in A`` → ``passage_in_a``); a header with a non-ASCII letter (a plan label such
    as ``宁波市 2020``) is a name, returned unchanged. The same rule as the CLI's CSV and JSON
    headers (``plancmp.column_key``, one C++ function serves both)."""
    return _core.column_key(column)


def table(t: "_core.Table"):
    """A :class:`plancmp.Table` as a DataFrame in this module's naming: full text (never an
    excerpt), missing values as NaN / None, columns named as the CLI's CSV names them
    (``Table.keys``; plan labels kept). The same frame as ``Table.to_pandas()``."""
    return t.to_pandas()
