"""plancmp: policy plans parsed into graphs and compared across jurisdictions.

The work is done by the C++ library (``plancmp._core``); this package re-exports it and
adds the glue to numpy, pandas, SciPy and networkx (each imported only when used).

    >>> import plancmp
    >>> plans = plancmp.seeds()
    >>> plans[0].measures[0].id
    >>> plancmp.plan_matrix(plans).score          # numpy array
    >>> plancmp.similar(plans, top_k=1).to_pandas()

Every object a function returns is read-only; Plans and results may be shared between
threads, and the heavy functions release the GIL (docs/python.md).
"""

from __future__ import annotations

import json as _json
import os as _os
from typing import Any, Dict, Iterable, List, Optional, Sequence, Union

from . import _core
from ._core import (  # noqa: F401  (re-exported)
    Agency,
    AgencyMention,
    AgencyNetwork,
    AgencyResolution,
    Annex,
    Box,
    BoxItem,
    CodingScheme,
    Corpus,
    CorpusFailure,
    Coverage,
    Date,
    DecodeError,
    Deadline,
    Diagnostic,
    DocumentNumber,
    Error,
    Fidelity,
    fidelity,
    Gap,
    GapReport,
    Goal,
    IoError,
    Jurisdiction,
    LinkEvidence,
    Matches,
    Measure,
    MeasurePair,
    ParseError,
    Plan,
    PlanAlignment,
    PlanChange,
    PlanDiff,
    PlanMatrix,
    PmcResult,
    ReusedPassage,
    ReuseReport,
    SchemaError,
    Section,
    SourceInfo,
    Span,
    Table,
    TableBlock,
    Target,
    Theme,
    ToolsByChain,
    Unit,
    UsageError,
    Vectors,
    agency_functions,
    agency_network,
    agency_resolution_table,
    align,
    alignment_of_gold,
    AlignmentEvaluation,
    AlignmentGold,
    evaluate_alignment,
    evaluation_table,
    GoldLink,
    LinkScores,
    read_alignment_gold,
    cohen_kappa,
    column_key,
    krippendorff_alpha,
    diff,
    frequent_phrases,
    gaps,
    lead_load,
    plan_matrix,
    pmc,
    pmc_detail_table,
    pmc_surface_table,
    pmc_table,
    report,
    responsibility_matrix,
    reuse,
    seed_names,
    seeds,
    tools_by_chain,
    vectorize,
    vertical,
    write_csv_directory,
    write_xlsx,
)
from ._core import (  # noqa: F401  (re-exported: targets per capita and per GDP, docs/targets.md)
    JurisdictionStatistics,
    ScaledTarget,
    StatisticsTable,
    read_statistics_csv,
    scale_target,
)
from ._core import (  # noqa: F401  (re-exported: policy diffusion, docs/diffusion.md)
    BorrowedPassage,
    DiffusionEdge,
    DiffusionResult,
    MeasureAttribution,
    diffusion,
    merge_diffusion,
)
from ._diffusion import diffusion_tables, diffusion_to_networkx  # noqa: F401
from . import frames  # noqa: F401  (tidy pandas frames: plancmp.frames)
from ._interop import (  # noqa: F401
    Similarity,
    agency_networks_to_networkx,
    agency_network_to_networkx,
    plan_to_networkx,
    similar,
    table_to_pandas,
    table_to_records,
    targets_table,
    vectors_to_scipy,
)

__version__ = _core.__version__

PathLike = Union[str, "_os.PathLike[str]"]


_PLAN_FILE_ENDINGS = (".txt", ".html", ".htm", ".xhtml", ".shtml", ".pdf", ".docx")


def _not_a_plan_file(path: str) -> Optional[str]:
    """Why ``path`` cannot be read as a plan file, or None."""
    if _os.path.isdir(path):
        return "is a folder, not a plan file; use plancmp.load_dir() for a folder of plans"
    if not _os.path.exists(path):
        return None  # the C++ reader names a missing file
    ext = _os.path.splitext(path)[1].lower()
    if ext not in _PLAN_FILE_ENDINGS + (".json",):
        shown = f"'{ext}'" if ext else "no extension"
        return (f"has {shown}, not a plan file ending ({' '.join(_PLAN_FILE_ENDINGS)}); "
                "rename it, or pass its bytes: plancmp.parse(open(path, 'rb').read(), name=path)")
    return None


def _looks_like_path(text: str) -> bool:
    """A one-line string with a folder separator and no Chinese character or space is a
    path (a plan's text always holds Chinese), so a mistyped path is an error, not a plan."""
    return (("/" in text or "\\" in text) and not any(c.isspace() for c in text)
            and not any("\u3400" <= c <= "\u9fff" for c in text))


def _io_error(path: str, why: str) -> IoError:
    e = IoError(f"{path}: {why}")
    e.path, e.byte, e.line, e.column, e.message = path, None, None, None, why
    return e


def parse(
    source: Union[PathLike, bytes, str],
    *,
    name: Optional[str] = None,
    resolve_agencies: bool = True,
    read_targets: bool = True,
    encoding: Optional[str] = None,
    keep_line_breaks: bool = False,
) -> Plan:
    """Parses a plan.

    ``source`` is a path (``os.PathLike``, or a one-line ``str`` naming an existing file or
    ending in .txt/.html/.pdf/.docx …), the file's bytes, or the text itself (any other
    ``str``). Any input format the library reads (text in any encoding, HTML, PDF, DOCX) is
    detected. ``name`` names bytes or text in spans and errors (default ``<bytes>`` /
    ``<text>``). ``encoding`` (``utf-8``, ``gb18030``/``gbk``, ``utf-16le`` …) skips the
    encoding detection, for a file the detector misreads; an unknown name is a ValueError.
    Hard-wrapped text (a PDF's lines, all broken at one width) has its paragraphs rejoined
    before parsing; ``keep_line_breaks=True`` keeps every line break (docs/text-input.md).

    Raises :class:`plancmp.IoError` naming a path that is a folder, has no extension or an
    extension that is not a plan file's, or cannot be read; other :class:`plancmp.Error`
    subclasses name the file and position.
    """
    try:
        return _parse(source, name, resolve_agencies, read_targets, encoding or "", keep_line_breaks)
    except DecodeError as e:
        # The C++ message names the CLI's option; say how to pass it from Python.
        hint = "; from Python: plancmp.parse(..., encoding='gb18030') (or 'utf-8', 'utf-16le' …)"
        error = DecodeError(str(e) + hint)
        error.path, error.byte, error.line, error.column = e.path, e.byte, e.line, e.column
        error.message = e.message + hint
        raise error from None


def _parse(source, name, resolve_agencies, read_targets, enc, keep_line_breaks):
    if isinstance(source, _os.PathLike):
        source = _os.fspath(source)
        why = _not_a_plan_file(source)
        if why:
            raise _io_error(source, why)
        return _core.parse_file(source, resolve_agencies, read_targets, enc, keep_line_breaks)
    if isinstance(source, (bytes, bytearray, memoryview)):
        return _core.parse_bytes(bytes(source), name or "<bytes>", resolve_agencies, read_targets, enc,
                                 keep_line_breaks)
    if isinstance(source, str):
        one_line = "\n" not in source and len(source) < 4096
        # A path-like string is read as a path: a missing file named like a plan file, a
        # folder or a file of another kind is an error naming it, not a tiny text.
        if one_line and (_os.path.exists(source) or source.lower().endswith(_PLAN_FILE_ENDINGS)
                         or _looks_like_path(source)):
            why = _not_a_plan_file(source)
            if why:
                raise _io_error(source, why)
            return _core.parse_file(source, resolve_agencies, read_targets, enc, keep_line_breaks)
        return _core.parse_bytes(source.encode("utf-8"), name or "<text>", resolve_agencies, read_targets, enc,
                                 keep_line_breaks)
    raise TypeError(f"parse() takes a path, bytes or str, not {type(source).__name__}")


def load_dir(
    paths: Union[PathLike, Sequence[PathLike]], *, threads: int = 0, recursive: bool = True
) -> Corpus:
    """Loads every plan file (.txt .html .pdf .docx …) under one or more paths, in path order,
    on ``threads`` threads (0: all cores). Files that fail are listed in ``.failures`` with
    their error message; they never stop the load."""
    if isinstance(paths, (str, _os.PathLike)):
        paths = [paths]
    return _core.load_dir([_os.fspath(p) for p in paths], threads, recursive)


def source_text(plan: Plan, span: Span) -> str:
    """The original text of a span of a plan's file, decoded with the file's encoding."""
    data = plan.source_bytes(span)
    encoding = plan.source.encoding or "utf-8"
    try:
        return data.decode(encoding, errors="replace")
    except LookupError:
        return data.decode("utf-8", errors="replace")


def _scheme_from_dict(scheme: Dict[str, Any], origin: str = "<dict>") -> CodingScheme:
    """A coding scheme from a Python dict with the layout of data/schemes/*.json (read by
    the library's JSON scheme loader, which validates it)."""
    return CodingScheme.from_json(_json.dumps(scheme, ensure_ascii=False), origin)


def load_scheme(value: Union[str, Dict[str, Any], CodingScheme]) -> CodingScheme:
    """A coding scheme from a built-in id, a file path, a dict or a CodingScheme."""
    if isinstance(value, CodingScheme):
        return value
    if isinstance(value, dict):
        return _scheme_from_dict(value)
    return CodingScheme.load(_os.fspath(value))


SchemeLike = Union[str, Dict[str, Any], CodingScheme]


def coverage(plans: Iterable[Plan], scheme: SchemeLike = "ip_value_chain", *,
             include_goals: bool = False, top_k: int = 3) -> Coverage:
    """Plan × theme coverage: every measure (and goal) tagged with a coding scheme (a built-in
    id such as ``ip_value_chain``, ``ip_objects``, ``policy_tools``, a file, a dict or a
    CodingScheme)."""
    return _core.coverage(list(plans), load_scheme(scheme), include_goals, top_k)


def target_coverage(plans: Iterable[Plan], scheme: SchemeLike = "ip_value_chain") -> Table:
    """Themes of the plans' quantitative targets."""
    return _core.target_coverage(list(plans), load_scheme(scheme))


def agency_coverage(plans: Iterable[Plan], scheme: SchemeLike = "ip_value_chain") -> Table:
    """Themes each agency leads or supports."""
    return _core.agency_coverage(list(plans), load_scheme(scheme))


# Methods added to the C++ types: one generic glue per type, in Python.
Plan.source_text = source_text  # type: ignore[attr-defined]
Plan.to_networkx = plan_to_networkx  # type: ignore[attr-defined]
Table.to_pandas = table_to_pandas  # type: ignore[attr-defined]
Table.to_records = table_to_records  # type: ignore[attr-defined]
Table._repr_markdown_ = Table.to_markdown  # type: ignore[attr-defined]
Vectors.to_scipy = vectors_to_scipy  # type: ignore[attr-defined]
AgencyNetwork.to_networkx = agency_network_to_networkx  # type: ignore[attr-defined]
CodingScheme.from_dict = staticmethod(_scheme_from_dict)  # type: ignore[attr-defined]


def _sheet_json(sheet: Union[PathLike, Dict[str, Any], str]) -> str:
    if isinstance(sheet, dict):
        return _json.dumps(sheet, ensure_ascii=False)
    # .json, or the .csv / .xlsx of `plancmp codes` a researcher corrected
    return _core.read_coding_sheet(_os.fspath(sheet))


def read_coding_sheet(path: PathLike) -> Dict[str, Any]:
    """A coding sheet file — ``.json`` (``plancmp.gold.coding/1``), or the ``.csv`` or ``.xlsx``
    table of ``plancmp codes`` corrected in a spreadsheet — as a dict."""
    return _json.loads(_core.read_coding_sheet(_os.fspath(path)))


def pmc_from_codes(plans: Iterable[Plan], sheet: Union[PathLike, Dict[str, Any]]) -> List[PmcResult]:
    """The PMC index with a coding sheet's codes (a path or a dict; human codes a researcher
    corrected) in place of the tagger's: about IP and the value-chain stages are the sheet's,
    policy sub-tools the dictionary's inside the tool types the sheet codes. Each result's
    ``codes`` says whose codes they are ("human codes: A"); ``pmc_table`` captions it."""
    return _core.pmc(list(plans), _sheet_json(sheet))


def auto_codes(sources: Sequence[str], *, seeds_dir: PathLike = "seeds",
               corpus_dir: PathLike = "../shared/corpus/docs") -> Dict[str, Any]:
    """plancmp's own codes (codebook: docs/codebook.md) for the documents named
    ``seeds/<file>`` or ``corpus/<file>``, as a coding sheet dict (``plancmp.gold.coding/1``,
    with the evidence of every code); sources that cannot be read are in ``"missing"``."""
    text, missing = _core.code_sources(list(sources), _os.fspath(seeds_dir), _os.fspath(corpus_dir))
    sheet = _json.loads(text)
    sheet["missing"] = list(missing)
    return sheet


def agreement(a: Union[PathLike, Dict[str, Any]], b: Union[PathLike, Dict[str, Any], str] = "auto", *,
              seeds_dir: PathLike = "seeds", corpus_dir: PathLike = "../shared/corpus/docs") -> Table:
    """Intercoder agreement of two coding sheets (paths or dicts): Cohen's kappa,
    Krippendorff's alpha, precision/recall/F1 per theme, ``a`` as the reference. ``b="auto"``
    compares ``a`` with plancmp's own codes for the documents it names."""
    a_json = _sheet_json(a)
    if isinstance(b, str) and b == "auto":
        sources = list(dict.fromkeys(u["source"] for u in _json.loads(a_json)["units"]))
        sheet = auto_codes(sources, seeds_dir=seeds_dir, corpus_dir=corpus_dir)
        sheet.pop("missing", None)
        b_json = _json.dumps(sheet, ensure_ascii=False)
    else:
        b_json = _sheet_json(b)
    return _core.agreement_table(a_json, b_json, str(a) if not isinstance(a, dict) else "a",
                                 "plancmp" if b == "auto" else (str(b) if not isinstance(b, dict) else "b"))


def learn(sheet: Union[PathLike, Dict[str, Any]], extra_sources: Sequence[str] = (), *, folds: int = 5,
          suggest: int = 20, seeds_dir: PathLike = "seeds",
          corpus_dir: PathLike = "../shared/corpus/docs") -> List[Table]:
    """A coder learned from a human coding sheet (deterministic logistic regression per theme
    over character n-grams, words and the dictionaries' codes): ``[quality, suggestions]`` —
    k-fold cross-validated F1 per theme (dictionaries vs learned), and the uncoded measures of
    the sheet's documents (and ``extra_sources``) it is least sure of, most uncertain first."""
    return _core.learn_tables(_sheet_json(sheet), list(extra_sources), _os.fspath(seeds_dir),
                              _os.fspath(corpus_dir), folds, suggest)
