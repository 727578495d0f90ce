#!/usr/bin/python3
"""The tariff package in five steps, on the repository's example facilities tariff and work:
compile, price lines with their traces, price a table, bill March 2026, and see what a typo gets.

    PYTHONPATH=build/release/bindings/python /usr/bin/python3 examples/python/quickstart.py
"""

import pathlib

import tariff

HERE = pathlib.Path(__file__).resolve().parent
EXAMPLES = HERE.parent

# 1. Compile once. A path object (or tariff.load(path)) is read; a str is always the source.
t = tariff.compile(EXAMPLES / "tariffs/facilities.tariff")
print(f"{t.name}: currency {t.currency}, plans {t.plans}, sha256 {t.source_hash[:12]}")

contracts = tariff.load_contracts(EXAMPLES / "work/facilities-contracts.csv")
work = tariff.load_work(EXAMPLES / "work/facilities-work.csv")

# 2. Price lines: Decimal money, aware UTC datetimes, each part's trace.
for line in t.price(contracts, work)[:3]:
    print(f"\n{line.id} {line.item} {line.billed}: {line.amount} (cost {line.cost})")
    for part in line.parts:
        labels = "+".join(part.labels) or "day"
        print(f"  {part.begin:%H:%M}Z {labels:14} {part.billed} @ {part.unit_price} = {part.amount}")
        for step in part.trace:
            print(f"    {step.kind} {step.name}: {step.before} -> {step.after} ({step.line}:{step.column})")

# 3. A table in one call: exact text money here; money="minor" gives integer kopeks.
table = t.price_table(contracts, tariff.read_table(EXAMPLES / "work/facilities-work.csv"),
                      money="str")
print("\n", table[["id", "item", "status", "billed", "amount", "margin"]].to_string(index=False))

# 4. Bill a contract for March 2026 (a month, as the tool's --period); the other contracts'
# lines in `work` are left out.
c100 = next(c for c in contracts if c.id == "C-100")
statement = t.bill(c100, "2026-03", work)
print(f"\nC-100, March: revenue {statement.revenue}, margin {statement.margin_percent} %")
print("closing state:", statement.closing.to_json().replace("\n", " "))

# 5. A typo is an error with its place.
try:
    tariff.compile(t.source.replace("in night", "in nigth"), file="facilities-typo.tariff")
except tariff.TariffError as error:
    d = error.diagnostics[0]
    print(f"\n{d.file}:{d.line}:{d.column}: {d.message}")
