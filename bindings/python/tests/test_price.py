"""Pricing lines from Python: the figures, the parts and the trace of scenario 4 (night work at
double price), rejected lines, and the engine's own writers."""

import datetime
import json
import threading
from decimal import Decimal
from zoneinfo import ZoneInfo

import tariff

UTC = datetime.timezone.utc


def test_night_job_figures_parts_and_trace(night):
    t, contracts, work = night
    priced = {l.id: l for l in t.price(contracts, work)}
    j1 = priced["J1"]  # 20:00-23:30 Moscow: 2 h of day, 1 h 30 of night
    assert (j1.ok, j1.status, j1.reason, j1.message) == (True, "priced", None, None)
    assert (j1.amount, j1.cost, j1.margin) == (Decimal("12500.00"), Decimal("4900.00"),
                                               Decimal("7600.00"))
    assert str(j1.amount) == "12500.00"
    assert (str(j1.measured), str(j1.billed), j1.price_list, j1.title) == (
        "3h30min", "3h30min", "retail", "HVAC repair")
    assert j1.date == datetime.date(2026, 3, 10)
    day, nights = j1.parts
    assert (day.begin, day.end) == (datetime.datetime(2026, 3, 10, 17, 0, tzinfo=UTC),
                                    datetime.datetime(2026, 3, 10, 19, 0, tzinfo=UTC))
    assert (day.labels, str(day.billed), day.unit_price, day.amount, day.trace) == (
        [], "2h", Decimal("2500.00"), Decimal("5000.00"), [])
    assert (nights.labels, str(nights.billed), nights.list_price, nights.unit_price,
            nights.amount, nights.cost) == (["night"], "1h30min", Decimal("2500.00"),
                                            Decimal("5000.00"), Decimal("7500.00"),
                                            Decimal("2100.00"))
    [step] = nights.trace
    assert (step.kind, step.name, step.before, step.after, step.line, step.column) == (
        "rule", "night", Decimal("2500.00"), Decimal("5000.00"), 18, 1)
    assert (nights.allowance, nights.covered) == (None, Decimal("0"))
    # 25 minutes at 2500.00 an hour: multiplied first, divided and rounded once.
    assert priced["J4"].amount == Decimal("1041.67")


def test_trace_off_gives_the_same_figures(night):
    t, contracts, work = night
    traced = t.price(contracts, work)
    quick = t.price(contracts, work, trace=False)
    assert [l.amount for l in quick] == [l.amount for l in traced]
    assert all(p.trace == [] for l in quick for p in l.parts)


def test_a_rejected_line_has_a_reason_and_no_money(night):
    t, contracts, _ = night
    late = tariff.WorkLine("X1", "C-1", "hvac_repair", "2027-01-05T10:00:00+03:00",
                           "2027-01-05T11:00:00+03:00")
    unknown = tariff.WorkLine("X2", "C-9", "hvac_repair", "2026-03-05T10:00:00+03:00",
                              "2026-03-05T11:00:00+03:00")
    x1, x2 = t.price(contracts, [late, unknown])
    assert (x1.ok, x1.status, x1.reason) == (False, "rejected", "contract_ended")
    assert x1.message == "line X1: contract 'C-1' ended on 2026-12-31; work on 2027-01-05 is after it"
    assert (x1.amount, x1.cost, x1.margin, x1.parts) == (None, None, None, [])
    assert x1.date == datetime.date(2027, 1, 5)
    assert (x2.reason, x2.date) == ("unknown_contract", None)


def test_lines_built_in_python(night):
    t, contracts, _ = night
    moscow = ZoneInfo("Europe/Moscow")
    job = tariff.WorkLine("P1", "C-1", "hvac_repair",
                          datetime.datetime(2026, 3, 10, 21, 0, tzinfo=moscow),
                          datetime.datetime(2026, 3, 10, 23, 0, tzinfo=moscow), request="R-9")
    [line] = t.price(contracts[0], [job])
    assert (line.request, line.amount, [p.labels for p in line.parts]) == (
        "R-9", Decimal("7500.00"), [[], ["night"]])


def test_to_dict_and_the_engines_writers(night):
    t, contracts, work = night
    priced = t.price(contracts, work[:1])
    d = priced[0].to_dict()
    assert (d["id"], d["amount"], d["billed"], d["parts"][1]["labels"]) == (
        "J1", Decimal("12500.00"), "3h30min", ["night"])
    assert d["parts"][1]["trace"][0]["after"] == Decimal("5000.00")
    written = json.loads(t.priced_json(priced))
    assert written[0]["amount"] == "12500.00" and written[0]["parts"][1]["labels"] == ["night"]
    assert t.priced_csv(priced).splitlines()[0].startswith("id,request,contract,item,kind,date")


def test_threads_price_at_once(night):
    # The GIL is released while the engine prices: threads sharing one Tariff get the same lines.
    t, contracts, work = night
    expected = [l.amount for l in t.price(contracts, work)]
    results = []

    def run():
        for _ in range(20):
            results.append([l.amount for l in t.price(contracts, work)])

    threads = [threading.Thread(target=run) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert len(results) == 80 and all(r == expected for r in results)


def test_readers_report_bad_rows():
    text = ("id,request,contract,item,start,end,quantity\n"
            "L-1,,C-1,visit,2026-03-02 09:00,,1\n"
            "L-2,,C-1,visit,2026-03-02T09:00Z,,-1\n")
    try:
        tariff.read_work_csv(text)
    except tariff.TariffError as e:
        found = [(x.row, x.id, x.column, x.message) for x in e.input_errors]
    assert found == [
        (2, "L-1", "start", "'2026-03-02 09:00' is not a timestamp with an offset, like "
                            "2026-03-29T01:30:00+03:00 or 2026-03-28T22:30Z"),
        (3, "L-2", "quantity", "the quantity must be greater than zero"),
    ]


def test_work_round_trips_through_csv(night):
    _, _, work = night
    assert tariff.read_work_csv(tariff.write_work_csv(work)) == work
