"""Scale-out on a Dask cluster: two worker processes on 127.0.0.1, one thread each, price a Dask
DataFrame partition by partition and give exactly what one process gives. Bounded: the cluster
must start within 30 s and the computation finish within 60 s (CTest adds its own timeout)."""

import faulthandler

import pandas as pd
import pytest

import tariff

dask_dataframe = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

import tariff.dask  # noqa: E402  (after the skips: it needs nothing of Dask to import)

pytestmark = pytest.mark.dask


@pytest.fixture(scope="module")
def client():
    faulthandler.dump_traceback_later(110, exit=True)  # a hung cluster fails, it does not hang
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       host="127.0.0.1", dashboard_address=None,
                                       worker_dashboard_address=None, timeout="30s")
    try:
        with distributed.Client(cluster, timeout="30s") as c:
            yield c
    finally:
        cluster.close(timeout=30)
        faulthandler.cancel_dump_traceback_later()


def test_two_workers_price_like_one_process(client, examples):
    folder = examples / "04-night-work"
    t = tariff.compile(folder / "tariff.tariff")
    contracts = tariff.load_contracts(folder / "contracts.csv")
    work = tariff.read_table(folder / "work.csv")
    table = pd.concat([work] * 500, ignore_index=True)  # 4 000 lines
    table["id"] = [f"L{i}" for i in range(len(table))]
    expected = t.price_table(contracts, table, money="minor")

    lazy = tariff.dask.price_dataframe(t, contracts,
                                       dask_dataframe.from_pandas(table, npartitions=8),
                                       money="minor")
    assert list(lazy.columns) == list(expected.columns)
    got = client.compute(lazy).result(timeout=60)
    pd.testing.assert_frame_equal(got, expected)
    # Both workers took part.
    workers = client.run(lambda: 1, workers=None)
    assert len(workers) == 2
    total = client.compute(lazy.amount.sum()).result(timeout=60)
    assert total == expected.amount.sum()
