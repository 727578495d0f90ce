"""Billing from one table of every contract's work: a month as the tool's --period, other
contracts' lines left out of a statement, Tariff.bill_table with periods chained through the
states, and the pandas views Statement.to_frame, BillingRun.to_frame, Comparison.to_frame.
The figures are scenario 3's (examples/03-subscription; docs/statement.md): fee 45000.00 a
month with three visits included, a visit 1800.00, a cartridge 3200.00."""

import datetime
from decimal import Decimal

import pandas as pd
import pytest

import tariff

from test_compare import CURRENT, PROPOSED, history


@pytest.fixture(scope="module")
def pos(examples):
    folder = examples / "03-subscription"
    t = tariff.compile(folder / "tariff.tariff")
    c1 = tariff.load_contracts(folder / "contracts.csv")[0]
    c2 = tariff.Contract("C-2", "K-2", "2026-01-01", "2026-12-31", plan="pos_service")
    work = tariff.read_table(folder / "work.csv")
    more = pd.DataFrame({
        "id": ["W1", "W2", "Z1"], "request": ["R-1", "R-2", "R-9"],
        "contract": ["C-2", "C-2", "C-9"], "item": ["engineer_visit", "cartridge", "cartridge"],
        "start": ["2026-03-12T10:00:00+03:00", "2026-04-02T10:00:00+03:00",
                  "2026-03-12T10:00:00+03:00"],
        "end": [""] * 3, "quantity": ["1"] * 3, "kind": [""] * 3, "time_zone": [""] * 3})
    return t, c1, c2, pd.concat([work, more], ignore_index=True)


def test_a_month_and_other_contracts_lines_left_out(pos, subscription):
    t, c1, _, _ = pos
    work = [w for w in subscription[2] if w.id != "V5"]
    others = [tariff.WorkLine("W1", "C-2", "engineer_visit", "2026-03-12T10:00:00+03:00",
                              quantity=1)]
    s = t.bill(c1, "2026-03", work + others)
    assert str(s.period) == "2026-03-01..2026-03-31"
    assert [(l.id, l.reason) for l in s.rejected] == [("A1", "after_period")]  # not W1
    assert (s.work_total, s.revenue) == (Decimal("11400.00"), Decimal("56400.00"))
    assert s.id == t.bill(c1, datetime.date(2026, 3, 31), work).id
    assert str(t.statement_period(c1, "2026-03")) == "2026-03-01..2026-03-31"
    for bad in ("2026-13", "March"):
        with pytest.raises(ValueError, match=f"'period': '{bad}' is neither a month"):
            t.bill(c1, bad, work)
    # A month wherever a period is asked: payouts of March (the cost of the lines, pending).
    [payout], _ = t.payouts([c1], work, "2026-03")
    assert (str(payout.period), payout.pending) == ("2026-03-01..2026-03-31", Decimal("9900.00"))


def test_many_contracts_and_periods_in_one_call(pos):
    t, c1, c2, work = pos
    run = t.bill_table([c1, c2], work, ["2026-04", "2026-03"])
    assert [(s.contract, str(s.period.first)) for s in run.statements] == [
        ("C-1", "2026-03-01"), ("C-1", "2026-04-01"), ("C-2", "2026-03-01"),
        ("C-2", "2026-04-01")]
    march1, april1, march2, april2 = run.statements
    # Each line in the statement of its period: V5 (30 March) in March, A1 (7 April) in April.
    assert [l.id for l in march1.lines] == ["V1", "V2", "M1", "V3", "V4", "M2", "V5"]
    assert march1.rejected == [] and [l.id for l in april1.lines] == ["A1"]
    # V4 and V5 beyond the three included visits, cartridges 3 x 3200.00.
    assert (march1.fees_total, march1.work_total) == (Decimal("45000.00"), Decimal("13200.00"))
    # April opens from March's closing state: A1 is April's first visit, included.
    assert (april1.opening_revision, april1.work_total, april1.lines[0].amount) == (
        march1.closing.revision, Decimal("0.00"), Decimal("0.00"))
    assert april1.id == t.bill(c1, "2026-04", [l for l in tariff.read_work_csv(
        work.to_csv(index=False)) if l.id == "A1"], state=march1.closing).id
    assert (march2.work_total, april2.work_total) == (Decimal("0.00"), Decimal("3200.00"))
    assert run.closing["C-1"] == april1.closing and run.closing["C-2"] == april2.closing
    assert [w.id for w in run.not_billed] == ["Z1"]

    # The next run opens from these closing states: April billed again, with every line (March's
    # are late work for it), charges nothing twice.
    again = t.bill_table([c1, c2], work, "2026-04", states=run.closing)
    assert [(s.supplementary, s.already_billed, s.lines, s.fees) for s in again.statements] == [
        (True, ["V1", "V2", "M1", "V4", "M2", "V3", "V5", "A1"], [], []),
        (True, ["W1", "W2"], [], [])]
    assert again.closing == run.closing

    frame = run.to_frame()
    billed = frame[frame.section != "rejected"]
    totals = billed.groupby("contract")["amount"].sum()
    assert totals.to_dict() == {"C-1": Decimal("103200.00"), "C-2": Decimal("93200.00")}
    assert str(totals["C-1"]) == "103200.00"


def test_bill_table_reads_pandas_floats_and_states_by_contract(pos, tmp_path):
    t, c1, c2, work = pos
    path = tmp_path / "work.csv"
    work.to_csv(path, index=False)
    plain = pd.read_csv(path)  # quantity int64, empty columns float64 NaN
    a1 = plain.index[plain.id == "A1"][0]
    plain.loc[a1, "quantity"] = float("nan")  # a float column with a gap...
    plain.loc[a1, "end"] = "2026-04-07T13:00:00+03:00"  # ...for a line with an end time
    run = t.bill_table(pd.DataFrame({"id": ["C-1"], "client": ["K-1"], "plan": ["pos_service"],
                                     "start": ["2026-01-01"], "end": ["2026-12-31"]}),
                       plain, "2026-03")
    [s] = run.statements
    assert plain["quantity"].dtype.kind == "f"
    assert (s.work_total, [l.id for l in s.rejected]) == (Decimal("13200.00"), ["A1"])
    assert [str(l.measured) for l in s.lines] == ["1", "1", "2", "1", "1", "1", "1"]
    bad = plain.copy()
    bad.loc[2, "quantity"] = 2.5
    with pytest.raises(tariff.TariffError) as raised:
        t.bill_table([c1], bad, "2026-03")
    assert [(e.row, e.id, e.column) for e in raised.value.input_errors] == [(2, "M1", "quantity")]
    state = tariff.BillingState(contract="C-2")
    with pytest.raises(ValueError, match="contract 'C-1': the opening state is contract 'C-2''s"):
        t.bill_table([c1], plain, "2026-03", states={"C-1": state})
    with pytest.raises(ValueError, match="'C-1' is given twice"):
        t.bill_table([c1, c1], plain, "2026-03")


def test_statement_to_frame(subscription):
    t, contracts, work = subscription
    s = t.bill(contracts[0], "2026-03", [w for w in work if w.id != "V5"])
    frame = s.to_frame()
    assert list(frame.columns) == [
        "statement", "contract", "period", "section", "id", "request", "item", "kind", "date",
        "status", "reason", "message", "measured", "billed", "amount", "cost", "margin", "tax"]
    assert list(frame.section) == ["fee"] + ["line"] * 6 + ["rejected"]
    assert list(frame.id[1:]) == ["V1", "V2", "M1", "V3", "V4", "M2", "A1"]
    assert (frame.item[0], frame.amount[0], frame.date[0]) == (
        "fee 45000.00 per month", Decimal("45000.00"), datetime.date(2026, 3, 1))
    assert set(frame.statement) == {s.id} and set(frame.period) == {"2026-03-01..2026-03-31"}
    rejected = frame.iloc[-1]
    assert (rejected.reason, rejected.amount, rejected.status) == ("after_period", None,
                                                                   "rejected")
    assert frame.reason[1] is None and frame.message[1] is None
    billed = frame[frame.section != "rejected"]
    assert billed.amount.sum() == s.fees_total + s.work_total == Decimal("56400.00")
    assert billed[billed.section == "line"].cost.sum() == s.cost == Decimal("9900.00")


def test_comparison_to_frame():
    current, proposed = tariff.compile(CURRENT), tariff.compile(PROPOSED)
    contracts, work = history()
    c = current.compare(proposed, contracts, work)
    by_client = c.to_frame()
    assert list(by_client.index) == ["K-1", "K-2"]
    assert list(by_client.revenue_change) == [Decimal("540.00"), Decimal("360.00")]
    assert by_client.revenue_change.sum() == c.total.revenue_change == Decimal("900.00")
    by_month = c.to_frame(by="month")
    assert by_month.loc["2026-01", "lines"] == 3 and by_month.loc["2026-02", "lines"] == 2
    lines = c.to_frame(by="lines")
    assert list(lines.id) == ["V0", "V1", "V2", "V3", "V4"]
    assert (lines.old_amount[0], lines.new_amount[0], lines.change[0]) == (
        Decimal("1800.00"), Decimal("1980.00"), Decimal("180.00"))
    assert lines.change.sum() == Decimal("900.00")
    with pytest.raises(ValueError, match="by is 'client', 'item', 'month', 'total' or 'lines'"):
        c.to_frame(by="year")
