"""Parsing from Python: paths, bytes and text; the plan as objects; JSON and pickle; errors."""

import json
import os
import pathlib
import pickle
import subprocess

import pytest

import plancmp
from conftest import DISTRICT, GANSU, HENGSHUI, NINGBO_2017, NINGBO_2020, SEEDS


def test_seeds_are_the_five_plans(seeds):
    assert [os.path.basename(p.path) for p in seeds] == sorted(
        [NINGBO_2020, HENGSHUI, GANSU, DISTRICT, NINGBO_2017])
    assert [p.label for p in seeds][:3] == ["宁波市 2020", "衡水市 2022", "甘肅省 2020"]
    assert [len(p.measures) for p in seeds][:4] == [24, 35, 80, 70]


def test_counts_equal_what_the_cli_prints(seeds, cli):
    out = subprocess.run([cli, "parse", "--format", "json"], check=True, capture_output=True).stdout
    table = json.loads(out)
    rows = [dict(zip(table["columns"], row)) for row in table["rows"]]
    assert len(rows) == len(seeds)
    for row, p in zip(rows, seeds):
        assert row["file"] == p.path
        assert row["measures"] == len(p.measures)
        assert row["goals"] == len(p.goals)
        assert row["agencies"] == len(p.agencies)
        assert row["targets"] == len(p.targets)
        assert row["dated"] + row["recurring"] + row["ongoing"] == len(p.deadlines)
        assert row["plan"] == p.label  # one plan label in the program and the package
        assert row["diagnostics"] == len(p.diagnostics)


def test_path_bytes_text_and_pathlike_parse_alike(seed):
    path = SEEDS / NINGBO_2017
    from_path = plancmp.parse(str(path))
    assert from_path.path == str(path)
    assert plancmp.parse(path) == from_path  # os.PathLike
    data = path.read_bytes()
    from_bytes = plancmp.parse(data, name=str(path))
    assert from_bytes == from_path
    from_text = plancmp.parse(data.decode("utf-8"), name=str(path))
    assert from_text.measures == from_path.measures
    assert plancmp.parse(data).path == "<bytes>"
    assert plancmp.parse(data.decode("utf-8")).path == "<text>"
    assert len(from_path.measures) == len(seed(NINGBO_2017).measures)


def _hard_wrap(text, width):
    """Each line set ``width`` half-em units wide, as a PDF's text layer gives it (a Han
    character 2, ASCII 1; closing punctuation never starts a line)."""
    closing = set("，。、；：？！）》”’,.;:?!)")
    out = []
    for paragraph in text.split("\n"):
        line, used = "", 0
        for c in paragraph:
            w = 1 if ord(c) < 128 else 2
            if used + w > width and line and c not in closing:
                out.append(line)
                line, used = "", 0
            line += c
            used += w
        out.append(line)
    return "\n".join(out)


def test_hard_wrapped_text_parses_as_the_plan_and_keep_line_breaks_keeps_them(seed):
    # Gansu's plan set 26 characters wide (the C++ test sets every seed at four widths and
    # scores the result against the gold: tests/parse/test_fidelity.cpp).
    text = (SEEDS / GANSU).read_text(encoding="utf-8")
    wrapped = _hard_wrap(text, 52)
    original = seed(GANSU)
    rejoined = plancmp.parse(wrapped, name="wrapped.txt")
    kept = plancmp.parse(wrapped, name="wrapped.txt", keep_line_breaks=True)
    assert [m.id for m in rejoined.measures] == [m.id for m in original.measures]
    def leads(p):
        return [[a.name for a in m.lead] for m in p.measures]

    assert leads(rejoined) == leads(original)
    assert [(t.value, t.unit) for t in rejoined.targets] == [(t.value, t.unit) for t in original.targets]
    # Kept, a unit's name or a number cut by the width is lost somewhere.
    assert leads(kept) != leads(original) or [
        (t.value, t.unit) for t in kept.targets
    ] != [(t.value, t.unit) for t in original.targets]


def test_plan_objects_and_spans(seed):
    p = seed(HENGSHUI)
    assert p.jurisdiction.name == "衡水市"
    assert p.jurisdiction.level == "city"
    assert p.document_number.repaired == "衡政办字〔2022〕27号"
    assert str(p.issued) == "2022-04-26"
    m = p.measures[1]
    assert m.lead and m.lead[0].role == "lead"
    assert m.lead[0].name == "市市场监督管理局"
    # Spans are byte offsets into the original file: the bytes there are the text.
    original = (SEEDS / HENGSHUI).read_bytes()
    assert original[m.span.begin:m.span.end] == p.source_bytes(m.span)
    assert p.source_text(m.lead[0].span) == "市市场监督管理局"
    assert m.title in p.source_text(m.span)
    assert p.find_measure(m.id) == m
    assert p.find_measure("no such id") is None
    assert m.id in p.measures_of("市市场监督管理局", "lead")
    assert "Measure(" in repr(m) and "衡水市 2022" in repr(p)
    assert [s.kind for s in p.sections][0] in {"guiding_ideology", "principles", "overall_requirements",
                                               "overall_approach", "goals", "tasks", "safeguards"}
    assert p.boxes and p.boxes[0].id == "专栏1"
    assert p.tables and p.tables[0].columns
    assert all(t.year is None or t.year > 2000 for t in p.targets)
    district = seed(DISTRICT)
    assert district.deadlines and district.deadlines[0][1].text


def test_objects_are_read_only(seed):
    m = seed(NINGBO_2020).measures[0]
    with pytest.raises(AttributeError):
        m.id = "x"
    with pytest.raises(AttributeError):
        seed(NINGBO_2020).title = "x"


def test_traditional_agency_resolution(seed):
    gansu = seed(GANSU)
    names = {a.name: a for a in gansu.agencies}
    assert "省市場監管局" in names
    assert names["省市場監管局"].resolution.canonical == "market_regulation"


def test_json_round_trip(seed):
    p = seed(NINGBO_2017)
    text = p.to_json()
    assert json.loads(text)["schema"] == "plancmp.plan/1"
    back = plancmp.Plan.from_json(text, "ningbo.json")
    assert back == p
    assert back.to_json() == text
    # A plan read from JSON reads its source file again when its text is needed.
    assert back.has_document() == os.path.exists(p.path)


def test_pickle_round_trip(seed):
    p = seed(GANSU)
    back = pickle.loads(pickle.dumps(p))
    assert back == p
    assert back.source_bytes(back.measures[3].span) == p.source_bytes(p.measures[3].span)


def test_graph_formats(seed):
    p = seed(NINGBO_2020)
    vertices, edges = p.graph()
    assert vertices[0] == ("plan", 0, 0)
    assert sum(1 for v in vertices if v[0] == "measure") == 24
    assert p.to_graphml().count("<node ") == len(vertices)
    assert p.to_dot().startswith("digraph")


def test_load_dir(tmp_path):
    for name in (NINGBO_2020, NINGBO_2017):
        (tmp_path / name).write_bytes((SEEDS / name).read_bytes())
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not a zip")
    corpus = plancmp.load_dir(tmp_path, threads=2)
    assert len(corpus) == 2
    assert [os.path.basename(p.path) for p in corpus] == [NINGBO_2020, NINGBO_2017]
    assert len(corpus.failures) == 1 and "broken.docx" in corpus.failures[0].message
    assert corpus.formats == ["text", "text"]
    # Plans of a corpus read their documents on demand (for reuse, coverage, …).
    assert len(plancmp.reuse(corpus[0], corpus[1])) > 0


def test_errors_name_the_file(tmp_path):
    missing = str(tmp_path / "missing.txt")
    with pytest.raises(plancmp.Error) as e:
        plancmp.parse(pathlib.Path(missing))
    assert isinstance(e.value, (plancmp.IoError, plancmp.UsageError))
    assert "missing.txt" in str(e.value)
    assert e.value.path == missing
    with pytest.raises(plancmp.Error) as e:
        plancmp.parse(missing)  # a str naming a plan file that is not there
    assert e.value.path == missing
    with pytest.raises(plancmp.SchemaError) as e:
        plancmp.Plan.from_json('{"schema": "plancmp.plan/1"', "bad.json")
    assert str(e.value).startswith("bad.json")
    assert e.value.byte is not None or e.value.line is not None
    with pytest.raises(plancmp.UsageError):
        plancmp.plan_matrix([], metric="nonsense")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe" + b"\x00\xd8" * 3)  # UTF-16 with unpaired surrogates
    try:
        plancmp.parse(bad)
    except plancmp.Error as err:
        assert "bad.txt" in str(err)
    assert issubclass(plancmp.DecodeError, plancmp.Error)
    assert issubclass(plancmp.Error, Exception)


def test_fidelity_against_a_seed_gold_and_joint_responsibility(seed):
    from conftest import HENGSHUI, ROOT
    gold = ROOT / "tests" / "data" / "gold" / "parse" / ("seed-" + HENGSHUI.replace(".txt", ".json"))
    hengshui = seed(HENGSHUI)
    f = plancmp.fidelity(hengshui, str(gold))
    assert (f.gold_measures, f.parsed_measures, f.matched_measures) == (35, 35, 35)
    assert (f.lead, f.support, f.deadline) == (1.0, 1.0, 1.0)
    assert all(right for _, right in f.metadata)
    assert hengshui.kind == "plan"
    # (市发展改革委、市教育局…等按职责分工负责): several units, none marked: jointly responsible.
    first = hengshui.measures[0]
    assert first.joint and len(first.lead) == 5 and not first.support
    with pytest.raises(plancmp.Error, match="plancmp.gold.parse/1"):
        plancmp.fidelity(hengshui, str(ROOT / "tests" / "data" / "gold" / "coding" / "A.json"))


def test_annex_task_table_with_merged_cells_assigns_the_measures():
    page = (
        "<html><head><meta charset='utf-8'></head><body>"
        "<p>某市推进数字经济发展实施方案</p><p>一、主要任务</p>"
        "<p>（一）加强数字基础设施建设。推进5G基站建设，建设城市数据中心。</p>"
        "<p>（二）推动产业数字化转型。实施企业上云行动。</p>"
        "<p>附件：重点任务分工表</p><p>附件</p><p>重点任务分工表</p><table>"
        "<tr><td>序号</td><td>重点任务</td><td>具体工作</td><td>牵头单位</td><td>完成时限</td></tr>"
        "<tr><td rowspan='2'>1</td><td rowspan='2'>加强数字基础设施建设</td><td>推进5G基站建设</td>"
        "<td>市工业和信息化局</td><td rowspan='3'>2025年底</td></tr>"
        "<tr><td>建设城市数据中心</td><td>市大数据局</td></tr>"
        "<tr><td>2</td><td>推动产业数字化转型</td><td>实施企业上云行动</td><td>市工业和信息化局</td></tr>"
        "</table></body></html>")
    p = plancmp.parse(page.encode("utf-8"), name="merged.html")
    assert [m.id for m in p.measures] == ["一.(一)", "一.(二)"]
    assert [a.name for a in p.measures[0].lead] == ["市工业和信息化局", "市大数据局"]
    assert p.measures[1].deadline.text == "2025年底"
    assert p.tables[0].row_measures == ["一.(一)", "一.(一)", "一.(二)"]
    assert p.tables[0].rows[1][:2] == ["1", "加强数字基础设施建设"]
