"""Plans and results are immutable and the heavy calls release the GIL: several threads
parse and compare at once and get what one thread gets."""

from concurrent.futures import ThreadPoolExecutor

import numpy as np

import plancmp
from conftest import SEEDS


def test_parse_and_compare_from_many_threads(seeds):
    files = sorted(SEEDS.glob("*.txt"))
    alone = [plancmp.parse(f) for f in files]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(plancmp.parse, files * 3))
    assert together == alone * 3

    def compare(_):
        m = plancmp.plan_matrix(seeds).score
        s = plancmp.similar(seeds, top_k=2, threads=1)
        r = plancmp.reuse(seeds[0], seeds[4])
        return m, s.matches.array.copy(), [(p.id_a, p.id_b) for p in r.passages]

    base = compare(0)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(compare, range(6)))
    for m, s, r in results:
        assert np.array_equal(m, base[0])
        assert np.array_equal(s, base[1])
        assert r == base[2]


def test_one_plan_shared_by_threads(seeds):
    p = seeds[1]
    def read(_):
        return [m.id for m in p.measures], p.to_json(), len(p.source_bytes(p.measures[0].span))
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(read, range(16)))
    assert all(r == results[0] for r in results)
