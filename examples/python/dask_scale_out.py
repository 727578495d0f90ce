#!/usr/bin/python3
"""Tens of millions of synthetic work lines priced across the workers of a Dask cluster
(docs/performance.md, "Python batch pricing"; not run in CI).

    PYTHONPATH=build/release/bindings/python /usr/bin/python3 examples/python/dask_scale_out.py \
        --lines 20000000 --partitions 40 --workers 2

Without --scheduler it starts a LocalCluster on 127.0.0.1 (worker processes, one thread each);
with --scheduler tcp://HOST:8786 it uses the cluster you run (the workers need the tariff
package importable). Each partition's lines are generated on a worker (HVAC jobs and visits of
March 2026 under the facilities tariff of benchmarks/pricing_benchmark.cpp, start and end as
tz-aware datetime columns), priced there with tariff.dask.price_dataframe (money in integer
kopeks), and only the totals per item come back. Two runs are timed: generating and counting the
lines alone, then generating and pricing them; the difference is the pricing.
"""

import argparse
import pathlib
import time

import dask.dataframe as dd
import numpy as np
import pandas as pd
from distributed import Client, LocalCluster

import tariff
import tariff.dask

# The facilities tariff the C++ pricing benchmark prices too.
FACILITIES = (pathlib.Path(__file__).resolve().parents[2] / "benchmarks" / "facilities"
              / "facilities.tariff").read_text(encoding="utf-8")


def partition(number: int, rows: int) -> pd.DataFrame:
    """One partition of synthetic work, the same for the same number."""
    rng = np.random.default_rng(number)
    march = pd.Timestamp("2026-03-01T00:00:00+03:00").tz_convert("UTC")
    start = march + pd.to_timedelta(15 * 60 * rng.integers(0, 31 * 96, rows), unit="s")
    visit = (np.arange(rows) % 3) == 2
    end = start + pd.to_timedelta(60 * rng.integers(20, 300, rows), unit="s")
    return pd.DataFrame({
        "id": np.char.add(f"P{number}-", np.arange(rows).astype(str)).astype(object),
        "contract": np.full(rows, "C-1", dtype=object),
        "item": np.where(visit, "engineer_visit", "hvac_repair").astype(object),
        "start": start,
        "end": pd.Series(end).where(~visit, pd.NaT),
        "quantity": np.where(visit, 1, None),
        "site.region": np.array(["moscow", "tula", "kaluga"], dtype=object)[rng.integers(0, 3, rows)],
    })


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, default=20_000_000)
    parser.add_argument("--partitions", type=int, default=40)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=1, help="threads per worker")
    parser.add_argument("--scheduler", help="an existing cluster's scheduler address")
    args = parser.parse_args()

    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=args.threads,
                               processes=True, host="127.0.0.1", dashboard_address=None)
        client = Client(cluster)
    workers = len(client.scheduler_info()["workers"])
    rows = args.lines // args.partitions
    lines = rows * args.partitions
    work = dd.from_map(partition, range(args.partitions), rows=rows,
                       meta=partition(0, 0), divisions=None)

    t = tariff.compile(FACILITIES, file="facilities.tariff")
    contracts = [tariff.Contract("C-1", "K-1", "2026-01-01", "2026-12-31", pricelist="retail",
                                 client_since="2023-06-01")]

    begin = time.perf_counter()
    counted = len(work)  # computes every partition and counts its rows
    generate = time.perf_counter() - begin
    assert counted == lines

    priced = tariff.dask.price_dataframe(t, contracts, work, money="minor")
    begin = time.perf_counter()
    totals = priced.groupby("item")[["amount", "cost"]].sum().compute()
    both = time.perf_counter() - begin
    pricing = both - generate

    print(f"{lines:,} lines in {args.partitions} partitions on {workers} workers "
          f"x {args.threads} thread(s)")
    print(f"generate and count:  {generate:8.1f} s")
    print(f"generate and price:  {both:8.1f} s")
    print(f"pricing alone:       {pricing:8.1f} s  ({lines / pricing / 1e6:.2f} M lines/s, "
          f"{pricing * workers * args.threads / lines * 1e6:.2f} us per line per thread)")
    for item, row in totals.iterrows():
        print(f"  {item:15} amount {row.amount / 100:>18,.2f}  cost {row.cost / 100:>18,.2f} RUB")
    client.close()
    if cluster is not None:
        cluster.close()


if __name__ == "__main__":
    main()
