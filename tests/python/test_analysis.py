"""The analyses from Python, with numpy / pandas / SciPy / networkx interop, on the seeds."""

import os
import shutil
import subprocess

import numpy as np
import pytest

import plancmp
from conftest import DISTRICT, GANSU, HENGSHUI, NINGBO_2017, NINGBO_2020, SEEDS


def four(seed):
    return [seed(n) for n in (NINGBO_2020, HENGSHUI, GANSU, DISTRICT)]


def test_ningbo_measures_are_each_others_top_match(seed):
    a, b = seed(NINGBO_2020), seed(NINGBO_2017)
    s = plancmp.similar([a, b], top_k=1)
    df = s.to_pandas()
    assert list(df.columns[:5]) == ["plan", "unit", "similar_plan", "similar_unit", "score"]
    best = dict(zip(df["unit"] + "@" + df["plan"], df["similar_unit"]))
    assert best["五.(十八)@宁波市 2020"] == "三.(一).3"
    assert best["三.(一).3@宁波市 2017"] == "五.(十八)"
    assert isinstance(s.score, np.ndarray) and s.score.dtype == np.float32
    assert len(df) == len(s) == len(a.measures) + len(b.measures)
    # The spans lead back to the sentences.
    row = df[df["unit"] == "五.(十八)"].iloc[0]
    assert "知识产权" in a.source_text(plancmp.Span(int(row["begin"]), int(row["end"])))


def test_pruned_and_lsh_modes(seeds):
    exact = plancmp.similar(seeds, top_k=3)
    pruned = plancmp.similar(seeds, top_k=3, mode="pruned")
    assert len(pruned) > 0 and len(pruned) <= len(exact)
    lsh = plancmp.similar(seeds, mode="lsh", threshold=0.3)
    assert np.all(lsh.score >= 0.3)
    assert np.all(lsh.query < lsh.candidate)


def test_gansu_measure_equals_its_simplified_conversion(seed, tmp_path):
    opencc = shutil.which("opencc")
    if opencc is None:
        pytest.skip("the opencc program (Debian package opencc) is not installed")
    simplified = tmp_path / "gansu_simplified.txt"
    subprocess.run([opencc, "-c", "t2s.json", "-i", str(SEEDS / GANSU), "-o", str(simplified)], check=True)
    original, converted = seed(GANSU), plancmp.parse(simplified)
    assert len(converted.measures) == len(original.measures)
    s = plancmp.similar([original, converted], top_k=1)
    n = len(original.measures)
    for q, c, score in zip(s.query[:n], s.candidate[:n], s.score[:n]):
        assert s.units[c].plan == 1
        assert s.units[c].id == s.units[q].id
        assert score == pytest.approx(1.0, abs=1e-5)


def test_vectors_numpy_views_and_scipy(seeds):
    v = plancmp.vectorize(seeds)
    rows, columns = v.shape
    assert rows == sum(len(p.measures) for p in seeds)
    assert v.indptr[-1] == len(v.indices) == len(v.data)
    assert not v.data.flags.writeable and not v.data.flags.owndata  # a view of the C++ buffer
    assert list(np.unique(v.row_plans)) == list(range(len(seeds)))
    scipy = pytest.importorskip("scipy.sparse")
    x = v.to_scipy()
    assert isinstance(x, scipy.csr_matrix) and x.shape == (rows, columns)
    assert np.shares_memory(x.data, v.data)
    norms = np.asarray(x.multiply(x).sum(axis=1)).ravel()
    assert np.allclose(norms[norms > 0], 1.0, atol=1e-5)
    # Top-k from C++ equals cosine on the SciPy matrix.
    top = v.top_k(1, exclude_same_plan=False)
    dense = (x @ x.T).toarray()
    np.fill_diagonal(dense, -1)
    first = top.array[:5]
    for m in first:
        assert dense[m["query"], m["candidate"]] == pytest.approx(m["score"], abs=1e-5)
        assert m["score"] == pytest.approx(dense[m["query"]].max(), abs=1e-5)


def test_row_blocks_equal_the_whole_search(seeds):
    v = plancmp.vectorize(seeds)
    whole = v.top_k(4).array
    blocks = np.concatenate([v.top_k(4, rows=(b, min(b + 50, v.shape[0]))).array
                             for b in range(0, v.shape[0], 50)])
    assert np.array_equal(whole, blocks)
    with pytest.raises(plancmp.UsageError):
        v.top_k(4, rows=(10, v.shape[0] + 1))


def test_plan_matrix_is_a_numpy_array(seed):
    plans = four(seed)
    m = plancmp.plan_matrix(plans)
    score = m.score
    assert score.shape == (4, 4)
    assert np.allclose(score, score.T) and np.allclose(np.diag(score), 1.0)
    assert round(float(score[0, 1]), 3) == 0.197  # as examples/02_compare_jurisdictions.expected
    assert m.weighting == "pair-local idf"
    # A pair scores the same whichever other plans are loaded.
    assert plancmp.plan_matrix(plans[:2]).score[0, 1] == score[0, 1]
    t = m.to_table()
    df = t.to_pandas()
    assert df.shape == (4, 5) and list(df.columns)[1:] == m.plans
    for metric in ("assignment", "structure", "agency"):
        assert plancmp.plan_matrix(plans, metric).score.shape == (4, 4)
    # Ningbo 2020 names no agency: n/a (NaN), not 0.
    assert np.isnan(plancmp.plan_matrix(plans, "agency").score[0, 0])


def test_tables_to_pandas_records_and_renderers(seed):
    plans = four(seed)
    c = plancmp.coverage(plans, "ip_value_chain")
    assert c.counts.shape == (4, len(c.themes)) and c.shares.dtype == np.float64
    assert round(float(c.shares[0, 0]), 3) == 0.25  # 6 of 24 Ningbo 2020 measures: creation (coder A too)
    t = c.to_table("shares")
    df = t.to_pandas()
    assert df.shape == (len(c.themes), 5)
    assert df.attrs["caption"] == t.caption
    records = t.to_records()
    assert len(records) == len(c.themes) and set(records[0]) == set(t.keys)
    assert t.to_markdown().startswith("**")
    assert t.to_csv().count("\r\n") == len(c.themes) + 1 + len(t.notes) or "\r\n" in t.to_csv()
    assert t.to_csv(excel=True).startswith("\ufeff")
    assert t.render("latex").startswith("\\begin{table}")
    assert "<table" in t.to_html()
    evidence = c.to_table("evidence")
    assert any(src is not None for row in evidence.sources for src in row)
    assert c.compare(0, 1).columns


def test_theme_profile_matrix_is_the_cosine_of_coverage_shares(seed):
    c = plancmp.coverage(four(seed), "ip_value_chain")
    m = c.profile_matrix()
    unit = c.shares / np.linalg.norm(c.shares, axis=1, keepdims=True)
    np.testing.assert_allclose(m.score, unit @ unit.T, atol=1e-12)
    np.testing.assert_allclose(np.diag(m.score), 1.0)
    assert m.plans == c.plans


def test_coding_scheme_from_dict(seed):
    scheme = plancmp.CodingScheme.from_dict({
        "schema": "plancmp.coding_scheme/1",
        "id": "enforcement", "version": "1", "name": {"zh": "执法", "en": "enforcement"},
        "themes": [
            {"id": "judicial", "zh": "司法", "en": "judicial", "keywords": ["法院", "司法"]},
            {"id": "administrative", "zh": "行政", "en": "administrative", "keywords": ["行政执法", "执法"]},
        ],
    })
    assert scheme.id == "enforcement" and [t.id for t in scheme.themes] == ["judicial", "administrative"]
    c = plancmp.coverage([seed(DISTRICT)], scheme)
    assert c.counts.sum() > 0
    with pytest.raises(plancmp.SchemaError):
        plancmp.CodingScheme.from_dict({"schema": "plancmp.coding_scheme/1", "id": "x"})


def test_tools_by_chain_and_pmc(seed):
    plans = four(seed)
    t = plancmp.tools_by_chain(plans)
    assert t.cells.shape == (4, len(t.rows), len(t.columns))
    assert np.array_equal(t.cells.sum(axis=0), t.summed)
    assert t.to_table(0).to_pandas().shape[0] == len(t.rows) + 1  # and a total row
    results = plancmp.pmc(plans)
    assert [r.plan for r in results] == [p.label for p in plans]
    assert all(0 < r.pmc <= 10 for r in results)
    assert plancmp.pmc_table(results).to_pandas().shape[0] >= 4
    assert results[0].surface.ndim == 2


def test_reuse_align_diff_gaps(seed):
    a, b = seed(NINGBO_2020), seed(NINGBO_2017)
    r = plancmp.reuse(a, b)
    [first] = [p for p in r.passages if (p.id_a, p.id_b) == ("五.(十八)", "三.(一).3")][:1]
    assert a.source_text(first.span_a) == first.text_a
    assert b.source_text(first.span_b) == first.text_b
    assert r.to_table().to_pandas().shape[0] == len(r)
    al = plancmp.align(a, b)
    assert any((p.id_a, p.id_b) == ("五.(十八)", "三.(一).3") for p in al.pairs)
    d = plancmp.diff(b, a)
    assert d.changes and d.to_table().rows
    g = plancmp.gaps(a, [b, seed(HENGSHUI)])
    assert g.gaps and g.to_table().to_pandas().shape[0] == len(g.gaps)
    acc = plancmp.gaps(seed(DISTRICT), mode="accountability")
    assert acc.subject == seed(DISTRICT).label and acc.gaps
    assert plancmp.vertical(seed(GANSU), seed(DISTRICT)).rows


def test_alignment_frame(seed):
    pd = pytest.importorskip("pandas")
    import plancmp.frames as pf
    a, b = seed(NINGBO_2020), seed(NINGBO_2017)
    al = plancmp.align(a, b)
    df = pf.alignment(a, b)
    links = df[df["kind"] != "unmatched"]
    assert len(links) == len(al.pairs)
    assert (df["kind"] == "unmatched").sum() == len(al.unmatched_a) + len(al.unmatched_b)
    assert set(links["grade"].astype(str)) <= {"same", "related"}
    # The carry-over the 2017 → 2020 diff is known for, with the signals of its score.
    row = links[(links["id_a"] == "五.(十八)") & (links["id_b"] == "三.(一).3")].iloc[0]
    pair = next(p for p in al.pairs if (p.id_a, p.id_b) == ("五.(十八)", "三.(一).3"))
    assert row["similarity"] == pytest.approx(pair.similarity)
    assert row["passages"] == pytest.approx(pair.signals.passages) and 0 < row["passages"] <= 1
    assert 0 <= row["position"] <= 1 and 0 <= row["context"] <= 1
    assert a.source_text(pair.evidence.span_a) == row["passage_a"]
    assert (row["begin_a"], row["end_a"]) == (pair.evidence.span_a.begin, pair.evidence.span_a.end)
    # Ranks count the pairs with a higher base score: the assigned link of a measure is near the top.
    assert pair.signals.row_rank >= 0 and pair.signals.base > 0
    assert df["similarity"].dtype == "float64" and str(df["begin_a"].dtype) == "Int64"


def test_agencies_and_networkx(seed):
    nx = pytest.importorskip("networkx")
    p = seed(HENGSHUI)
    net = plancmp.agency_network(p)
    g = net.to_networkx()
    # Nodes are canonical agency ids: printed names of one agency are one node.
    keys = {n["canonical"] or "name:" + n["name"] for n in net.nodes}
    assert set(g.nodes) == keys and g.number_of_nodes() < len(net.nodes)
    assert sum(w for _, _, w in g.edges(data="weight")) <= sum(e[2] for e in net.edges)
    edges = nx.to_pandas_edgelist(g)  # raised while an edge attribute was named "source"
    assert list(edges.columns[:2]) == ["source", "target"] and len(edges) == g.number_of_edges()
    assert {n["name"] for n in net.nodes} <= {a.name for a in p.agencies}
    assert net.to_graphml().startswith("<?xml")
    pg = p.to_networkx()
    vertices, edges = p.graph()
    assert pg.number_of_nodes() == len(vertices) and pg.number_of_edges() == len(edges)
    measures = [n for n, d in pg.nodes(data=True) if d["kind"] == "measure"]
    assert len(measures) == len(p.measures)
    assert nx.is_tree(nx.DiGraph((u, v) for u, v, k in pg.edges(data="kind") if k == "contains"))
    assert plancmp.lead_load(p).rows
    assert plancmp.agency_resolution_table([p]).rows
    assert plancmp.agency_functions([p, seed(GANSU)]).columns


def test_targets_table(seed):
    df = plancmp.targets_table([seed(HENGSHUI), seed(NINGBO_2020)])
    assert len(df) == len(seed(HENGSHUI).targets) + len(seed(NINGBO_2020).targets)
    assert {"indicator", "value", "year", "begin", "end"} <= set(df.columns)


def test_html_report(seed, tmp_path):
    out = tmp_path / "report.html"
    assert plancmp.report([seed(NINGBO_2020), seed(NINGBO_2017)], str(out), title="Ningbo") is None
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "Ningbo" in html
    with pytest.raises(plancmp.IoError):
        plancmp.report([seed(NINGBO_2020)], str(tmp_path / "no" / "such" / "dir.html"))


def test_targets_per_capita_and_per_gdp(seed):
    table = plancmp.read_statistics_csv(
        "jurisdiction,year,population (万人),gdp (亿元)\n宁波市,2022,961.8,15704.3\n", "stats.csv")
    assert table.find("宁波", 2020).year == 2022
    assert table.find("甘肃省", 2022) is None
    plan = seed(NINGBO_2020)
    patents = [t for t in plan.targets if t.indicator_key == "effective_invention_patents"][0]
    s = plancmp.scale_target(patents, plan.jurisdiction.name, table)
    assert s.per_10k_people == pytest.approx(36000 / 961.8)
    assert str(s) == "37.43件/万人, 2.292件/亿元 GDP (2022)"
    growth = [t for t in plan.targets if t.unit == "%"]
    assert all(plancmp.scale_target(t, plan.jurisdiction.name, table) is None for t in growth)
    with pytest.raises(plancmp.SchemaError, match=r"stats.csv:2:3: population \"lots\" is not a positive number"):
        plancmp.read_statistics_csv("jurisdiction,year,population\n宁波市,2022,lots\n", "stats.csv")


def test_alignment_gold_and_a_second_reader(seed):
    gold_dir = os.path.join(os.path.dirname(__file__), "..", "data", "gold")
    name = "004_b234aa7c753f2ac8__000_edee8db098a98e76.json"
    first = plancmp.read_alignment_gold(os.path.join(gold_dir, "alignment", name))
    second = plancmp.read_alignment_gold(os.path.join(gold_dir, "alignment-second", name))
    assert (first.annotator, second.annotator) == ("A", "G")
    assert first.source_a == "seeds/004_b234aa7c753f2ac8.txt" and len(first.links) == 28
    a, b = seed(NINGBO_2017), seed(NINGBO_2020)
    # plancmp's alignment against the first reader, as `plancmp align --gold` measures it.
    e = plancmp.evaluate_alignment(plancmp.align(a, b), a, b, first)
    assert e.links.gold == 28 and 0 < e.links.precision <= 1 and 0 < e.links.recall <= 1
    assert len(e.missed) == e.links.gold - e.links.gold_matched
    # The second reader against the first: 28 of 31 links agree, every one of the first's found.
    g = plancmp.evaluate_alignment(plancmp.alignment_of_gold(second, a, b), a, b, first)
    assert (g.links.found, g.links.found_matched, g.links.gold_matched) == (31, 28, 28)
    assert g.links.f1 == pytest.approx(2 * 28 / (28 + 31))
    g.found_by = "G vs A"
    df = plancmp.evaluation_table([e, g]).to_pandas()
    assert "annotators" in df.columns and len(df) == 3  # two pairs and the pooled row
    with pytest.raises(plancmp.SchemaError, match="expected"):
        plancmp.read_alignment_gold(os.path.join(gold_dir, "coding", "A.json"))
