"""plancmp.dask on a LocalCluster of two worker processes: results identical to the
single-process run."""

import numpy as np
import pytest

import plancmp
import plancmp.dask
import plancmp.synthetic

distributed = pytest.importorskip(
    "distributed", reason="dask.distributed is not importable (Debian package python3-distributed)")


@pytest.fixture(scope="module")
def client():
    import logging
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the dashboard's optional dependencies
        cluster = distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                           dashboard_address=None, silence_logs=logging.ERROR)
        c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


@pytest.fixture(scope="module")
def corpus():
    # A few hundred measures: 8 synthetic plans of 40 items, with planted copies.
    return plancmp.synthetic.synthetic_plans(8, 40)


def test_synthetic_corpus_is_deterministic(corpus):
    assert [len(p.measures) for p in corpus] == [40] * 8
    again = plancmp.synthetic.synthetic_plans(8, 40)
    assert [p.measures for p in again] == [p.measures for p in corpus]


@pytest.mark.parametrize("mode", ["exact", "pruned"])
def test_top_k_identical_to_single_process(client, corpus, mode):
    vectors = plancmp.vectorize(corpus)
    single = vectors.top_k(5, mode=mode).array
    sharded = plancmp.dask.top_k(client, vectors, top_k=5, mode=mode, block_rows=37)
    assert len(single) > 0
    assert np.array_equal(sharded, single)
    default_blocks = plancmp.dask.top_k(client, vectors, top_k=5, mode=mode)
    assert np.array_equal(default_blocks, single)


def test_similar_identical_to_single_process(client, corpus):
    single = plancmp.similar(corpus, top_k=3).to_pandas()
    sharded = plancmp.dask.similar(client, corpus, top_k=3).to_pandas()
    assert sharded.equals(single)
    # The planted copies are found with score 1.
    assert (sharded["score"] > 0.999).sum() >= 8


def test_reuse_identical_to_single_process(client, corpus):
    plans = corpus[:5]
    sharded = plancmp.dask.reuse(client, plans, block_rows=2)
    single = plancmp.dask.reuse_rows(plans, 0, len(plans))
    assert len(sharded) == len(single) > 0
    assert sharded.equals(plancmp.dask.reuse_frame(plans, single))
    # One return type per kind of result: the single-process frame is the same DataFrame.
    assert sharded.equals(plancmp.frames.reuse(plans))
    direct = plancmp.reuse(plans[0], plans[1])
    keys = plancmp.frames.plan_keys(plans)
    first = sharded[(sharded["plan_a"] == keys[0]) & (sharded["plan_b"] == keys[1])]
    assert list(first["id_a"]) == [p.id_a for p in direct.passages]


def test_diffusion_identical_to_single_process(client, seed):
    from conftest import DISTRICT, GANSU, HENGSHUI, NINGBO_2017, NINGBO_2020

    plans = [seed(n) for n in (NINGBO_2020, HENGSHUI, GANSU, DISTRICT, NINGBO_2017)]
    single = plancmp.diffusion(plans, threads=1)
    sharded = plancmp.dask.diffusion(client, plans, block_rows=29)
    assert sharded.rows == (0, len(single.attributions))
    assert sharded.to_json() == single.to_json()
    borrowed = [(a.plan, a.id, a.source_plan, a.source_id) for a in sharded.attributions if a.source_plan is not None]
    assert borrowed == [(0, "四.(十三)", 4, "三.(一).1.(2)"), (0, "五.(十八)", 4, "三.(一).3")]
