"""benchmarks/summarize.py on benchmark outputs made up for the test: the summary's issue-24
section (targets, floor, the engine's own work, the Python batch figures) has the exact values the
made-up figures give, and a target exactly at its goal is met."""
import json
import pathlib
import subprocess
import sys

import pytest

SUMMARIZE = pathlib.Path(__file__).resolve().parents[2] / "benchmarks" / "summarize.py"
PRICING_LINES = 1000020
BILLING_LINES = 3000000


def median(name, ns_per_line, lines=PRICING_LINES, **counters):
    """A Google Benchmark median whose CPU time is `ns_per_line` for `lines` lines (whole
    nanoseconds, so every per-line figure divides back exactly)."""
    return {"name": f"{name}_median", "run_name": name, "run_type": "aggregate",
            "aggregate_name": "median", "time_unit": "ns", "real_time": ns_per_line * lines,
            "cpu_time": ns_per_line * lines, **counters}


def write_outputs(folder, ns, python_batch=None):
    def suite(name, benchmarks):
        (folder / f"{name}.json").write_text(
            json.dumps({"context": {"num_cpus": 2}, "benchmarks": benchmarks}))

    suite("typical_benchmark", [
        median("BM_price/trace:0", ns["price"]),
        median("BM_price/trace:1", ns["price_traced"]),
        median("BM_price_into/trace:0", ns["price_into"]),
        median("BM_price_into/trace:1", ns["price_into_traced"]),
        median("BM_price_lean", ns["price_lean"]),
        median("BM_price_into_lean", ns["price_into_lean"]),
        median("BM_price_by_hand", ns["by_hand"]),
        median("BM_price_by_hand_into_result", ns["floor"]),
        median("BM_price_2_threads/real_time/threads:2", 100, items_per_second=1e7),
        median("BM_bill/trace:0", ns["bill"], BILLING_LINES, contracts_per_second=30000),
    ])
    suite("front_end_benchmark", [median("BM_compile/10000", 20_000_000, 1),
                                  median("BM_check/10000", 15_000_000, 1)])
    suite("memory_benchmark", [median("BM_compiled_tariff_memory/10000", 1, 1,
                                      retained_bytes=6_000_000, peak_bytes=24_000_000)])
    suite("pricing_benchmark", [])
    (folder / "export.json").write_text(json.dumps({
        "lines": 100020, "engine_amount": "1.00", "by_hand_amount": "1.00",
        "engine_cost": "0.50", "by_hand_cost": "0.50"}))
    (folder / "python.json").write_text(json.dumps({
        "seconds_median": 0.4, "lines": 100020, "amount": "1.00", "cost": "0.50",
        "differ_count": 0, "python": "3.11"}))
    if python_batch is not None:
        (folder / "python_batch.json").write_text(json.dumps(python_batch))


def summarize(folder):
    out = subprocess.run([sys.executable, str(SUMMARIZE), str(folder), "0.1", "0.2",
                          str(folder / "no-build"), "5"],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


TYPICAL = {"by_hand": 80, "floor": 110, "price_into_lean": 280, "price_into": 300,
           "price_into_traced": 360, "price_lean": 300, "price": 400, "price_traced": 500,
           "bill": 1050}
BATCH = {"lines": 300000, "cpp": {"best_s": 0.08, "ratio_to_cpp": 1.0, "ratio_to_cpp_into": 1.25},
         "cpp_into": {"best_s": 0.064, "ratio_to_cpp": 0.8, "ratio_to_cpp_into": 1.0},
         "minor": {"best_s": 0.116, "ratio_to_cpp": 1.45, "ratio_to_cpp_into": 1.81}}


def test_issue_24_targets_floor_and_own_work(tmp_path):
    write_outputs(tmp_path, TYPICAL, BATCH)
    summary = summarize(tmp_path)
    targets = [(t["target"], t["measured"], t["goal"], t["met"])
               for t in summary["targets_issue_24"]]
    assert targets == [
        ("price_into vs hand-written C++", 3.75, "<= 2x", False),
        ("one-shot price vs hand-written C++", 5.0, "<= 2.5x", False),
        ("trace on vs trace off (price_into)", 1.2, "<= 2x", True),
        ("billing vs price_into, per line", 3.5, "<= 1.3x", False),
        ('Python price_table money="minor" vs C++ tariff::price (chunks of 4 096)', 1.45,
         "<= 1.5x", True),
        ('Python price_table money="minor" vs C++ price_into (batches of 256, the calls '
         "price_table makes)", 1.81, "<= 1.5x", False),
    ]
    floor = summary["floor"]
    assert floor["ns_per_line"] == 110
    assert floor["over_by_hand"] == 1.375
    assert floor["stream_lean_over_floor"] == pytest.approx(280 / 110)
    assert floor["stream_over_floor"] == pytest.approx(300 / 110)
    # The lean price_into (280) less what the result costs the hand pricer (110 - 80).
    assert floor["engine_own_work_ns_per_line"] == 250
    assert floor["engine_own_work_over_by_hand"] == 3.125
    assert summary["pricing"]["lean_ns_per_line"] == 300
    assert summary["pricing"]["stream_lean_ns_per_line"] == 280
    assert summary["python_batch"] == BATCH


def test_a_target_at_its_goal_is_met(tmp_path):
    at_goal = dict(TYPICAL, price_into=160, price_into_traced=320, price=200, bill=208)
    batch = dict(BATCH, minor=dict(BATCH["minor"], ratio_to_cpp=1.5, ratio_to_cpp_into=1.5))
    write_outputs(tmp_path, at_goal, batch)
    met = [(t["measured"], t["met"]) for t in summarize(tmp_path)["targets_issue_24"]]
    assert met == [(2.0, True), (2.5, True), (2.0, True), (1.3, True), (1.5, True), (1.5, True)]


def test_without_the_python_extension_the_batch_is_null(tmp_path):
    write_outputs(tmp_path, TYPICAL)
    summary = summarize(tmp_path)
    assert summary["python_batch"] is None
    assert [t["target"] for t in summary["targets_issue_24"]] == [
        "price_into vs hand-written C++", "one-shot price vs hand-written C++",
        "trace on vs trace off (price_into)", "billing vs price_into, per line"]
