"""The study of issue 24 end to end, as a researcher working in pandas runs it: the seeds plus
ten corpus documents → measures, targets, coverage, similarity, agency network, the Ningbo
diff, PMC and Dask top-k, with the guarantees every frame must keep."""

import csv
import io
import os
import pathlib
import subprocess

import pytest

import plancmp
import plancmp.dask
import plancmp.frames as pf

from conftest import NINGBO_2017, NINGBO_2020, ROOT

pd = pytest.importorskip("pandas")
CORPUS = ROOT.parent / "shared" / "corpus" / "docs"


def corpus_files(n=10):
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not at {CORPUS}")
    files = sorted(f for f in CORPUS.iterdir() if f.suffix in (".txt", ".html"))
    return files[:n] if n else files


@pytest.fixture(scope="module")
def study(seeds):
    corpus = [plancmp.parse(f) for f in corpus_files()]
    return list(seeds) + corpus


def no_excerpts(df):
    """No text cell is an excerpt cut with '…' that the plan's full text does not hold."""
    for column in df.columns:
        if df[column].dtype == object:
            cut = [v for v in df[column] if isinstance(v, str) and v.endswith("…")]
            assert not cut, f"{column}: {cut[:2]}"


def assert_unique_columns(df):
    assert df.columns.is_unique, list(df.columns)


def test_plan_keys_unique_and_labels_kept(study):
    keys = pf.plan_keys(study)
    assert len(set(keys)) == len(study)
    frame = pf.plans(study)
    assert list(frame["plan"]) == keys and list(frame["label"]) == [p.label for p in study]
    # A label two plans share gets the file's name; a unique label stays as it is.
    labels = [p.label for p in study]
    for key, label, p in zip(keys, labels, study):
        assert key == label if labels.count(label) == 1 else key == f"{label} [{os.path.basename(p.path)}]"
    assert str(frame["issued"].dtype) == "datetime64[ns]"
    assert str(frame["level"].dtype) == "category" and str(frame["kind"].dtype) == "category"


def test_plan_keys_of_colliding_labels(seed):
    same = [seed(NINGBO_2020), seed(NINGBO_2020)]
    assert pf.plan_keys(same) == [f"宁波市 2020 [{NINGBO_2020}] #1", f"宁波市 2020 [{NINGBO_2020}] #2"]


def test_measures_have_unique_ids_and_full_text(study):
    m = pf.measures(study)
    assert m.set_index(["plan", "id"]).index.is_unique
    assert sum(len(p.measures) for p in study) == len(m)
    by_plan = dict(zip(pf.plan_keys(study), study))
    for row in m.sample(n=min(40, len(m)), random_state=1).itertuples():
        assert row.text == by_plan[row.plan].find_measure(row.id).text
        assert row.path == row.id.split(".") and row.depth == len(row.path)
    assert m["lead"].map(type).eq(list).all() and str(m["due"].dtype) == "datetime64[ns]"
    no_excerpts(m)
    assert_unique_columns(m)
    g = pf.goals(study)
    assert g.set_index(["plan", "id"]).index.is_unique and str(g["kind"].dtype) == "category"


def test_agency_mentions_deadlines_targets(study):
    a = pf.agency_mentions(study)
    assert set(a["role"].cat.categories) <= {"lead", "support"}
    assert len(a) == sum(len(m.lead) + len(m.support) for p in study for m in p.measures)
    assert a["canonical"].notna().mean() > 0.5  # most agencies resolve to an ontology id
    d = pf.deadlines(study)
    assert set(d["kind"].cat.categories) <= {"dated", "recurring", "ongoing", "other"}
    assert d.loc[d["kind"] == "dated", "due"].notna().all()
    assert d.loc[d["kind"] != "dated", "due"].isna().all()
    t = pf.targets(study)
    assert str(t["year"].dtype) == "Int64" and str(t["baseline_year"].dtype) == "Int64"
    assert t["value"].dtype == "float64" and t["baseline"].dtype == "float64"
    assert t["agencies"].map(type).eq(list).all()
    assert not (t["year"].dropna() % 1).any() and t["year"].dropna().between(1990, 2060).all()
    for frame in (a, d, t):
        assert_unique_columns(frame)


def test_coverage_similarity_pmc(study):
    c = pf.coverage(study)
    keys = pf.plan_keys(study)
    assert c.groupby("plan").ngroups == len(study)
    wide = c.pivot(index="theme", columns="plan", values="share")
    assert list(wide.columns) == sorted(keys) and wide.columns.is_unique
    tools = pf.coverage_wide(study, "policy_tools")
    assert tools.index.names == ["parent", "theme"] and list(tools.columns) == keys
    assert ("supply", "funding") in tools.index and ("supply", "supply") in tools.index
    assert tools.index.is_unique and tools.shape[0] == len(plancmp.load_scheme("policy_tools").themes)
    s = pf.plan_matrix(study)
    assert list(s.columns) == keys and list(s.index) == keys
    with_measures = [len(p.measures) > 0 for p in study]
    assert (s.to_numpy().diagonal()[with_measures] > 0.999).all()
    p = pf.pmc(study)
    assert p["score"].dtype == "float64" and set(p["variable"]) >= {"X1", "PMC"}
    grades = pf.pmc_grades(study)
    assert str(grades["grade"].dtype) == "category" and grades["pmc"].dtype == "float64"
    best = plancmp.similar(study, top_k=1).to_pandas()
    assert list(best.columns) == plancmp.Similarity.COLUMNS
    assert set(best["plan"]) <= set(keys) and best["text"].str.len().min() > 0
    no_excerpts(best)


def test_ningbo_diff_and_gaps_full_text(seed):
    old, new = seed(NINGBO_2017), seed(NINGBO_2020)
    d = pf.diff(old, new)
    table = plancmp.diff(old, new).to_table()
    # The Markdown view cuts long evidence; the data keeps every character.
    assert any(isinstance(v, str) and v.endswith("…") for row in table.shown_rows for v in row)
    df = table.to_pandas()
    no_excerpts(df)
    no_excerpts(d)
    assert str(d["kind"].dtype) == "category" and str(d["old_begin"].dtype) == "Int64"
    carried = d[d["old_text"].notna()].iloc[0]
    assert carried["old_text"] == old.source_text(plancmp.Span(carried["old_begin"], carried["old_end"])).strip() \
        or carried["old_text"] in old.source_text(plancmp.Span(carried["old_begin"], carried["old_end"]))
    g = pf.gaps(new, [old])
    no_excerpts(g)
    gap_table = plancmp.gaps(new, [old]).to_table().to_pandas()
    no_excerpts(gap_table)
    # Empty cells are missing values, not '' (a gap with no counterpart has no subject evidence).
    assert not (gap_table == "").any().any() and gap_table.isna().any().any()


def test_agency_networks_join(study):
    nx = pytest.importorskip("networkx")
    g = plancmp.agency_networks_to_networkx(study)
    edges = nx.to_pandas_edgelist(g)
    assert {"source", "target", "weight"} <= set(edges.columns) and edges.columns.is_unique
    one = [p for p in study if len(p.agencies) > 3]
    assert len(one) >= 2
    g1, g2 = one[0], one[1]
    n1, n2 = plancmp.agency_network(g1).to_networkx(), plancmp.agency_network(g2).to_networkx()
    # Nodes are canonical ids: the same agency in two plans is one node of their union.
    assert set(n1.nodes) | set(n2.nodes) <= set(g.nodes)
    shared = set(n1.nodes) & set(n2.nodes)
    assert shared, "two plans with agencies share at least one canonical agency"
    for key in shared:
        assert {pf.plan_keys(study)[study.index(g1)], pf.plan_keys(study)[study.index(g2)]} <= set(g.nodes[key]["plans"])
    composed = nx.compose(n1, n2)
    assert set(composed.nodes) == set(n1.nodes) | set(n2.nodes)


def test_dask_top_k_same_frame(study):
    distributed = pytest.importorskip("distributed")
    import logging
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the dashboard's optional dependencies
        cluster = distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                           dashboard_address=None, silence_logs=logging.ERROR)
        client = distributed.Client(cluster)
    try:
        sharded = plancmp.dask.similar(client, study[:8], top_k=2).to_pandas()
    finally:
        client.close()
        cluster.close()
    single = plancmp.similar(study[:8], top_k=2, threads=1).to_pandas()
    assert isinstance(sharded, pd.DataFrame) and sharded.equals(single)


def cli_header(cli, *args):
    out = subprocess.run([cli, *args, "--format", "csv"], capture_output=True, text=True, check=True,
                         cwd=ROOT).stdout
    return next(csv.reader(io.StringIO(out)))


def test_column_key_is_snake_case_for_words_and_keeps_names():
    assert plancmp.column_key("similar plan") == "similar_plan"
    assert plancmp.column_key("passage in A") == "passage_in_a"
    assert plancmp.column_key("b − a") == "b_a"
    assert plancmp.column_key("followers (borrowed)") == "followers_borrowed"
    assert plancmp.column_key("宁波市 2020") == "宁波市 2020"
    assert plancmp.column_key("职能") == "职能"
    assert pf.snake_case("F1 learned") == "f1_learned"


def test_cli_csv_headers_match_python_columns(cli, seeds):
    targets = cli_header(cli, "targets", "--long", "seeds/001_e9d616c0cc0faf37.txt")
    assert targets == list(pf.targets([seeds[1]]).columns)
    similar = cli_header(cli, "similar", "--top-k", "1", "seeds/000_edee8db098a98e76.txt",
                         "seeds/001_e9d616c0cc0faf37.txt")
    assert similar == plancmp.Similarity.COLUMNS[: len(similar)]
    reuse = cli_header(cli, "reuse", "seeds/000_edee8db098a98e76.txt", "seeds/004_b234aa7c753f2ac8.txt")
    assert reuse == ["measure_a", "measure_b", "characters", "identity", "score", "passage_in_a", "passage_in_b"]
    assert set(reuse) <= set(plancmp.dask.REUSE_COLUMNS)
    seeds_pair = [seeds[0], seeds[4]]
    table = plancmp.reuse(*seeds_pair).to_table()
    assert table.keys == reuse and list(table.to_pandas().columns) == reuse
    assert list(table.to_records()[0]) == reuse
    assert list(pf.table(table).columns) == reuse
    pmc = pf.table(plancmp.pmc_table(plancmp.pmc(seeds_pair)))
    assert list(pmc.columns) == ["variable"] + pf.plan_keys(seeds_pair)
    # The CLI's CSV names every column by column_key, with no name twice.
    for args in (["parse", "seeds/000_edee8db098a98e76.txt", "seeds/004_b234aa7c753f2ac8.txt"],
                 ["coverage", "seeds/000_edee8db098a98e76.txt", "seeds/004_b234aa7c753f2ac8.txt"],
                 ["diff", "seeds/004_b234aa7c753f2ac8.txt", "seeds/000_edee8db098a98e76.txt"],
                 ["gaps", "seeds/000_edee8db098a98e76.txt", "--against", "seeds/004_b234aa7c753f2ac8.txt"]):
        header = cli_header(cli, *args)
        assert len(set(header)) == len(header), args
        assert all(h == plancmp.column_key(h) for h in header), (args, header)


def test_errors_a_python_user_can_act_on(tmp_path):
    with pytest.raises(plancmp.IoError, match="is a folder"):
        plancmp.parse(str(ROOT / "seeds"))
    with pytest.raises(plancmp.IoError, match="000_edee8db098a98e76"):
        plancmp.parse("seeds/000_edee8db098a98e76")
    readme = tmp_path / "README.md"
    readme.write_text("# not a plan\n", encoding="utf-8")
    with pytest.raises(plancmp.IoError, match=r"README\.md: has '\.md'") as e:
        plancmp.parse(readme)
    assert e.value.path == str(readme)
    with pytest.raises(ValueError, match="top_k must be an integer ≥ 1, not -1"):
        plancmp.similar(plancmp.seeds()[:2], top_k=-1)
    with pytest.raises(ValueError, match="threshold must be in"):
        plancmp.similar(plancmp.seeds()[:2], mode="lsh", threshold=2.0)
    with pytest.raises(ValueError, match="encoding 'latin-9' is not one plancmp reads"):
        plancmp.parse(str(ROOT / "seeds" / NINGBO_2020), encoding="latin-9")
    ningbo = (ROOT / "seeds" / NINGBO_2020).read_text(encoding="utf-8")
    with pytest.raises(plancmp.DecodeError, match=r"from Python: plancmp\.parse\(\.\.\., encoding='gb18030'\)") as e:
        plancmp.parse(ningbo.encode("gb18030"), encoding="utf-8")
    assert e.value.path == "<bytes>" and e.value.byte == 0
    gbk = tmp_path / "plan.txt"
    gbk.write_bytes((ROOT / "seeds" / NINGBO_2020).read_text(encoding="utf-8").encode("gb18030"))
    assert plancmp.parse(gbk, encoding="gbk").title == plancmp.parse(str(ROOT / "seeds" / NINGBO_2020)).title


RESTARTED = """某市知识产权保护工作方案

一、重点任务
1.加强专利行政保护,严厉打击侵权假冒行为。(市市场监管局)
2.推进商标品牌建设,培育一批知名品牌。(市市场监管局)
同时,围绕服务体系建设开展以下工作:
1.完善知识产权公共服务体系,建设服务网点。(市科技局)
2.强化知识产权人才培养,举办专题培训。(市人社局)
"""


def test_restarted_numbering_gets_a_series_mark():
    p = plancmp.parse(RESTARTED)
    ids = [m.id for m in p.measures]
    assert len(ids) == len(set(ids)) == 4, ids
    assert ids[:2] == ["一.1", "一.2"] and ids[2:] == ["一.1~2", "一.2~2"], ids
    assert p.find_measure("一.1~2").text.startswith("完善知识产权公共服务体系")
    frame = pf.measures([p])
    assert frame.set_index(["plan", "id"]).index.is_unique


def test_every_corpus_plan_has_unique_keys_and_ids():
    files = corpus_files(n=None)
    corpus = plancmp.load_dir([str(f) for f in files], threads=2)
    plans = list(corpus.plans)
    assert len(plans) == len(files) and not corpus.failures
    assert len(set(pf.plan_keys(plans))) == len(plans)
    for frame in (pf.measures(plans), pf.goals(plans)):
        assert frame.set_index(["plan", "id"]).index.is_unique
