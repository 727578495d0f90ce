"""tariff.dask.price_dataframe has price_table's default money, exact Decimals, so that a plain
groupby sum gives the exact total (with text it would concatenate "1800.00" + "6400.00"). Run in
this process with Dask's synchronous scheduler; the two-worker cluster is test_dask.py."""

from decimal import Decimal

import pandas as pd
import pytest

import tariff

dask_dataframe = pytest.importorskip("dask.dataframe")

import tariff.dask  # noqa: E402  (after the skip)


def test_the_default_is_exact_decimals_and_a_groupby_sum_adds_them(subscription, examples):
    t, contracts, _ = subscription
    work = tariff.read_table(examples / "03-subscription" / "work.csv")
    table = pd.concat([work] * 3, ignore_index=True)
    table["id"] = [f"L{i}" for i in range(len(table))]
    lazy = tariff.dask.price_dataframe(t, contracts, dask_dataframe.from_pandas(table,
                                                                                npartitions=3))
    by_item = lazy.groupby("item")["amount"].sum().compute(scheduler="sync")
    # Three copies of 6 visits at 1800.00 (lines priced on their own: no allowance) and of 3
    # cartridges at 3200.00.
    assert by_item.to_dict() == {"engineer_visit": Decimal("32400.00"),
                                 "cartridge": Decimal("28800.00")}
    assert all(isinstance(v, Decimal) for v in by_item)
    assert lazy.amount.sum().compute(scheduler="sync") == Decimal("61200.00")
    assert t.price_table(contracts, table).amount.sum() == Decimal("61200.00")
