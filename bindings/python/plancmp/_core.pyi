"""Type stubs of plancmp._core (the C++ core). Everything returned is read-only."""

from typing import Any, Dict, Iterator, List, Optional, Sequence, Tuple

import numpy as np
import numpy.typing as npt

__version__: str

class Error(Exception):
    path: Optional[str]
    byte: Optional[int]
    line: Optional[int]
    column: Optional[int]
    message: str

class DecodeError(Error): ...
class ParseError(Error): ...
class SchemaError(Error): ...
class UsageError(Error): ...
class IoError(Error): ...

class Span:
    def __init__(self, begin: int, end: int) -> None: ...
    @property
    def begin(self) -> int: ...
    @property
    def end(self) -> int: ...
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[int]: ...

class Date:
    year: int
    month: int
    day: int

class Jurisdiction:
    name: str
    level: str
    evidence: str

class SourceInfo:
    path: str
    sha256: str
    encoding: str
    script: str
    bytes: int

class DocumentNumber:
    printed: str
    repaired: str
    span: Span

class AgencyResolution:
    canonical: str
    level: str
    confidence: float
    match: str

class Agency:
    name: str
    collective: bool
    resolution: Optional[AgencyResolution]

class AgencyMention:
    name: str
    role: str
    span: Span

class Deadline:
    text: str
    due: Optional[Date]
    recurring: bool
    ongoing: bool
    span: Span

class Target:
    indicator: str
    indicator_key: str
    value: float
    unit: str
    normalized_value: float
    base_unit: str
    comparator: str
    year: Optional[int]
    baseline: Optional[float]
    baseline_year: Optional[int]
    periodic: bool
    agencies: List[str]
    owner: str
    span: Span

class Diagnostic:
    line: int
    span: Span
    code: str
    message: str

class Section:
    id: str
    path: List[str]
    title: str
    kind: str
    depth: int
    span: Span
    extent: Span

class Measure:
    id: str
    path: List[str]
    title: str
    text: str
    lead: List[AgencyMention]
    support: List[AgencyMention]
    joint: bool
    deadline: Optional[Deadline]
    clause: str
    span: Span

class Goal:
    id: str
    path: List[str]
    title: str
    text: str
    kind: str
    span: Span

class BoxItem:
    title: str
    text: str
    span: Span
    restates: Optional[str]
    similarity: float

class Box:
    id: str
    title: str
    parent: str
    items: List[BoxItem]
    span: Span

class TableBlock:
    id: str
    caption: str
    parent: str
    columns: List[str]
    rows: List[List[str]]
    cell_spans: List[List[Span]]
    row_measures: List[str]
    span: Span

class Annex:
    id: str
    title: str
    text: str
    span: Span

class Plan:
    source: SourceInfo
    path: str
    label: str
    title: str
    title_span: Span
    notice_title: str
    jurisdiction: Jurisdiction
    issuer: str
    issued: Optional[Date]
    issued_text: str
    document_number: Optional[DocumentNumber]
    draft: bool
    first_listed_leads: bool
    kind: str  # plan, regulation, notice, qa, other
    cover: Span
    body: Span
    preamble: str
    sections: List[Section]
    measures: List[Measure]
    goals: List[Goal]
    boxes: List[Box]
    tables: List[TableBlock]
    annexes: List[Annex]
    targets: List[Target]
    agencies: List[Agency]
    diagnostics: List[Diagnostic]
    deadlines: List[Tuple[str, Deadline]]
    def find_measure(self, id: str) -> Optional[Measure]: ...
    def measures_of(self, agency: str, role: Optional[str] = None) -> List[str]: ...
    def source_bytes(self, span: Span) -> bytes: ...
    def source_text(self, span: Span) -> str: ...
    def has_document(self) -> bool: ...
    def to_json(self, indent: int = 2) -> str: ...
    @staticmethod
    def from_json(json: str, origin: str = "<json>") -> Plan: ...
    def to_graphml(self) -> str: ...
    def to_dot(self) -> str: ...
    def graph(self) -> Tuple[List[Tuple[str, int, int]], List[Tuple[int, int, str]]]: ...
    def to_networkx(self) -> Any: ...

class CorpusFailure:
    path: str
    message: str

class Corpus:
    plans: List[Plan]
    formats: List[str]
    encodings: List[str]
    failures: List[CorpusFailure]
    def __len__(self) -> int: ...
    def __getitem__(self, i: int) -> Plan: ...
    def __iter__(self) -> Iterator[Plan]: ...

def parse_file(path: str, resolve_agencies: bool = True, read_targets: bool = True,
               encoding: str = "", keep_line_breaks: bool = False) -> Plan: ...
def parse_bytes(data: bytes, name: str = "<bytes>", resolve_agencies: bool = True,
                read_targets: bool = True, encoding: str = "", keep_line_breaks: bool = False) -> Plan: ...
def load_dir(paths: List[str], threads: int = 0, recursive: bool = True) -> Corpus: ...
def seeds() -> List[Plan]: ...
def seed_names() -> List[str]: ...

class Table:
    caption: str
    columns: List[str]
    notes: List[str]
    rows: List[List[Any]]  # full text of evidence cells
    shown_rows: List[List[Any]]  # as Markdown shows them: long evidence cut to an excerpt
    sources: List[List[Optional[Tuple[str, Span]]]]
    def __len__(self) -> int: ...
    def to_markdown(self) -> str: ...
    def to_csv(self, excel: bool = False) -> str: ...
    def to_json(self) -> str: ...
    def to_latex(self) -> str: ...
    def to_html(self) -> str: ...
    def to_xlsx(self) -> bytes: ...
    def render(self, format: str) -> str: ...
    def to_records(self) -> List[Dict[str, Any]]: ...
    def to_pandas(self) -> Any: ...

def write_xlsx(tables: Sequence[Table], path: str) -> None: ...
def write_csv_directory(tables: Sequence[Table], directory: str, excel: bool = False) -> List[str]: ...
def report(plans: Sequence[Plan], path: Optional[str] = None, title: str = "plancmp report",
           draw_networks: bool = False, pairwise: bool = True) -> Optional[str]: ...

class Unit:
    plan: int
    kind: str
    index: int
    item: int
    id: str
    span: Span

class Matches:
    array: npt.NDArray[Any]
    query_begin: npt.NDArray[np.uint64]
    def __len__(self) -> int: ...

class Vectors:
    shape: Tuple[int, int]
    indptr: npt.NDArray[np.uint64]
    indices: npt.NDArray[np.uint32]
    data: npt.NDArray[np.float32]
    row_plans: npt.NDArray[np.uint32]
    units: List[Unit]
    vocabulary_size: int
    def top_k(self, top_k: int = 10, threshold: float = 0.0, mode: str = "exact",
              exclude_same_plan: bool = True, rows: Optional[Tuple[int, int]] = None,
              threads: int = 0) -> Matches: ...
    def near_duplicates(self, threshold: float = 0.5, exclude_same_plan: bool = True,
                        threads: int = 0) -> Matches: ...
    def to_scipy(self) -> Any: ...

def vectorize(plans: Sequence[Plan], features: str = "char", weighting: str = "tfidf",
              ngram_min: int = 2, ngram_max: int = 3, sublinear: bool = False, goals: bool = False,
              boxes: bool = False, threads: int = 0) -> Vectors: ...

class PlanMatrix:
    metric: str
    plans: List[str]
    weighting: str
    score: npt.NDArray[np.float64]
    def to_table(self) -> Table: ...

def plan_matrix(plans: Sequence[Plan], metric: str = "text", threads: int = 0) -> PlanMatrix: ...

class Keyword:
    phrase: str
    weight: float
    boundary: str

class Theme:
    id: str
    zh: str
    en: str
    description: str
    keywords: List[Keyword]
    exclude: List[str]
    parent: Optional[int]
    children: List[int]
    depth: int

class CodingScheme:
    id: str
    version: str
    zh: str
    en: str
    description: str
    origin: str
    min_score: float
    title_weight: float
    title_needs_body: bool
    not_in_cited_titles: List[str]
    themes: List[Theme]
    @staticmethod
    def from_json(json: str, origin: str = "<json>") -> CodingScheme: ...
    @staticmethod
    def from_yaml(yaml: str, origin: str = "<yaml>", id: str = "") -> CodingScheme: ...
    @staticmethod
    def from_file(path: str) -> CodingScheme: ...
    @staticmethod
    def from_dict(scheme: Dict[str, Any], origin: str = "<dict>") -> CodingScheme: ...
    @staticmethod
    def builtin(id: str) -> CodingScheme: ...
    @staticmethod
    def builtin_ids() -> List[str]: ...
    @staticmethod
    def load(id_or_path: str) -> CodingScheme: ...

class ReusedPassage:
    measure_a: int
    measure_b: int
    id_a: str
    id_b: str
    span_a: Span
    span_b: Span
    text_a: str
    text_b: str
    length: int
    identity: float
    score: int

class ReuseReport:
    file_a: str
    file_b: str
    candidate_pairs: int
    passages: List[ReusedPassage]
    def to_table(self) -> Table: ...
    def __len__(self) -> int: ...

def reuse(a: Plan, b: Plan, min_length: int = 20, min_identity: float = 0.6,
          keep_boilerplate: bool = False, candidates: str = "runs", top_k: int = 3,
          boilerplate: List[str] = ...) -> ReuseReport: ...
def frequent_phrases(plans: Sequence[Plan], min_plans: int = 3, length: int = 6) -> List[str]: ...

class LinkEvidence:
    characters: float
    words: float
    concepts: float
    title: float
    themes: float
    passages: float
    passage_concepts: float
    context: float
    position: float
    base: float
    row_rank: int
    column_rank: int
    shared_indicator: bool
    agencies: Optional[float]
    shared_concepts: List[str]

class MeasurePair:
    measure_a: int
    measure_b: int
    id_a: str
    id_b: str
    similarity: float
    extra: bool
    evidence: Optional[ReusedPassage]
    shared_features: List[str]
    grade: str
    signals: LinkEvidence

class PlanAlignment:
    file_a: str
    file_b: str
    pairs: List[MeasurePair]
    unmatched_a: List[str]
    unmatched_b: List[str]
    total_similarity: float
    score: float
    def to_table(self) -> Table: ...

def align(a: Plan, b: Plan, threshold: float = 0.35, one_to_many: bool = False,
          threads: int = 0) -> PlanAlignment: ...

# ---------------------------------------------------------------- alignment gold (docs/gold.md)
class GoldLink:
    a: str
    a_start: str
    b: str
    b_start: str
    grade: str
    why: str

class AlignmentGold:
    origin: str
    source_a: str
    source_b: str
    relation: str
    annotator: str
    links: List[GoldLink]

def read_alignment_gold(path: str) -> AlignmentGold: ...
def alignment_of_gold(gold: AlignmentGold, a: Plan, b: Plan) -> PlanAlignment: ...

class LinkScores:
    gold: int
    found: int
    gold_matched: int
    found_matched: int
    precision: float
    recall: float
    f1: float

class AlignmentEvaluation:
    pair: str
    found_by: str
    links: LinkScores
    same: LinkScores
    related: LinkScores
    missed: List[GoldLink]
    spurious: List[MeasurePair]
    def to_table(self) -> Table: ...

def evaluate_alignment(found: PlanAlignment, a: Plan, b: Plan, gold: AlignmentGold) -> AlignmentEvaluation: ...
def evaluation_table(evaluations: Sequence[AlignmentEvaluation]) -> Table: ...

class Coverage:
    scheme: str
    plans: List[str]
    themes: List[str]
    units: List[int]
    counts: npt.NDArray[np.uint64]
    shares: npt.NDArray[np.float64]
    def to_table(self, view: str = "counts") -> Table: ...
    def compare(self, a: int, b: int) -> Table: ...
    def profile_matrix(self) -> PlanMatrix: ...

def coverage(plans: Sequence[Plan], scheme: CodingScheme, include_goals: bool = False,
             top_k: int = 3) -> Coverage: ...
def target_coverage(plans: Sequence[Plan], scheme: CodingScheme) -> Table: ...
def agency_coverage(plans: Sequence[Plan], scheme: CodingScheme) -> Table: ...

class ToolsByChain:
    plans: List[str]
    rows: List[str]
    row_depths: List[int]
    columns: List[str]
    cells: npt.NDArray[np.uint64]
    summed: npt.NDArray[np.uint64]
    def to_table(self, plan: Optional[int] = None) -> Table: ...

def tools_by_chain(plans: Sequence[Plan]) -> ToolsByChain: ...

class PmcValue:
    id: str
    value: int
    evidence: str
    span: Optional[Span]

class PmcResult:
    plan: str
    source: str
    scores: List[float]
    values: List[List[PmcValue]]
    pmc: float
    grade_zh: str
    codes: str
    grade_en: str
    surface: npt.NDArray[np.float64]

def pmc(plans: Sequence[Plan], codes: str = ...) -> List[PmcResult]: ...
def read_coding_sheet(path: str) -> str: ...
def cohen_kappa(a: Sequence[bool], b: Sequence[bool]) -> float: ...
def krippendorff_alpha(a: Sequence[bool], b: Sequence[bool]) -> float: ...
def code_sources(sources: Sequence[str], seeds_dir: str, corpus_dir: str) -> Tuple[str, List[str]]: ...
def code_plan_json(plan: Plan, source: str) -> str: ...
def agreement_table(a: str, b: str, a_name: str = ..., b_name: str = ...) -> Table: ...
def learn_tables(sheet: str, extra_sources: Sequence[str], seeds_dir: str, corpus_dir: str, folds: int = ...,
                 suggest: int = ...) -> List[Table]: ...
def pmc_table(results: Sequence[PmcResult]) -> Table: ...
def pmc_detail_table(results: Sequence[PmcResult]) -> Table: ...
def pmc_surface_table(result: PmcResult) -> Table: ...

def agency_resolution_table(plans: Sequence[Plan]) -> Table: ...
def agency_functions(plans: Sequence[Plan]) -> Table: ...
def lead_load(plan: Plan) -> Table: ...
def responsibility_matrix(plan: Plan) -> Table: ...

class AgencyNetwork:
    plan: str
    nodes: List[Dict[str, Any]]
    edges: List[Tuple[int, int, int, int, int]]
    density: float
    components: int
    def to_table(self) -> Table: ...
    def to_graphml(self) -> str: ...
    def to_dot(self) -> str: ...
    def to_networkx(self) -> Any: ...

def agency_network(plan: Plan, by_canonical: bool = False,
                   include_collectives: bool = True) -> AgencyNetwork: ...

class GapEvidence:
    source: str
    unit: str
    span: Span
    text: str

class Gap:
    kind: str
    reference: str
    item: str
    detail: str
    score: float
    in_reference: GapEvidence
    in_subject: GapEvidence

class GapReport:
    subject: str
    references: List[str]
    gaps: List[Gap]
    def count(self, kind: str) -> int: ...
    def to_table(self) -> Table: ...

def gaps(subject: Plan, against: Sequence[Plan] = ..., mode: str = "against", threshold: float = 0.35,
         schemes: Optional[List[str]] = None, min_peers: int = 0,
         outsized_share: float = 0.25) -> GapReport: ...

class PlanChange:
    kind: str
    item_old: str
    item_new: str
    detail: str
    score: float
    in_old: GapEvidence
    in_new: GapEvidence

class PlanDiff:
    old_plan: str
    new_plan: str
    changes: List[PlanChange]
    def count(self, kind: str) -> int: ...
    def to_table(self) -> Table: ...

def diff(old: Plan, new: Plan, threshold: float = 0.35, threads: int = 0) -> PlanDiff: ...
def vertical(upper: Plan, lower: Plan, threshold: float = 0.35, threads: int = 0) -> Table: ...

# ---------------------------------------------------------------- policy diffusion (docs/diffusion.md)

class BorrowedPassage:
    span: Span
    source_span: Span
    text: str
    source_text: str
    length: int
    identity: float

class MeasureAttribution:
    plan: int
    measure: int
    id: str
    grade: str  # "novel", "adapted", "copied"
    source_plan: Optional[int]
    source_measure: int
    source_id: str
    relation: str  # "same place", "from above", "from below", "peer, same province", …
    coverage: float
    reinvention: float
    localized: List[str]
    added_targets: int
    dropped_clauses: int
    added_clauses: int
    plausible_sources: int
    passages: List[BorrowedPassage]

class DiffusionEdge:
    source: int
    target: int
    copied: int
    adapted: int
    measures: int
    relation: str

class DiffusionResult:
    labels: List[str]
    attributions: List[MeasureAttribution]
    edges: List[DiffusionEdge]
    frequent_boilerplate: List[str]
    candidate_pairs: int
    rows: Tuple[int, int]
    def to_json(self) -> str: ...
    def attributions_table(self, include_novel: bool = False) -> Table: ...
    def edges_table(self) -> Table: ...
    def plans_table(self) -> Table: ...
    def timeline_table(self, plans: Sequence[Plan], scheme: CodingScheme) -> Table: ...
    def to_graphml(self) -> str: ...
    def to_gexf(self) -> str: ...

def diffusion(plans: Sequence[Plan], top_k: int = 5, min_length: int = 20, min_coverage: float = 0.5,
              frequent_share: float = 0.5, keep_boilerplate: bool = False, threads: int = 0,
              rows: Optional[Tuple[int, int]] = None) -> DiffusionResult: ...
def merge_diffusion(parts: Sequence[DiffusionResult]) -> DiffusionResult: ...

# ---------------------------------------------------------------- parse fidelity (docs/gold.md)

class Fidelity:
    """How faithfully a parsed plan reproduces a gold annotation."""
    source: str
    gold_measures: int
    parsed_measures: int
    matched_measures: int
    measure_precision: float
    measure_recall: float
    lead: float
    support: float
    deadline: float
    target_precision: float
    target_recall: float
    metadata: List[Tuple[str, bool]]
    differences: List[str]

def fidelity(plan: Plan, gold: str) -> Fidelity: ...

class JurisdictionStatistics:
    jurisdiction: str
    year: int
    population: Optional[float]
    gdp: Optional[float]

class StatisticsTable:
    rows: List[JurisdictionStatistics]
    def find(self, jurisdiction: str, year: int) -> Optional[JurisdictionStatistics]: ...

class ScaledTarget:
    per_10k_people: Optional[float]
    per_100m_yuan_gdp: Optional[float]
    unit: str
    statistics_year: int

def read_statistics_csv(csv: str, origin: str = ...) -> StatisticsTable: ...
def scale_target(target: Target, jurisdiction: str, table: StatisticsTable) -> Optional[ScaledTarget]: ...
