"""Billing, request-by-request pricing and estimates from Python: the worked example of
docs/statement.md (examples/03-subscription, March 2026)."""

import datetime
import json
from decimal import Decimal

import pytest

import tariff


def march(subscription):
    t, contracts, work = subscription
    c1 = contracts[0]
    not_v5 = [w for w in work if w.id != "V5"]  # V5 reaches the host after March is billed
    return t, c1, not_v5


def test_the_worked_statement(subscription):
    t, c1, work = march(subscription)
    s = t.bill(c1, datetime.date(2026, 3, 1), work)
    assert (s.contract, s.client, s.plan, s.currency, str(s.period)) == (
        "C-1", "K-1", "pos_service", "RUB", "2026-03-01..2026-03-31")
    assert (s.fees_total, s.work_total, s.revenue, s.cost, s.margin, s.margin_percent) == (
        Decimal("45000.00"), Decimal("11400.00"), Decimal("56400.00"), Decimal("9900.00"),
        Decimal("46500.00"), Decimal("82.45"))
    [fee] = s.fees
    assert (fee.description, str(fee.covers), fee.units, fee.amount) == (
        "fee 45000.00 per month", "2026-03-01..2026-03-31", Decimal("1"), Decimal("45000.00"))
    assert [l.id for l in s.lines] == ["V1", "V2", "M1", "V3", "V4", "M2"]  # work order
    assert [(l.id, l.reason) for l in s.rejected] == [("A1", "after_period")]
    v3 = s.lines[3].parts[0]
    assert (v3.allowance, v3.amount, v3.covered) == ("engineer_visit/month", Decimal("0.00"),
                                                     Decimal("1800.00"))
    assert s.lines[4].amount == Decimal("1800.00")  # the fourth visit is billed
    [a] = s.allowances
    assert (a.allowance, str(a.included), str(a.used_before), str(a.used), str(a.remaining),
            a.covered_value) == ("engineer_visit/month", "3", "0", "3", "0", Decimal("5400.00"))
    [alert] = s.alerts
    assert (alert.kind, alert.allowance, alert.percent, alert.line) == (
        "allowance_threshold", "engineer_visit/month", Decimal("100"), "V3")
    [use] = s.closing.allowances
    assert (use.allowance, str(use.period), use.used) == ("engineer_visit/month",
                                                          "2026-03-01..2026-03-31", Decimal("3"))
    assert json.loads(s.to_json())["revenue"] == "56400.00"
    assert "margin %" in s.to_text() and str(s) == s.to_text()


def test_request_by_request_gives_the_statement(subscription):
    t, c1, work = march(subscription)
    s = t.bill(c1, t.statement_period(c1, "2026-03-17"), work)
    state = tariff.BillingState()
    march_work = sorted((w for w in work if w.id != "A1"), key=lambda w: (w.start, w.id))
    lines = []
    for request in dict.fromkeys(w.request for w in march_work):
        lines += t.price_with_state(c1, state, [w for w in march_work if w.request == request])
    assert lines == s.lines
    # The same allowance and volume use; only bill() writes the ledger
    # (docs/design.md, decision 11).
    assert (state.allowances, state.volumes) == (s.closing.allowances, s.closing.volumes)
    assert (state.lines, state.revision) == ([], 0)


def test_april_from_the_closing_state(subscription):
    t, c1, work = march(subscription)
    s = t.bill(c1, "2026-03-01", work)
    v5 = [w for w in subscription[2] if w.id == "V5"]
    a1 = [w for w in work if w.id == "A1"]
    april = t.bill(c1, "2026-04-01", v5 + a1, state=s.closing)
    assert (april.revenue, [l.id for l in april.adjustments]) == (Decimal("46800.00"), ["V5"])
    assert april.adjustments[0].amount == Decimal("1800.00")  # March's three visits were used


def test_an_estimate_leaves_the_state(subscription):
    t, c1, work = march(subscription)
    state = tariff.BillingState()
    planned = [tariff.WorkLine("P1", "C-1", "engineer_visit", "2026-03-05T10:00:00+03:00",
                               quantity=1)]
    [fresh] = t.estimate(c1, state, planned)
    assert (fresh.amount, fresh.parts[0].allowance) == (Decimal("0.00"), "engineer_visit/month")
    assert state == tariff.BillingState()
    full = t.bill(c1, "2026-03-01", work).closing
    [late] = t.estimate(c1, full, planned)
    assert late.amount == Decimal("1800.00")


def test_the_state_round_trips_through_json(subscription):
    t, c1, work = march(subscription)
    closing = t.bill(c1, "2026-03-01", work).closing
    text = closing.to_json()
    assert tariff.BillingState.from_json(text) == closing
    with pytest.raises(tariff.TariffError) as raised:
        tariff.BillingState.from_json('{"allowances": [{"allowance": "x/month"}]}')
    assert raised.value.input_errors[0].column == "first"


def test_a_period_not_of_the_plan_is_refused(subscription):
    t, c1, work = march(subscription)
    with pytest.raises(ValueError):
        t.bill(c1, tariff.Period("2026-03-02", "2026-03-31"), work)


def test_expiring_contracts():
    contracts = [tariff.Contract("C-1", "K-1", "2026-01-01", "2026-04-10"),
                 tariff.Contract("C-2", "K-2", "2026-01-01", "2026-12-31"),
                 tariff.Contract("C-3", "K-3", "2026-01-01", "2026-04-02", status="draft")]
    assert [c.id for c in tariff.expiring_contracts(contracts, "2026-03-31")] == ["C-1"]


def test_a_plan_change_from_python(examples):
    """docs/design.md, decision 13: an Amendment with a plan; the statement names both plans
    (examples/14-plan-changes: basic 31000.00 x 10/31, then premium 62000.00 x 21/31)."""
    folder = examples / "14-plan-changes"
    t = tariff.compile(folder / "tariff.tariff")
    contract = tariff.Contract("C-9", "K-9", "2026-01-01", "2026-12-31", plan="basic",
                               amendments=[tariff.Amendment("2026-03-11", plan="premium")])
    assert contract.amendments[0].plan == "premium"
    s = t.bill(contract, "2026-03", [])
    assert [f.amount for f in s.fees] == [Decimal("10000.00"), Decimal("42000.00")]
    assert s.plan == "premium"
    assert [(d.plan, str(d.days)) for d in s.plans] == [
        ("basic", "2026-03-01..2026-03-10"), ("premium", "2026-03-11..2026-03-31")]
