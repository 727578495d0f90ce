"""Tariff.compare: the same history under the current tariff and a proposed one."""

from decimal import Decimal

import pytest

import tariff

if not hasattr(tariff._tariff, "_compare"):
    pytest.skip("this build has no comparison (include/tariff/compare.hpp)", allow_module_level=True)

CURRENT = """tariff "Service 2026" currency RUB
rounding line 0.01 half_up
pricelist retail {
  item visit "Visit" per visit price 1800.00 cost 900.00
}
"""
PROPOSED = CURRENT.replace("2026", "2027").replace("1800.00", "1980.00")  # visits up 10 %


def history():
    contracts = [tariff.Contract("C-1", "K-1", "2026-01-01", "2026-12-31", pricelist="retail"),
                 tariff.Contract("C-2", "K-2", "2026-01-01", "2026-12-31", pricelist="retail")]
    # V0, V1, V2 for K-1, V3, V4 for K-2; January, February, January, February, January.
    work = [tariff.WorkLine(f"V{i}", "C-1" if i < 3 else "C-2", "visit",
                            f"2026-0{1 + i % 2}-0{1 + i}T10:00:00+03:00", quantity=1)
            for i in range(5)]
    return contracts, work


def test_a_ten_percent_rise_on_five_visits():
    current, proposed = tariff.compile(CURRENT), tariff.compile(PROPOSED)
    contracts, work = history()
    c = current.compare(proposed, contracts, work)
    assert (c.currency, c.old_name, c.new_name, str(c.history)) == (
        "RUB", "Service 2026", "Service 2027", "2026-01-01..2026-02-04")
    assert (c.total.lines, c.total.changed, c.total.old_revenue, c.total.new_revenue,
            c.total.revenue_change, c.total.revenue_change_percent, c.total.margin_change) == (
        5, 5, Decimal("9000.00"), Decimal("9900.00"), Decimal("900.00"), Decimal("10.00"),
        Decimal("900.00"))
    assert [(x.key, x.revenue_change) for x in c.by_client] == [("K-1", Decimal("540.00")),
                                                                ("K-2", Decimal("360.00"))]
    assert [(x.key, x.lines) for x in c.by_month] == [("2026-01", 3), ("2026-02", 2)]
    assert [x.key for x in c.by_item] == ["visit"]
    first = c.lines[0]
    assert (first.index, first.client, first.old_line.amount, first.new_line.amount) == (
        0, "K-1", Decimal("1800.00"), Decimal("1980.00"))


def test_the_module_function_and_options():
    current, proposed = tariff.compile(CURRENT), tariff.compile(PROPOSED)
    contracts, work = history()
    c = tariff.compare(current, proposed, contracts, work, keep_lines=False)
    assert c.lines == [] and c.total.changed == 5
    same = tariff.compare(current, current, contracts, work)
    assert (same.total.changed, same.total.revenue_change) == (0, Decimal("0.00"))
