#!/usr/bin/python3
"""The language server's latency and memory over stdio (issue 26, "Measured"; docs/performance.md,
"The language server"): `tariff lsp` started with --debounce 0, driven by the tests' scripted
client (tests/lsp/lsp_client.py), on examples/tariffs/facilities.tariff and on the generated
10 000-item tariff of the front-end benchmarks (benchmarks/generated_tariff.hpp, written again
here in Python).

    benchmarks/lsp_latency.py [TOOL] [ROUNDS]

For each tariff, after opening it and reading its first diagnostics, ROUNDS times (default 50):
  didChange → publishDiagnostics: an incremental edit of one price, alternately 2500.00 / 2501.00,
    until the diagnostics of that version arrive (the whole check of the document);
  hover after the change: on an item name, the first request on the new version (so it includes
    parsing the syntax tree and building the symbol index for it);
  hover again and completion (`price * ` at the end of a rule): on the same version, the tree kept.
Prints one JSON object: per tariff, the median, 95th percentile and maximum of each, in ms, and
the server's peak resident set size (VmHWM) at the end, in MB. The debounce an editor adds (200 ms
by default, `--debounce`) is not in these figures. Takes no lock: on a shared machine run it as
`flock /tmp/tariff-build.lock benchmarks/lsp_latency.py`.
"""
import json
import pathlib
import statistics
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests/lsp"))
from lsp_client import Client  # noqa: E402


def generated_tariff(items):
    """benchmarks/generated_tariff.hpp's bench::generated_tariff(items), character for character."""
    text = ('tariff "Generated" currency RUB\n'
            "rounding line 0.01 half_up\n"
            "calendar {\n  timezone Europe/Moscow\n  window night 22:00 .. 06:00\n"
            "  days weekend sat, sun\n}\n"
            "table loyalty by contract.year { 1: 0%, 2: 5%, 3..4: 10%, 5..: 15% }\n"
            "pricelist retail effective 2026-01-01 {\n")
    for i in range(items):
        hourly = i % 3 == 0
        text += (f'  item item_{i} "Item {i}" per {"hour" if hourly else "piece"} '
                 f"price {1000 + i}.00 cost {500 + i}.00"
                 + (" bill started 15min" if hourly else "") + "\n")
    text += "}\n"
    for r in range(50):
        text += f"rule r{r} when in night or on weekend : price * 1.{r % 9 + 1}\n"
    return text


def stats(samples):
    ordered = sorted(samples)
    return {"median_ms": round(statistics.median(ordered) * 1000, 2),
            "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))] * 1000, 2),
            "max_ms": round(ordered[-1] * 1000, 2)}


def peak_rss_mb(pid):
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return None


def measure(tool, name, text, price_line, item_at, rule_end, rounds):
    uri = f"file:///bench/{name}.tariff"
    c = Client(tool, "--debounce", "0", encodings=["utf-16"], debounce=0)
    c.initialize()
    start = time.perf_counter()
    c.open(uri, text)
    assert c.diagnostics(uri)["diagnostics"] == []
    opened = time.perf_counter() - start
    line = text.split("\n")[price_line]
    column = line.index(" price ") + len(" price ")
    old = line[column:column + 7]
    samples = {"diagnostics": [], "hover_after_change": [], "hover": [], "completion": []}
    doc = {"uri": uri}
    for version in range(2, rounds + 2):
        new = old if version % 2 else old[:3] + "1" + old[4:]
        change = {"textDocument": {"uri": uri, "version": version}, "contentChanges": [{
            "range": {"start": {"line": price_line, "character": column},
                      "end": {"line": price_line, "character": column + 7}}, "text": new}]}
        t = time.perf_counter()
        c.notify("textDocument/didChange", change)
        published = c.diagnostics(uri)
        samples["diagnostics"].append(time.perf_counter() - t)
        assert published["version"] == version and published["diagnostics"] == []
        for key in ("hover_after_change", "hover"):
            t = time.perf_counter()
            c.result("textDocument/hover", {"textDocument": doc, "position": item_at})
            samples[key].append(time.perf_counter() - t)
        t = time.perf_counter()
        items = c.result("textDocument/completion", {"textDocument": doc, "position": rule_end})
        samples["completion"].append(time.perf_counter() - t)
        assert items["items"]
    result = {"bytes": len(text.encode()), "lines": text.count("\n"),
              "open_to_diagnostics_ms": round(opened * 1000, 2),
              **{k: stats(v) for k, v in samples.items()},
              "peak_rss_mb": peak_rss_mb(c.proc.pid)}
    assert c.close() == 0
    return result


def main():
    tool = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "build/release/src/cli/tariff")
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    facilities = (ROOT / "examples/tariffs/facilities.tariff").read_text()
    lines = facilities.split("\n")
    item_line = next(i for i, l in enumerate(lines) if "item hvac_repair" in l)
    rule_line = next(i for i, l in enumerate(lines) if l.startswith("rule region"))
    generated = generated_tariff(10000)
    glines = generated.split("\n")
    g_item = next(i for i, l in enumerate(glines) if "item item_5000 " in l)
    g_rule = next(i for i, l in enumerate(glines) if l.startswith("rule r49 "))
    report = {
        "facilities": measure(tool, "facilities", facilities, item_line,
                              {"line": item_line, "character": 9},
                              {"line": rule_line, "character": len(lines[rule_line])}, rounds),
        "generated_10000_items": measure(tool, "generated", generated, g_item,
                                         {"line": g_item, "character": 9},
                                         {"line": g_rule, "character": len(glines[g_rule])},
                                         rounds),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
