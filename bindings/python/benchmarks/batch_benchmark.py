#!/usr/bin/python3
"""Batch pricing from Python against the same pricing from C++ (docs/performance.md,
"Python batch pricing").

    PYTHONPATH=build/release/bindings/python /usr/bin/python3 \
        bindings/python/benchmarks/batch_benchmark.py --lines 1000000 \
        --timing build/release/bindings/python/tariff_price_timing

Generates N work lines of the facilities tariff of benchmarks/pricing_benchmark.cpp (night and
weekend group, a regional table, loyalty by contract year, a billing step and a minimum): two
thirds timed HVAC jobs of 20 minutes to 5 hours starting at any quarter hour of March 2026, one
third counted visits, sites in three regions. They are written as CSV files, which the C++
program tariff_price_timing reads (untimed) and prices, trace off, twice: with tariff::price in
chunks of 4 096 ("cpp") and with tariff::price_into into a kept vector in batches of 256
("cpp_into", the calls price_table makes); and read
with tariff.read_table into a DataFrame of text (untimed), which is priced with
Tariff.price_table for each money mode. What is timed on the Python side is the whole call:
reading the columns into work lines, pricing, and building the result DataFrame. Both sides
report the best of --repeats runs, and the sum of the amounts, which must agree. Each Python
figure has its ratio to both C++ figures, and the minor page faults of its best call: fresh
memory is what a table's columns cost most where page faults are slow (virtual machines). With
--fresh, money="minor" is also timed in a new process that only reads the CSV and prices it, as
a script would: what a call pays for fresh memory depends on what the process allocated before.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import pathlib
import subprocess
import sys
import tempfile
import time
from decimal import Decimal

import numpy as np
import pandas as pd

import tariff

# The facilities tariff the C++ pricing benchmark prices too.
FACILITIES = (pathlib.Path(__file__).resolve().parents[3] / "benchmarks" / "facilities"
              / "facilities.tariff").read_text(encoding="utf-8")

CONTRACTS = "id,client,pricelist,start,end,client_since\nC-1,K-1,retail,2026-01-01,2026-12-31,2023-06-01\n"


def work_frame(n: int, seed: int = 20261124) -> pd.DataFrame:
    """N lines as text, as a CSV export of a host's work would read."""
    rng = np.random.default_rng(seed)
    march = np.datetime64("2026-02-28T21:00:00", "s")  # 2026-03-01 00:00 in Moscow, in UTC
    start = march + (15 * 60 * rng.integers(0, 31 * 96, n)).astype("timedelta64[s]")
    visit = np.arange(n) % 3 == 2
    minutes = rng.integers(20, 300, n)
    end = start + (minutes * 60).astype("timedelta64[s]")
    regions = np.array(["moscow", "tula", "kaluga"], dtype=object)[rng.integers(0, 3, n)]
    return pd.DataFrame({
        "id": np.char.add("L", np.arange(n).astype(str)).astype(object),
        "contract": np.full(n, "C-1", dtype=object),
        "item": np.where(visit, "engineer_visit", "hvac_repair").astype(object),
        "start": np.datetime_as_string(start, unit="s", timezone="UTC").astype(object),
        "end": np.where(visit, "", np.datetime_as_string(end, unit="s", timezone="UTC")).astype(object),
        "quantity": np.where(visit, "1", "").astype(object),
        "site.region": regions,
    })


def best(run, repeats: int) -> tuple[float, int, object]:
    """The best time of ``repeats`` calls, the minor page faults of that call, and the last
    result."""
    runs, result = [], None
    for _ in range(repeats):
        result = None  # the previous result is freed before the clock starts
        faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        begin = time.perf_counter()
        result = run()
        runs.append((time.perf_counter() - begin,
                     resource.getrusage(resource.RUSAGE_SELF).ru_minflt - faults))
    return *min(runs), result


def fresh_process(folder: pathlib.Path, repeats: int) -> None:
    """The child of --fresh: reads the CSV and times price_table with money="minor", as a
    script that does nothing else would, and prints the best call and its page faults."""
    t = tariff.compile(FACILITIES, file="facilities.tariff")
    frame = tariff.read_table(folder / "work.csv")
    contracts = tariff.read_contracts_csv(CONTRACTS)
    b, page_faults, table = best(lambda: t.price_table(contracts, frame, money="minor"), repeats)
    total = format(Decimal(int(table["amount"].sum())).scaleb(-2), "f")
    print(json.dumps({"best_s": b, "page_faults": page_faults, "amount_total": total}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=3, help="runs per round, best kept")
    parser.add_argument("--rounds", type=int, default=3, help="rounds alternating C++ and Python")
    parser.add_argument("--timing", help="the tariff_price_timing program (C++ side)")
    parser.add_argument("--keep", help="write the files to this directory and keep them")
    parser.add_argument("--fresh", action="store_true",
                        help='also time money="minor" in a new process that only reads the CSV '
                             "and prices it (the benchmark's own allocations change what a call "
                             "pays for fresh memory)")
    parser.add_argument("--child", help=argparse.SUPPRESS)  # the process --fresh starts
    args = parser.parse_args()
    if args.child:
        fresh_process(pathlib.Path(args.child), args.repeats)
        return 0

    work = work_frame(args.lines)
    t = tariff.compile(FACILITIES, file="facilities.tariff")
    folder = pathlib.Path(args.keep or tempfile.mkdtemp(prefix="tariff-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "facilities.tariff").write_text(FACILITIES)
    (folder / "contracts.csv").write_text(CONTRACTS)
    work.to_csv(folder / "work.csv", index=False)
    # The same text as the C++ side reads, through the reader analysts use.
    frame = tariff.read_table(folder / "work.csv")
    contracts = tariff.read_contracts_csv(CONTRACTS)

    # Typed timestamps: the same instants as a tz-aware datetime64 column (no text to parse).
    typed = frame.copy()
    for column in ("start", "end"):
        typed[column] = pd.to_datetime(typed[column].replace("", None), utc=True)

    # Rounds alternate the C++ program and the Python calls, so both see the same machine load;
    # each figure is the best over all rounds.
    # C++ priced with tariff::price in chunks of 4 096 rows (as price_table reads them), and with
    # price_into into a kept vector in batches of 256 (as price_table prices them).
    cpp_runs = {"cpp": ("price", "4096"), "cpp_into": ("into", "256")}
    runs = {"cpp": [], "cpp_into": [], "minor": [], "str": [], "decimal": [],
            "minor, typed timestamps": [], "minor, fresh process": []}
    totals, faults = {}, {}
    for _ in range(args.rounds):
        for name, (way, chunk) in cpp_runs.items() if args.timing else ():
            out = subprocess.run([args.timing, str(folder / "facilities.tariff"),
                                  str(folder / "contracts.csv"), str(folder / "work.csv"),
                                  str(args.repeats), chunk, way],
                                 check=True, capture_output=True, text=True)
            cpp = json.loads(out.stdout)
            runs[name].append(cpp["best_s"])
            totals[name] = cpp["amount_total"]
        for name in ("minor", "str", "decimal", "minor, typed timestamps"):
            money = name.split(",")[0]
            table_in = typed if "typed" in name else frame
            b, page_faults, table = best(lambda: t.price_table(contracts, table_in, money=money),
                                         args.repeats)
            if not runs[name] or b < min(runs[name]):
                faults[name] = page_faults
            runs[name].append(b)
            if money == "minor":
                totals[name] = format(Decimal(int(table["amount"].sum())).scaleb(-2), "f")
            else:
                totals[name] = format(sum(Decimal(x) for x in table["amount"].dropna()), "f")
            table = None
        if args.fresh:
            out = subprocess.run([sys.executable, __file__, "--child", str(folder),
                                  "--repeats", str(args.repeats)],
                                 check=True, capture_output=True, text=True)
            child = json.loads(out.stdout)
            name = "minor, fresh process"
            if not runs[name] or child["best_s"] < min(runs[name]):
                faults[name] = child["page_faults"]
            runs[name].append(child["best_s"])
            totals[name] = child["amount_total"]

    report = {"lines": args.lines, "rounds": args.rounds, "repeats": args.repeats}
    for name, times in runs.items():
        if times:
            report[name] = {"best_s": round(min(times), 4), "amount_total": totals[name]}
            if name in faults:
                report[name]["page_faults"] = faults[name]
    if runs["cpp"]:
        for name in (n for n in runs if runs[n]):  # "minor, fresh process" only with --fresh
            for cpp in cpp_runs:
                report[name][f"ratio_to_{cpp}"] = round(
                    report[name]["best_s"] / report[cpp]["best_s"], 2)
            if totals[name] != totals["cpp"]:
                print(f"amounts differ: {name}", file=sys.stderr)
                return 1
    print(json.dumps(report, indent=2))
    if not args.keep:
        for name in ("facilities.tariff", "contracts.csv", "work.csv"):
            os.remove(folder / name)
        folder.rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main())
