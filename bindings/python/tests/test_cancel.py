"""Timeouts and Ctrl-C (docs/python.md, "Timeouts and Ctrl-C"): compile, price, price_table,
bill, price_with_state, estimate and compare raise tariff.Cancelled, a TimeoutError and a TariffError, past their timeout and return
nothing; Ctrl-C during the engine's work stops it with KeyboardInterrupt. No timing is asserted:
a timeout of 0 has passed before the engine first looks at it."""

import os
import signal
import sys
import threading

import pytest

import tariff


def many(work, n):
    """n copies of the example's lines, each with its own id."""
    out = []
    for i in range(n):
        w = work[i % len(work)]
        out.append(tariff.WorkLine(f"{w.id}-{i}", w.contract, w.item, w.start, w.end,
                                   quantity=w.quantity))
    return out


def test_cancelled_is_a_timeout_and_a_tariff_error():
    assert issubclass(tariff.Cancelled, TimeoutError)
    assert issubclass(tariff.Cancelled, tariff.TariffError)


def test_a_passed_timeout_prices_nothing(night):
    t, contracts, work = night
    with pytest.raises(tariff.Cancelled) as e:
        t.price(contracts, work, timeout=0)
    assert str(e.value) == f"cancelled: the deadline passed after 0 of {len(work)} lines"
    assert t.price(contracts, work, timeout=3600) == t.price(contracts, work)
    with pytest.raises(ValueError, match="timeout is a number of seconds, 0 or more"):
        t.price(contracts, work, timeout=-1)


def test_price_table_and_compile(night):
    t, contracts, work = night
    table = {name: [getattr(w, name) for w in work]
             for name in ("id", "contract", "item", "start", "end")}
    with pytest.raises(tariff.Cancelled, match="after 0 of"):
        t.price_table(contracts, table, timeout=0)
    assert list(t.price_table(contracts, table, timeout=3600)["amount"]) == list(
        t.price_table(contracts, table)["amount"])
    with pytest.raises(tariff.Cancelled, match=r"^cancelled: the deadline passed after \d+ of "
                                               r"\d+ bytes parsed$"):
        tariff.compile(t.source, timeout=0)
    assert tariff.compile(t.source, timeout=3600).source_hash == t.source_hash


def test_bill_returns_nothing_and_leaves_the_state(subscription):
    t, contracts, work = subscription
    deal = contracts[0]
    opening = t.bill(deal, "2026-03", work[:2]).closing
    before = opening.to_json()
    with pytest.raises(tariff.Cancelled, match="after 0 of"):
        t.bill(deal, "2026-03", work, state=opening, timeout=0)
    assert opening.to_json() == before
    assert t.bill(deal, "2026-03", work, state=opening, timeout=3600).closing.to_json() == (
        t.bill(deal, "2026-03", work, state=opening).closing.to_json())


def test_price_with_state_and_estimate_leave_the_state(subscription):
    t, contracts, work = subscription
    deal = contracts[0]
    state = t.bill(deal, "2026-03", work[:2]).closing
    before = state.to_json()
    for call in (t.price_with_state, t.estimate):
        with pytest.raises(tariff.Cancelled, match="after 0 of"):
            call(deal, state, work, timeout=0)
        assert state.to_json() == before
    assert t.estimate(deal, state, work, timeout=3600) == t.estimate(deal, state, work)
    assert state.to_json() == before
    assert t.price_with_state(deal, state, work, timeout=3600) == (
        t.estimate(deal, tariff.BillingState.from_json(before), work))


def test_compare_counts_the_lines_priced_of_the_whole_history(subscription):
    t, contracts, work = subscription
    with pytest.raises(tariff.Cancelled) as e:
        t.compare(t, contracts, work, timeout=0)
    assert str(e.value) == f"cancelled: the deadline passed after 0 of {2 * len(work)} lines priced"
    assert t.compare(t, contracts, work, timeout=3600).total.to_dict() == (
        t.compare(t, contracts, work).total.to_dict())


def test_ctrl_c_stops_the_engine_inside_the_call(night):
    """SIGINT while the engine prices 400 000 lines (the GIL released): KeyboardInterrupt comes
    out of the call itself; the profiler sees the call end by an exception, where a call that
    ignored the signal would return and the handler would raise after it."""
    t, contracts, work = night
    lines = many(work, 400_000)
    ends = []

    def profile(frame, event, arg):
        if event in ("c_return", "c_exception") and getattr(arg, "__name__", "") == "price":
            ends.append(event)

    # The timer's thread runs once the call has released the GIL: the engine is pricing then.
    interrupt = threading.Timer(0.05, lambda: os.kill(os.getpid(), signal.SIGINT))
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        interrupt.start()
        sys.setprofile(profile)
        with pytest.raises(KeyboardInterrupt):
            t.price(contracts, lines)
    finally:
        sys.setprofile(None)
        interrupt.cancel()
        signal.signal(signal.SIGINT, previous)
    assert ends == ["c_exception"]
