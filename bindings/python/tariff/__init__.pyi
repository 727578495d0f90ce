"""Type stubs of the tariff package (tariff/__init__.py re-exports tariff._tariff)."""

import os
from typing import Any, Iterable, Optional, Union

from ._tariff import (
    Alert as Alert,
    AllowanceReport as AllowanceReport,
    AllowanceUse as AllowanceUse,
    Amendment as Amendment,
    BillingState as BillingState,
    Change as Change,
    Comparison as Comparison,
    Contract as Contract,
    Contracts,
    Diagnostic as Diagnostic,
    FeeLine as FeeLine,
    InputError as InputError,
    ItemQuantity as ItemQuantity,
    LineChange as LineChange,
    Payout as Payout,
    PayoutLine as PayoutLine,
    PortfolioRow as PortfolioRow,
    Period as Period,
    PricedLine as PricedLine,
    PricedPart as PricedPart,
    Statement as Statement,
    Tariff as Tariff,
    TariffError as TariffError,
    TraceStep as TraceStep,
    Volume as Volume,
    WorkLine as WorkLine,
    __version__ as __version__,
    expiring_contracts as expiring_contracts,
    read_contracts_csv as read_contracts_csv,
    read_contracts_json as read_contracts_json,
    read_work_csv as read_work_csv,
    read_work_json as read_work_json,
    summarize as summarize,
    write_contracts_csv as write_contracts_csv,
    write_work_csv as write_work_csv,
)

Source = Union[str, os.PathLike[str]]

def compile(source: Source, *, file: Optional[str] = ...) -> Tariff: ...
def check(source: Source, *, file: Optional[str] = ...) -> list[Diagnostic]: ...
def load_work(path: Union[str, os.PathLike[str]]) -> list[WorkLine]: ...
def load_contracts(path: Union[str, os.PathLike[str]]) -> list[Contract]: ...
def compare(current: Tariff, proposed: Tariff, contracts: Contracts, history: Iterable[WorkLine], *,
            trace: bool = ..., keep_lines: bool = ..., include_fees: bool = ...) -> Comparison: ...
def payouts(tariff: Tariff, contracts: Contracts, work: Iterable[WorkLine], period: Any, *,
            rates: str = ...) -> tuple[list[Payout], list[PricedLine]]: ...
def minor_units(currency: str) -> int: ...
def read_table(path: Any, **options: Any) -> Any: ...
def contracts_from_table(table: Any) -> list[Contract]: ...
def price_table(self: Tariff, contracts: Any, work: Any, *, money: str = ...,
                minor_scale: Optional[int] = ..., threads: int = ...) -> Any: ...
