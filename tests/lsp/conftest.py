"""Fixtures of the language server's tests: the tool (TARIFF_CLI, as tests/cli has it) and a
client that has initialised it (debounce 0, so diagnostics follow each change at once)."""
import os
import pathlib
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from lsp_client import Client  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]

# A small tariff with a Cyrillic title, used by most tests; its lines are numbered from 0 below,
# as LSP numbers them.
TARIFF = """\
tariff "Тариф «Сервис»" currency RUB
calendar {
  timezone Europe/Moscow
  window night 22:00 .. 06:00
  days weekend sat, sun
}
attribute site.region : string default "moscow"
table region_factor by site.region { "moscow": 1.00, "tula": 1.25, else: 1.10 }
pricelist retail effective 2026-01-01 {
  item hvac_repair "Ремонт"         per hour  price 2500.00 cost 1400.00 bill started 1h
  item visit       "Engineer visit" per visit price 1800.00
}
pricelist wholesale extends retail { hvac_repair price 2200.00 }
rule night for hvac_repair when in night : price * 2
rule region : price * region_factor
plan standard {
  pricelist retail
  catalogue hvac_repair, visit
}
"""
URI = "file:///work/tariffs/service.tariff"


@pytest.fixture
def tool():
    return os.environ.get("TARIFF_CLI", str(ROOT / "build/release/src/cli/tariff"))


@pytest.fixture
def client(tool):
    c = Client(tool)
    c.initialize()
    yield c
    c.close()


@pytest.fixture
def opened(client):
    """A client with TARIFF open and its first diagnostics read."""
    client.open(URI, TARIFF)
    assert client.diagnostics(URI)["diagnostics"] == []
    return client


def at(line, character, **more):
    return {"textDocument": {"uri": URI}, "position": {"line": line, "character": character}, **more}


def span(line, start, end):
    return {"start": {"line": line, "character": start}, "end": {"line": line, "character": end}}
