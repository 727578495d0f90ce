"""Shared fixtures of the Python suite. CTest runs it with PYTHONPATH at the built package and
TARIFF_EXAMPLES at examples/ (bindings/python/CMakeLists.txt); run by hand:

    PYTHONPATH=build/release/bindings/python /usr/bin/python3 -m pytest -q -p no:cacheprovider \\
        bindings/python/tests
"""

import os
import pathlib

import pytest

import tariff

REPO = pathlib.Path(__file__).resolve().parents[3]
EXAMPLES = pathlib.Path(os.environ.get("TARIFF_EXAMPLES", REPO / "examples"))


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "dask: starts a two-worker Dask cluster on 127.0.0.1 (run apart, under a timeout)")


def example_folders():
    return sorted(p.parent for p in EXAMPLES.glob("[0-9][0-9]-*/expect.txt"))


@pytest.fixture(scope="session")
def examples() -> pathlib.Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def night(examples):
    """Scenario 4: night work at double price (examples/04-night-work)."""
    folder = examples / "04-night-work"
    return (tariff.compile(folder / "tariff.tariff"), tariff.load_contracts(folder / "contracts.csv"),
            tariff.load_work(folder / "work.csv"))


@pytest.fixture(scope="session")
def subscription(examples):
    """Scenario 3: a monthly fee with three visits included (examples/03-subscription)."""
    folder = examples / "03-subscription"
    return (tariff.compile(folder / "tariff.tariff"), tariff.load_contracts(folder / "contracts.csv"),
            tariff.load_work(folder / "work.csv"))
