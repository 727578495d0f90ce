"""Scale-out on an existing Dask cluster: a Dask DataFrame of work priced partition by partition.

    from dask.distributed import Client
    import tariff, tariff.dask
    client = Client("tcp://scheduler:8786")          # the cluster you already run
    priced = tariff.dask.price_dataframe(t, contracts, work_ddf, money="minor")
    totals = priced.groupby("contract")["amount"].sum().compute()

Each partition is priced on a worker with Tariff.price_table, the GIL released, so a worker
with several threads prices several partitions at once. The tariff travels to the workers
pickled (its source; each worker process compiles it once) and so do the contracts. Lines are
priced on their own, so the result does not depend on how the work is partitioned; period
billing (allowances, fees) needs a contract's lines together and is not done here.
"""

from __future__ import annotations

from typing import Optional

from ._optional import require
from ._table import _contracts, price_table


def _price_partition(partition, tariff, contracts, money, minor_scale, threads):
    return price_table(tariff, contracts, partition, money=money, minor_scale=minor_scale,
                       threads=threads)


def price_dataframe(tariff, contracts, work, *, money: str = "decimal",
                    minor_scale: Optional[int] = None, threads: int = 1):
    """A dask.dataframe.DataFrame of work priced partition by partition.

    ``work`` has the columns of the work format, as for Tariff.price_table; ``contracts`` are
    Contract objects or a (pandas) table of them. Returns a lazy Dask DataFrame with
    price_table's columns and the partitions (and index) of ``work``. money: as price_table's,
    with the same default, "decimal": exact Decimals that a groupby sum adds exactly (text
    would be concatenated). "minor" (integers) is the cheapest to move between workers.
    """
    require("dask", "tariff.dask.price_dataframe")
    deals = _contracts(contracts)
    # The result's columns and dtypes: price_table of the empty frame Dask keeps for ``work``.
    meta = price_table(tariff, deals, work._meta, money=money, minor_scale=minor_scale)
    return work.map_partitions(_price_partition, tariff, deals, money, minor_scale, threads,
                               meta=meta, align_dataframes=False)
