#!/usr/bin/python3
"""Baseline (b) end to end (issue 23): the plain Python `decimal` script of python_baseline.py,
reading the pinned export itself and writing its results, as an analyst's script would run.

    /usr/bin/python3 benchmarks/python_end_to_end.py DIR OUT.csv

reads DIR/contracts.csv and DIR/work.csv (written by work_export: site-local timestamps with
their UTC offset, `site.region`), prices every line with python_baseline.price_line, writes
OUT.csv (id,amount,cost, one row per line) and prints JSON: the line count, the amount and cost
totals (which must equal library_speed's engine totals to the cent) and the CPU seconds
(time.process_time) of the whole: reading both CSV files with the csv module (timestamps by
datetime.fromisoformat), pricing, and writing the output. Run it with Debian's /usr/bin/python3.
"""
import csv
import json
import os
import sys
import time
from datetime import date, datetime
from decimal import Decimal

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from python_baseline import price_line  # noqa: E402


def run(folder, out_path):
    contracts = {}
    with open(folder + "/contracts.csv", newline="") as f:
        for row in csv.DictReader(f):
            contracts[row["id"]] = (date.fromisoformat(row["client_since"]),
                                    date.fromisoformat(row["start"]), date.fromisoformat(row["end"]))
    zones = {}
    lines = 0
    amount = Decimal("0.00")
    cost = Decimal("0.00")
    rejected = 0
    with open(folder + "/work.csv", newline="") as f, open(out_path, "w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(("id", "amount", "cost"))
        for row in csv.DictReader(f):
            line = {
                "contract": row["contract"], "item": row["item"], "kind": row["kind"],
                "time_zone": row["time_zone"], "region": row["site.region"],
                "quantity": row["quantity"],
                "start": int(datetime.fromisoformat(row["start"]).timestamp()),
                "end": int(datetime.fromisoformat(row["end"]).timestamp()) if row["end"] else None,
            }
            lines += 1
            priced = price_line(line, contracts, zones)
            if priced is None:
                rejected += 1
                writer.writerow((row["id"], "", ""))
                continue
            amount += priced[0]
            cost += priced[1]
            writer.writerow((row["id"], priced[0], priced[1]))
    return lines, amount, cost, rejected


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: python_end_to_end.py DIR OUT.csv")
    began = time.process_time()
    lines, amount, cost, rejected = run(sys.argv[1], sys.argv[2])
    seconds = time.process_time() - began
    print(json.dumps({
        "lines": lines, "amount": str(amount), "cost": str(cost), "rejected": rejected,
        "seconds": seconds, "lines_per_second": lines / seconds,
        "what": "read contracts.csv and work.csv (csv module, datetime.fromisoformat), price "
                "every line (decimal, zoneinfo), write id,amount,cost to a file; CPU seconds "
                "(time.process_time)",
        "python": sys.version.split()[0],
    }))


if __name__ == "__main__":
    main()
