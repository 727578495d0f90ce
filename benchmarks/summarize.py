#!/usr/bin/python3
"""Turns the outputs of one benchmarks/run into its JSON summary: each figure with what it
includes, the baselines' ratios from the same run, and the targets of issues #10 and #24, met or
not.

    summarize.py DIR LOAD_BEFORE LOAD_AFTER BUILD REPETITIONS
"""
import datetime
import json
import sys
from decimal import Decimal

from machine import cmake_cache, compiler, cpu

folder, load_before, load_after, build, reps = sys.argv[1:6]


def medians(name):
    with open(f"{folder}/{name}.json") as f:
        data = json.load(f)
    found = {}
    for b in data["benchmarks"]:  # the median; a single run has no aggregates: the run itself
        if b.get("aggregate_name") == "median" or (
                b.get("run_type") == "iteration" and b["run_name"] not in found):
            found[b["run_name"]] = b
    return data["context"], found


def per_line_ns(b, lines):
    """Nanoseconds per line from a median whose time unit is in the record."""
    scale = {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}[b["time_unit"]]
    return b["real_time" if "/real_time" in b["run_name"] else "cpu_time"] * scale / lines


context, typical = medians("typical_benchmark")
_, front = medians("front_end_benchmark")
_, memory = medians("memory_benchmark")
_, facilities = medians("pricing_benchmark")
with open(f"{folder}/export.json") as f:
    export = json.load(f)
with open(f"{folder}/python.json") as f:
    python = json.load(f)

PRICING_LINES = 1000020
BILLING_LINES = 3000000
off = per_line_ns(typical["BM_price/trace:0"], PRICING_LINES)
on = per_line_ns(typical["BM_price/trace:1"], PRICING_LINES)
stream_off = per_line_ns(typical["BM_price_into/trace:0"], PRICING_LINES)
stream_on = per_line_ns(typical["BM_price_into/trace:1"], PRICING_LINES)
hand = per_line_ns(typical["BM_price_by_hand"], PRICING_LINES)
# The lean result (price_options::parts off, trace off; issue 24), and the floor: the hand-written
# pricer writing its figures into that result.
lean = per_line_ns(typical["BM_price_lean"], PRICING_LINES)
stream_lean = per_line_ns(typical["BM_price_into_lean"], PRICING_LINES)
floor = per_line_ns(typical["BM_price_by_hand_into_result"], PRICING_LINES)
two = next(b for n, b in typical.items() if n.startswith("BM_price_2_threads"))
# Google Benchmark 1.7 (Debian's) divides a threaded benchmark's reported time by its number of
# threads (google/benchmark#1833, fixed by #1836 in 1.9): the real_time of BM_price_2_threads is
# half the wall time. Its items_per_second (lines over wall time) is right, so the wall time per
# line comes from that. (Summaries before 2026-11-25 round 3 took real_time: half the wall time.)
two_ns = 1e9 / two["items_per_second"]
bill = per_line_ns(typical["BM_bill/trace:0"], BILLING_LINES)
py_ns = python["seconds_median"] * 1e9 / python["lines"]
compile_ms = per_line_ns(front["BM_compile/10000"], 1) / 1e6
check_ms = per_line_ns(front["BM_check/10000"], 1) / 1e6
retained = memory["BM_compiled_tariff_memory/10000"]["retained_bytes"]
peak = memory["BM_compiled_tariff_memory/10000"]["peak_bytes"]

totals_equal = (Decimal(export["engine_amount"]) == Decimal(python["amount"]) ==
                Decimal(export["by_hand_amount"]) and
                Decimal(export["engine_cost"]) == Decimal(python["cost"]) ==
                Decimal(export["by_hand_cost"]) and python["differ_count"] == 0)


# The pricing targets are judged on the stream figure (tariff::price_into, one result vector kept
# across the calls): a host pricing a stream of lines reuses its buffers, which is what the
# targets' "pricing throughput" is about. The one-shot tariff::price figure (a new result vector
# per call, built and dropped) is reported beside each of them, never hidden.
JUDGED_ON = ("tariff::price_into, trace off: a host pricing a stream reuses its result buffers; "
             "the one-shot tariff::price figure is reported beside it as one_shot_measured")


def target(name, measured, goal, met, unit, one_shot=None):
    """A target's row; `one_shot` is (measured, met) of tariff::price for the pricing targets."""
    row = {"target": name, "goal": goal, "measured": measured, "unit": unit, "met": met}
    if one_shot is not None:
        row["judged_on"] = "tariff::price_into"
        row["one_shot_measured"], row["one_shot_met"] = one_shot
    return row


summary = {
    "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
    "machine": {"cpu": cpu(), "cores": context.get("num_cpus"),
                "mhz": context.get("mhz_per_cpu"), "load_before": load_before,
                "load_after": load_after, "build_dir": build,
                "compiler": compiler(build), "build_type": cmake_cache(build, "CMAKE_BUILD_TYPE"),
                "google_benchmark_library_build_type": context.get("library_build_type"),
                "python": python["python"]},
    "command": "benchmarks/run",
    "repetitions": int(reps),
    "statistic": "median of the repetitions; CPU time, wall time for two threads",
    "pricing": {
        "what": "tariff::price of the typical tariff, 1 000 020 lines, one call per contract "
                "of 30 lines, results built and dropped",
        "trace_off_ns_per_line": off, "trace_off_lines_per_second": 1e9 / off,
        "trace_on_ns_per_line": on, "trace_on_lines_per_second": 1e9 / on,
        "stream_what": "tariff::price_into, the same calls into one result vector kept across "
                       "them (a host pricing a stream): each contract's results built in the "
                       "memory of the last's",
        "stream_trace_off_ns_per_line": stream_off,
        "stream_trace_off_lines_per_second": 1e9 / stream_off,
        "stream_trace_on_ns_per_line": stream_on,
        "stream_trace_on_lines_per_second": 1e9 / stream_on,
        "stream_over_by_hand": stream_off / hand, "python_over_stream": py_ns / stream_off,
        "one_shot_over_stream": off / stream_off,
        "two_threads_ns_per_line_wall": two_ns, "two_threads_lines_per_second": 1e9 / two_ns,
        "by_hand_ns_per_line": hand, "by_hand_lines_per_second": 1e9 / hand,
        "python_ns_per_line": py_ns, "python_lines": python["lines"],
        "engine_over_by_hand": off / hand, "python_over_engine": py_ns / off,
        "trace_on_over_off": on / off,
        "stream_trace_on_over_off": stream_on / stream_off,
        "lean_ns_per_line": lean, "stream_lean_ns_per_line": stream_lean,
    },
    "mix": {"timed_lines": typical["BM_price/trace:0"].get("timed_lines"),
            "crossing_22_or_midnight": typical["BM_price/trace:0"].get("crossing_22_or_0"),
            "crossing_dst": typical["BM_price/trace:0"].get("crossing_dst")},
    "totals_on_same_lines": {
        "lines": export["lines"], "engine_amount": export["engine_amount"],
        "by_hand_amount": export["by_hand_amount"], "python_amount": python["amount"],
        "engine_cost": export["engine_cost"], "by_hand_cost": export["by_hand_cost"],
        "python_cost": python["cost"], "python_lines_differing": python["differ_count"],
        "equal_to_the_cent": totals_equal,
    },
    "billing": {
        "what": "tariff::bill, 100 000 contracts x 30 lines, one March statement each, trace off",
        "ns_per_line": bill, "lines_per_second": 1e9 / bill,
        "over_stream_pricing": bill / stream_off,
        "contracts_per_second": typical["BM_bill/trace:0"]["contracts_per_second"],
    },
    "compile": {"what": "tariff::compile (parse + check + compile) of 10 000 items, 50 rules",
                "compile_ms": compile_ms, "parse_and_check_ms": check_ms,
                "retained_bytes": retained, "peak_bytes": peak},
    "facilities_suite": {n: per_line_ns(b, 1) for n, b in facilities.items()},
    "pricing_targets_judged_on": JUDGED_ON,
    "targets": [
        target("pricing, trace off, one core", 1e9 / stream_off, ">= 5 000 000 lines/s",
               1e9 / stream_off >= 5e6, "lines/s", (1e9 / off, 1e9 / off >= 5e6)),
        target("pricing vs hand-written C++", stream_off / hand, "<= 3x", stream_off / hand <= 3,
               "x", (off / hand, off / hand <= 3)),
        target("pricing vs Python decimal script", py_ns / stream_off, ">= 50x",
               py_ns / stream_off >= 50, "x", (py_ns / off, py_ns / off >= 50)),
        target("compile of 10 000 items", compile_ms, "< 50 ms", compile_ms < 50, "ms"),
        target("compiled 10 000-item tariff", retained / 1e6, "< 10 MB", retained < 10e6, "MB"),
        target("totals equal to the cent", totals_equal, "equal", totals_equal, ""),
    ],
}

# Issue 24's targets, from the same run (docs/performance.md, "Where issue 24's targets stand").
# Beside them the floor. The floor less the bare hand pricer is what filling the result costs;
# the lean price_into less that is the engine's own work, which tells a target the result's shape
# keeps out of reach from one the engine's work does.
own_work = stream_lean - (floor - hand)
summary["floor"] = {
    "what": "the hand-written pricer writing its figures into the lean result (six strings, the "
            "date, two quantities, three decimals a line)",
    "ns_per_line": floor, "over_by_hand": floor / hand,
    "stream_lean_over_floor": stream_lean / floor, "stream_over_floor": stream_off / floor,
    "engine_own_work_what": "the lean price_into less what filling the result costs the "
                            "hand-written pricer (the floor less the bare pricer)",
    "engine_own_work_ns_per_line": own_work, "engine_own_work_over_by_hand": own_work / hand,
}
summary["targets_issue_24"] = [
    target("price_into vs hand-written C++", stream_off / hand, "<= 2x", stream_off / hand <= 2,
           "x"),
    target("one-shot price vs hand-written C++", off / hand, "<= 2.5x", off / hand <= 2.5, "x"),
    target("trace on vs trace off (price_into)", stream_on / stream_off, "<= 2x",
           stream_on / stream_off <= 2, "x"),
    target("billing vs price_into, per line", bill / stream_off, "<= 1.3x",
           bill / stream_off <= 1.3, "x"),
]
# Python's price_table (bindings/python/benchmarks/batch_benchmark.py), when benchmarks/run found
# the extension built: money="minor" against both C++ figures of the same run.
try:
    with open(f"{folder}/python_batch.json") as f:
        batch = json.load(f)
except FileNotFoundError:
    batch = None
summary["python_batch"] = batch
if batch is not None:
    minor = batch["minor"]
    summary["targets_issue_24"] += [
        target('Python price_table money="minor" vs C++ tariff::price (chunks of 4 096)',
               minor["ratio_to_cpp"], "<= 1.5x", minor["ratio_to_cpp"] <= 1.5, "x"),
        target('Python price_table money="minor" vs C++ price_into (batches of 256, the calls '
               "price_table makes)", minor["ratio_to_cpp_into"], "<= 1.5x",
               minor["ratio_to_cpp_into"] <= 1.5, "x"),
    ]

# The tool against the library (issue 23): benchmarks/tool_speed's summary as it is, with its own
# targets (docs/performance.md, "Readers, the tool and memory").
try:
    with open(f"{folder}/tool.json") as f:
        summary["tool"] = json.load(f)
except FileNotFoundError:
    summary["tool"] = None
print(json.dumps(summary, indent=2))
