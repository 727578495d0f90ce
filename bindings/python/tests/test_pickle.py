"""Tariffs (and contracts, work, state) pickle, so they travel to worker processes."""

import concurrent.futures
import multiprocessing
import pickle

import tariff


def test_a_tariff_pickles_as_its_source(night):
    t, contracts, work = night
    copy = pickle.loads(pickle.dumps(t))
    assert (copy.name, copy.file, copy.source_hash, copy.source) == (t.name, t.file,
                                                                    t.source_hash, t.source)
    assert copy.price(contracts, work) == t.price(contracts, work)
    assert len(pickle.dumps(t)) < len(t.source) + 300  # the source and its hash, nothing else


def test_the_model_pickles(night, subscription):
    _, contracts, work = night
    assert pickle.loads(pickle.dumps(contracts)) == contracts
    assert pickle.loads(pickle.dumps(work)) == work
    t, deals, lines = subscription
    state = t.bill(deals[0], "2026-03-01", lines).closing
    assert pickle.loads(pickle.dumps(state)) == state
    period = state.allowances[0].period
    assert pickle.loads(pickle.dumps(period)) == period
    # Money flows: fees prepaid for a span, payments, the prepaid balance.
    deal = tariff.Contract("C-1", "K-1", "2026-01-01", "2026-12-31", plan="annual",
                           prepaid_fees=[tariff.PrepaidFee("support", "2026-01-01", "2026-06-30",
                                                           units="10")])
    assert pickle.loads(pickle.dumps(deal)) == deal
    paid = tariff.Payment("P-1", "C-1", "2026-03-16", "20000.00")
    assert pickle.loads(pickle.dumps([paid, deal.prepaid_fees[0]])) == [paid,
                                                                       deal.prepaid_fees[0]]
    state.balance = "17500.00"
    assert pickle.loads(pickle.dumps(state)) == state


def _price_in_a_worker(t, contracts, table):
    return list(t.price_table(contracts, table, money="str").amount)


def test_a_tariff_prices_in_worker_processes(examples):
    folder = examples / "04-night-work"
    t = tariff.compile(folder / "tariff.tariff")
    contracts = tariff.load_contracts(folder / "contracts.csv")
    table = tariff.read_table(folder / "work.csv")
    here = _price_in_a_worker(t, contracts, table)
    spawn = multiprocessing.get_context("spawn")  # a fresh interpreter: nothing inherited
    with concurrent.futures.ProcessPoolExecutor(max_workers=2, mp_context=spawn) as pool:
        futures = [pool.submit(_price_in_a_worker, t, contracts, table) for _ in range(4)]
        results = [f.result(timeout=60) for f in futures]
    assert results == [here] * 4
    assert here[0] == "12500.00"
