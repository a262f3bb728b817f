"""Policy diffusion from Python: sources, DataFrames and the networkx network, on the seeds."""

import pytest

import plancmp
from conftest import DISTRICT, GANSU, HENGSHUI, NINGBO_2017, NINGBO_2020


def test_ningbo_2020_inherits_from_ningbo_2017(seed):
    plans = [seed(n) for n in (NINGBO_2020, HENGSHUI, GANSU, DISTRICT, NINGBO_2017)]
    d = plancmp.diffusion(plans, threads=1)
    borrowed = [a for a in d.attributions if a.source_plan is not None]
    assert sorted(a.id for a in borrowed) == ["五.(十八)", "四.(十三)"]
    for a in borrowed:
        assert a.plan == 0 and a.source_plan == 4
        assert a.relation == "same place" and a.grade == "adapted"
        for p in a.passages:
            original = plans[0].source_text(p.span)
            assert original[:4] == p.text[:4]
            assert p.length >= 20

    tables = plancmp.diffusion_tables(d)
    assert list(tables["attributions"]["grade"]) == ["adapted", "adapted"]
    assert list(tables["edges"]["relation"]) == ["same place"]
    assert len(tables["plans"]) == 5
    timeline = d.timeline_table(plans, plancmp.CodingScheme.builtin("ip_value_chain")).to_pandas()
    assert len(timeline) > 0


def test_network_to_networkx(seed):
    pytest.importorskip("networkx")
    plans = [seed(n) for n in (NINGBO_2020, NINGBO_2017)]
    g = plancmp.diffusion_to_networkx(plancmp.diffusion(plans, threads=1))
    assert g.is_directed()
    assert g.nodes["p1"]["label"] == "宁波市 2017"
    assert g.edges["p1", "p0"]["weight"] == 2
    assert g.edges["p1", "p0"]["relation"] == "same place"
