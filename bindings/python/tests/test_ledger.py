"""The billing state as a ledger from Python (docs/design.md, decision 11): the state's format 2 and
its records, format 1 read as migrated, refunds and chargebacks, void work lines, and the billing
options on_repeat and late_work_periods (examples/03-subscription, March 2026)."""

import copy
import datetime
import json
import pickle
from decimal import Decimal

import pytest

import tariff

LEDGER = {
    "format": 2, "contract": "C-1", "revision": 7,
    "allowances": [{"allowance": "engineer_visit/month", "first": "2026-03-01",
                    "last": "2026-03-31", "used": "3"}],
    "balance": "4400.00",
    "lines": [{"id": "V1", "fingerprint": "0123456789abcdef0123456789abcdef",
               "date": "2026-03-02", "item": "engineer_visit", "amount": "0.00",
               "cost": "900.00",
               "included": [{"allowance": "engineer_visit/month", "first": "2026-03-01",
                             "last": "2026-03-31", "used": "1"}]}],
    "fees": [{"fee": "fee 45000.00 per month", "fee_first": "2026-03-01",
              "fee_last": "2026-03-31", "first": "2026-03-01", "last": "2026-03-31",
              "units": "1", "amount": "45000.00"}],
    "payments": [{"id": "P-1", "date": "2026-03-05", "amount": "50000.00", "refunded": "5000.00"},
                 {"id": "R-1", "date": "2026-03-20", "amount": "5000.00", "kind": "refund",
                  "reverses": "P-1"}],
    "statements": [{"id": "S-1", "first": "2026-03-01", "last": "2026-03-31", "revision": 7}],
}


def test_the_state_carries_its_ledger():
    state = tariff.BillingState.from_json(json.dumps(LEDGER))
    assert (state.format, state.contract, state.revision) == (2, "C-1", 7)
    [line] = state.lines
    assert (line.id, line.fingerprint, line.date, line.item, line.amount, line.cost) == (
        "V1", "0123456789abcdef0123456789abcdef", datetime.date(2026, 3, 2), "engineer_visit",
        Decimal("0.00"), Decimal("900.00"))
    [use] = line.included
    assert (use.allowance, str(use.period), use.used) == (
        "engineer_visit/month", "2026-03-01..2026-03-31", Decimal("1"))
    [fee] = state.fees
    assert (fee.fee, str(fee.fee_period), str(fee.covers), fee.units, fee.amount) == (
        "fee 45000.00 per month", "2026-03-01..2026-03-31", "2026-03-01..2026-03-31",
        Decimal("1"), Decimal("45000.00"))
    paid, refund = state.payments
    assert (paid.id, paid.kind, paid.refunded) == ("P-1", "payment", Decimal("5000.00"))
    assert (refund.id, refund.kind, refund.reverses, refund.date) == (
        "R-1", "refund", "P-1", datetime.date(2026, 3, 20))
    [issued] = state.statements
    assert (issued.id, str(issued.period), issued.revision) == ("S-1", "2026-03-01..2026-03-31", 7)
    # The JSON, a pickle and a copy keep all of it.
    assert json.loads(state.to_json()) == LEDGER
    assert pickle.loads(pickle.dumps(state)) == state
    assert copy.deepcopy(state) == state and state.copy() == state
    assert repr(state) == ("BillingState(C-1, revision 7, 1 allowance uses, 0 volumes, 1 lines "
                           "billed, balance 4400.00)")


def test_a_state_of_format_1_is_migrated():
    state = tariff.BillingState.from_json(
        '{"allowances": [{"allowance": "engineer_visit/month", "first": "2026-03-01", '
        '"last": "2026-03-31", "used": "3"}]}')
    assert (state.format, state.contract, state.revision) == (1, "", 0)
    assert (state.lines, state.fees, state.payments, state.statements) == ([], [], [], [])
    assert json.loads(state.to_json())["format"] == 2
    with pytest.raises(tariff.TariffError, match="format 3 is not one this version reads"):
        tariff.BillingState.from_json('{"format": 3}')


def test_a_new_state_names_its_contract():
    state = tariff.BillingState(contract="C-1", revision=2)
    assert json.loads(state.to_json()) == {"format": 2, "contract": "C-1", "revision": 2,
                                           "allowances": []}
    state.contract = "C-2"
    assert state.contract == "C-2"
    with pytest.raises(AttributeError):
        state.revision = 3  # only billing raises it


def test_refunds_and_chargebacks():
    refund = tariff.Payment("R-1", "C-1", "2026-03-20", "5000.00", kind="refund", reverses="P-1")
    assert (refund.kind, refund.reverses) == ("refund", "P-1")
    assert repr(refund) == "Payment(R-1, C-1, 2026-03-20, 5000.00, refund of P-1)"
    assert pickle.loads(pickle.dumps(refund)) == refund
    plain = tariff.Payment("P-1", "C-1", "2026-03-05", "50000.00")
    assert (plain.kind, plain.reverses) == ("payment", "")
    with pytest.raises(ValueError, match="^a refund must name the payment it reverses$"):
        tariff.Payment("R-2", "C-1", "2026-03-20", "1", kind="refund")
    with pytest.raises(ValueError,
                       match="^a payment reverses nothing; only a refund or chargeback does$"):
        tariff.Payment("P-2", "C-1", "2026-03-20", "1", reverses="P-1")
    with pytest.raises(ValueError, match=r"^'gift' is not a payment kind \(payment, refund, "
                                         r"chargeback\)$"):
        tariff.Payment("R-3", "C-1", "2026-03-20", "1", kind="gift", reverses="P-1")
    read = tariff.read_payments_csv("id,contract,date,amount,kind,reverses\n"
                                    "P-1,C-1,2026-03-05,50000.00,,\n"
                                    "B-1,C-1,2026-03-21,10.00,chargeback,P-1\n")
    assert [(p.id, p.kind, p.reverses) for p in read] == [("P-1", "payment", ""),
                                                          ("B-1", "chargeback", "P-1")]
    assert tariff.write_payments_csv(read).splitlines()[0] == "id,contract,date,amount,kind,reverses"


def test_a_void_work_line():
    line = tariff.WorkLine("V2", "C-1", "engineer_visit", "2026-03-05T10:00:00+03:00",
                           quantity=1, void=True)
    assert line.void
    assert pickle.loads(pickle.dumps(line)) == line
    assert tariff.write_work_csv([line]).splitlines()[0].endswith(",void")
    line.void = False
    assert not pickle.loads(pickle.dumps(line)).void


def test_the_billing_options(subscription):
    t, contracts, work = subscription
    c1 = contracts[0]
    march = [w for w in work if w.id != "V5"]
    s = t.bill(c1, datetime.date(2026, 3, 1), march, on_repeat="error", late_work_periods=3)
    assert s.revenue == Decimal("56400.00")
    assert (s.reversals, s.already_billed, s.already_credited) == ([], [], [])
    assert s.opening_revision == 0 and s.supplementary is False
    assert isinstance(s.id, str)
    assert [f.billed_before for f in s.fees] == [None]
    with pytest.raises(ValueError, match="^on_repeat is 'skip' or 'error', not 'retry'$"):
        t.bill(c1, datetime.date(2026, 3, 1), march, on_repeat="retry")
    with pytest.raises(ValueError, match="^late_work_periods is 1 or more, not 0$"):
        t.bill(c1, datetime.date(2026, 3, 1), march, late_work_periods=0)


def test_billing_twice_never_charges_twice(subscription):
    t, contracts, work = subscription
    c1 = contracts[0]
    march = [w for w in work if w.id != "V5"]
    first = t.bill(c1, datetime.date(2026, 3, 1), march)
    assert (first.closing.contract, first.closing.revision) == ("C-1", 1)
    assert [l.id for l in first.closing.lines] == sorted(
        [l.id for l in first.lines] + [l.id for l in first.adjustments])
    second = t.bill(c1, datetime.date(2026, 3, 1), march, state=first.closing)
    assert (second.supplementary, second.opening_revision) == (True, 1)
    assert second.already_billed == [w.id for w in march if w.id != "A1"]  # A1: after March
    assert (second.fees, second.lines, second.revenue) == ([], [], Decimal("0.00"))
    assert second.closing == first.closing
    with pytest.raises(ValueError, match="was billed before as it is now"):
        t.bill(c1, datetime.date(2026, 3, 1), march, state=first.closing, on_repeat="error")
    # A corrected line: the billed version reversed exactly, the new one billed.
    v4 = next(w for w in march if w.id == "V4")
    changed = tariff.WorkLine("V4", "C-1", "engineer_visit", "2026-03-25T11:00:00+03:00",
                              quantity=1)
    corrected = t.bill(c1, datetime.date(2026, 3, 1), [changed], state=first.closing)
    [r] = corrected.reversals
    billed_v4 = next(l for l in first.lines if l.id == "V4")
    assert (r.id, r.reason, r.amount) == ("V4", "corrected", -billed_v4.amount)
    assert v4.start != changed.start
    # A void line: a reversal only.
    void = tariff.WorkLine("V4", "C-1", "engineer_visit", v4.start, quantity=1, void=True)
    voided = t.bill(c1, datetime.date(2026, 3, 1), [void], state=first.closing)
    assert [(x.id, x.reason) for x in voided.reversals] == [("V4", "voided")]
    assert voided.lines == [] and voided.adjustments == []
