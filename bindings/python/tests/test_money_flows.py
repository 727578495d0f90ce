"""Contractor payouts and portfolios through Python (docs/statement.md, Payouts and Portfolio)."""
import datetime
import pathlib
from decimal import Decimal

import tariff

EXAMPLES = pathlib.Path(__file__).resolve().parents[3] / "examples"
PAYOUTS = EXAMPLES / "05-contractor-payouts"
MARGIN = EXAMPLES / "06-cost-and-margin"


def test_payouts_of_scenario_5():
    t = tariff.compile(PAYOUTS / "tariff.tariff")
    contracts = tariff.load_contracts(PAYOUTS / "contracts.csv")
    work = tariff.load_work(PAYOUTS / "work.csv")
    owed, not_paid = t.payouts(contracts, work, datetime.date(2026, 3, 1))
    assert not_paid == []
    by_name = {p.performer: p for p in owed}
    tula = by_name["tula-service"]
    assert (tula.payable, tula.pending) == (Decimal("4200.00"), Decimal("4200.00"))
    assert [(l.id, l.payable) for l in tula.lines] == [
        ("R1", True), ("R2", True), ("R3", False), ("R4", False)]
    assert tula.lines[0].accepted_on == datetime.date(2026, 3, 4)
    assert tula.lines[2].accepted_on is None
    assert str(tula.period) == "2026-03-01..2026-03-31"
    at_rates, _ = tariff.payouts(t, contracts, work, datetime.date(2026, 3, 1), rates="contractors")
    assert {p.performer: p.payable for p in at_rates} == {
        "kaluga-it": Decimal("1950.00"), "tula-service": Decimal("4000.00")}


def test_portfolio_puts_the_loss_first():
    t = tariff.compile(MARGIN / "tariff.tariff")
    contracts = tariff.load_contracts(MARGIN / "contracts.csv")
    work = tariff.load_work(MARGIN / "work.csv")
    statements = [t.bill(c, datetime.date(2026, 3, 1), [w for w in work if w.contract == c.id])
                  for c in contracts]
    p = tariff.summarize(statements)
    worst = p["by_contract"][0]
    assert (worst.key, worst.revenue, worst.cost) == ("C-FLAT", Decimal("100000.00"),
                                                      Decimal("150000.00"))
    assert worst.loss and worst.margin_percent == Decimal("-50.00")
    assert [r.currency for r in p["totals"]] == ["RUB"]


def test_data_that_would_move_money_wrongly_is_a_value_error(tmp_path):
    # examples/12-prepaid-support: support per workstation (`integer`); -5 from an amendment would
    # turn the fee into a credit, so the statement is refused naming the contract and the date.
    support = EXAMPLES / "12-prepaid-support"
    t = tariff.compile(support / "tariff.tariff")
    contracts = tmp_path / "contracts.csv"
    contracts.write_text(
        "id,client,plan,start,end,contract.workstations,amendments\n"
        "C-2,K-2,annual,2026-01-01,2026-12-31,10,2026-03-16: contract.workstations=-5\n")
    deal = tariff.load_contracts(contracts)[0]
    try:
        t.bill(deal, datetime.date(2026, 3, 1), [])
    except ValueError as e:
        assert "contract.workstations is '-5' (from its amendment of 2026-03-16" in str(e)
    else:
        raise AssertionError("a negative unit count was billed")
