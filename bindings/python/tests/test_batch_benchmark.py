"""bindings/python/benchmarks/batch_benchmark.py as benchmarks/run calls it: against the C++
timing program, without --fresh. Every side prices the same 300 generated lines to the same
total, and each figure has its ratio to both C++ figures."""
import json
import os
import pathlib
import subprocess
import sys

import pytest

pytest.importorskip("pandas")

BENCHMARK = pathlib.Path(__file__).resolve().parents[1] / "benchmarks" / "batch_benchmark.py"
TIMING = os.environ.get("TARIFF_PRICE_TIMING")


@pytest.mark.skipif(not TIMING, reason="TARIFF_PRICE_TIMING (the C++ timing program) is not set")
def test_timed_against_cpp_without_a_fresh_process():
    out = subprocess.run([sys.executable, str(BENCHMARK), "--lines", "300", "--repeats", "1",
                          "--rounds", "1", "--timing", TIMING],
                         check=True, capture_output=True, text=True)
    report = json.loads(out.stdout)
    sides = ["cpp", "cpp_into", "minor", "str", "decimal", "minor, typed timestamps"]
    assert [k for k in report if isinstance(report[k], dict)] == sides
    for side in sides:
        assert report[side]["amount_total"] == "2156637.51"
        assert report[side]["ratio_to_cpp"] == round(
            report[side]["best_s"] / report["cpp"]["best_s"], 2)
        assert report[side]["ratio_to_cpp_into"] == round(
            report[side]["best_s"] / report["cpp_into"]["best_s"], 2)
