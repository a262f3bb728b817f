#!/usr/bin/python3
"""plancmp.dask: wall time of sharded all-pairs top-k and reuse detection on a LocalCluster
of 1 and of 2 worker processes (one thread each), against the single-process run
(threads=1), on a synthetic corpus built from the seeds (plancmp.synthetic). Medians of
--repeat runs; every sharded result is checked identical to the single-process one.

    build/venv/bin/python bench/bench_dask.py [--plans 80] [--measures 40] [--repeat 3]
"""

import argparse
import logging
import statistics
import time
import warnings

import numpy as np

import plancmp
import plancmp.dask
import plancmp.synthetic


def median_seconds(run, repeat):
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plans", type=int, default=80)
    parser.add_argument("--measures", type=int, default=40, help="measures per plan")
    parser.add_argument("--reuse-plans", type=int, default=16, help="plans for the reuse run")
    parser.add_argument("--top-k", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from dask.distributed import Client, LocalCluster

    plans = plancmp.synthetic.synthetic_plans(args.plans, args.measures)
    vectors = plancmp.vectorize(plans)
    print(f"corpus: {len(plans)} plans, {vectors.shape[0]} measures, {vectors.shape[1]} features; "
          f"reuse on the first {args.reuse_plans} plans; medians of {args.repeat} runs")
    reuse_plans = plans[: args.reuse_plans]
    t_single, single = median_seconds(lambda: vectors.top_k(args.top_k, threads=1).array, args.repeat)
    r_single, single_reuse = median_seconds(
        lambda: plancmp.dask.reuse_rows(reuse_plans, 0, len(reuse_plans)), args.repeat)
    print(f"{'run':<22}{'top-k s':>10}{'reuse s':>10}")
    print(f"{'single process':<22}{t_single:>10.3f}{r_single:>10.3f}")
    for workers in (1, 2):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            cluster = LocalCluster(n_workers=workers, processes=True, threads_per_worker=1,
                                   dashboard_address=None, silence_logs=logging.ERROR)
            client = Client(cluster)
        try:
            t, sharded = median_seconds(
                lambda: plancmp.dask.top_k(client, vectors, top_k=args.top_k), args.repeat)
            assert np.array_equal(sharded, single), "sharded top-k differs from the single-process run"
            r, sharded_reuse = median_seconds(
                lambda: plancmp.dask.reuse(client, reuse_plans), args.repeat)
            assert sharded_reuse.equals(plancmp.dask.reuse_frame(reuse_plans, single_reuse))
        finally:
            client.close()
            cluster.close()
        print(f"{f'dask, {workers} worker(s)':<22}{t:>10.3f}{r:>10.3f}")


if __name__ == "__main__":
    main()
