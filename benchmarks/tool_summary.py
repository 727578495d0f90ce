#!/usr/bin/python3
"""Turns the outputs of one benchmarks/tool_speed into its JSON summary (issue 23): each path's
lines per CPU second, the ratios of the tool to the library on the same lines from the same run,
the baselines, and the targets, met or not.

    tool_summary.py DIR REPETITIONS LOAD_BEFORE LOAD_AFTER BUILD

DIR holds library_date.json and library_contract.json (library_speed on the export by date and
by contract), python.json (python_end_to_end.py), NAME.time.N (/usr/bin/time's "user system
max_rss_kb" of run N of each tool command), price_csv.1.csv and bill_csv.1.csv (the first run's
CSV outputs, whose sums are checked against the library's totals) and date/work.csv.
"""
import csv
import datetime
import json
import os
import statistics
import sys
from decimal import Decimal

from machine import cmake_cache, compiler, cpu

folder, reps, load_before, load_after, build = sys.argv[1:6]
reps = int(reps)


def load(name):
    with open(f"{folder}/{name}") as f:
        return json.load(f)


def column_sum(path, column):
    total = Decimal("0")
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            if row[column]:
                total += Decimal(row[column])
    return total


library = load("library_date.json")
by_contract = load("library_contract.json")
python = load("python.json")
lines = library["lines"]

COMMANDS = {  # name: (command line, what the library figure it is judged against)
    "price_csv": "tariff price -t T -c C -w W -f csv -o out.csv",
    "price_table": "tariff price -t T -c C -w W -o out.txt",
    "bill_csv": "tariff bill -t T -c C -w W -f csv -o out.csv --period 2026-03",
    "bill_text": "tariff bill -t T -c C -w W -o out.txt --period 2026-03",
    "bill_json": "tariff bill -t T -c C -w W -f json -o out.json --period 2026-03",
}
tool = {}
for name, command in COMMANDS.items():
    runs = []
    for i in range(1, reps + 1):
        with open(f"{folder}/{name}.time.{i}") as f:
            user, system, rss = f.read().split()[-3:]
        runs.append((float(user) + float(system), int(rss) / 1024))
    seconds = statistics.median(r[0] for r in runs)
    tool[name] = {"command": command, "seconds": seconds, "lines_per_second": lines / seconds,
                  "seconds_all": [r[0] for r in runs],
                  "max_rss_mb": max(r[1] for r in runs)}


def seconds(name):
    return library[name]["seconds"]


# Each tool command against the library path doing the same work: `price -f csv` carries every
# line's trace (the tool prices with the trace on), the table and the text do not unless
# --explain, `bill -f csv` and the text bill with the trace off, `bill -f json` with it on.
JUDGED = {
    "price_csv": "price_into_trace_on", "price_table": "price_into_trace_off",
    "bill_csv": "bill_trace_off", "bill_text": "bill_trace_off", "bill_json": "bill_trace_on",
}
ratios = {}
for name, against in JUDGED.items():
    ratios[f"{name}_over_library_{against}"] = tool[name]["seconds"] / seconds(against)
ratios["price_csv_over_library_price_into_trace_off"] = (
    tool["price_csv"]["seconds"] / seconds("price_into_trace_off"))
ratios["bill_json_over_library_bill_trace_off"] = (
    tool["bill_json"]["seconds"] / seconds("bill_trace_off"))
ratios["bill_over_price_into_per_line_trace_off"] = (
    seconds("bill_trace_off") / seconds("price_into_trace_off"))
ratios["bill_over_price_into_per_line_trace_on"] = (
    seconds("bill_trace_on") / seconds("price_into_trace_on"))
ratios["price_into_over_by_hand"] = seconds("price_into_trace_off") / seconds("by_hand")
ratios["python_end_to_end_over_tool_price_csv"] = python["seconds"] / tool["price_csv"]["seconds"]
ratios["read_work_csv_over_price_into_trace_off"] = (
    library["read_work_csv"]["seconds"] / seconds("price_into_trace_off"))

priced_sum = column_sum(f"{folder}/price_csv.1.csv", "amount")
billed_sum = column_sum(f"{folder}/bill_csv.1.csv", "total")
totals_equal = (Decimal(library["engine_amount"]) == Decimal(library["by_hand_amount"]) ==
                Decimal(python["amount"]) == priced_sum and
                Decimal(library["engine_cost"]) == Decimal(library["by_hand_cost"]) ==
                Decimal(python["cost"]) and
                Decimal(library["billed_total"]) == billed_sum and python["rejected"] == 0)


def target(name, measured, goal, met, unit, judged_on=None):
    row = {"target": name, "goal": goal, "measured": measured, "unit": unit, "met": met}
    if judged_on:
        row["judged_on"] = judged_on
    return row


r = ratios
targets = [
    target("tariff price -f csv -o, against price_into on the lines in memory",
           r["price_csv_over_library_price_into_trace_on"], "<= 2x",
           r["price_csv_over_library_price_into_trace_on"] <= 2, "x",
           "price_into, trace on: the CSV carries every line's trace"),
    target("tariff price -f csv -o, throughput", tool["price_csv"]["lines_per_second"],
           ">= 1 000 000 lines/s", tool["price_csv"]["lines_per_second"] >= 1e6,
           "lines per CPU second"),
    target("tariff bill -f csv -o, against bill on the lines in memory",
           r["bill_csv_over_library_bill_trace_off"], "<= 2x",
           r["bill_csv_over_library_bill_trace_off"] <= 2, "x", "bill, trace off"),
    target("tariff price (table) -o, against price_into",
           r["price_table_over_library_price_into_trace_off"], "<= 3x",
           r["price_table_over_library_price_into_trace_off"] <= 3, "x", "price_into, trace off"),
    target("tariff bill (text) -o, against bill", r["bill_text_over_library_bill_trace_off"],
           "<= 3x", r["bill_text_over_library_bill_trace_off"] <= 3, "x", "bill, trace off"),
    target("totals of the library, the hand pricer, Python and the tool", totals_equal,
           "equal to the cent", totals_equal, ""),
]

summary = {
    "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
    "machine": {"cpu": cpu(), "cores": os.cpu_count(), "load_before": load_before,
                "load_after": load_after, "build_dir": build, "compiler": compiler(build),
                "build_type": cmake_cache(build, "CMAKE_BUILD_TYPE"), "python": python["python"]},
    "command": f"benchmarks/tool_speed {lines}",
    "repetitions": reps,
    "statistic": "median CPU seconds (user + system) of the repetitions: the tool's by "
                 "/usr/bin/time, the library's by CLOCK_PROCESS_CPUTIME_ID; Python's one run",
    "export": {"lines": lines, "contracts": library["contracts"],
               "work_bytes": library["work_bytes"], "contracts_bytes": library["contracts_bytes"],
               "the_tool_reads": "the export by date (as an ITSM system's); the library's "
                                 "figures are from the same file, its lines grouped by contract "
                                 "before timing"},
    "readers": {
        "by_date": library["read_work_csv"], "by_contract": by_contract["read_work_csv"],
        "contracts": library["read_contracts_csv"],
        "what": "read_work_csv and read_contracts_csv on the files' text already in memory; "
                "the Google Benchmark of the reader is the other figure of it",
    },
    "library": {k: library[k] for k in ("price_into_trace_off", "price_into_trace_on",
                                        "bill_trace_off", "bill_trace_on")},
    "library_by_contract_order": {k: by_contract[k] for k in (
        "price_into_trace_off", "price_into_trace_on", "bill_trace_off", "bill_trace_on",
        "by_hand")},
    "tool": tool,
    "tool_what": "the whole process: compiling the tariff, reading both files, grouping, "
                 "pricing or billing, formatting and writing the output file (-o)",
    "by_hand": library["by_hand"],
    "python_end_to_end": {k: python[k] for k in ("seconds", "lines_per_second", "what")},
    "ratios": ratios,
    "totals_on_same_lines": {
        "engine_amount": library["engine_amount"], "by_hand_amount": library["by_hand_amount"],
        "python_amount": python["amount"], "tool_price_csv_amount": str(priced_sum),
        "engine_cost": library["engine_cost"], "by_hand_cost": library["by_hand_cost"],
        "python_cost": python["cost"], "library_billed_total": library["billed_total"],
        "tool_bill_csv_total": str(billed_sum), "equal_to_the_cent": totals_equal,
    },
    "targets": targets,
}
print(json.dumps(summary, indent=2))
