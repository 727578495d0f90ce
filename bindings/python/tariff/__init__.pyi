"""Type stubs of the tariff package (tariff/__init__.py re-exports tariff._tariff)."""

import os
from typing import Any, Iterable, Optional, Union

from ._tariff import (
    Alert as Alert,
    AllowanceReport as AllowanceReport,
    AllowanceUse as AllowanceUse,
    Amendment as Amendment,
    BilledFee as BilledFee,
    BilledLine as BilledLine,
    BillingState as BillingState,
    Change as Change,
    Comparison as Comparison,
    Contract as Contract,
    Contracts,
    CreditedPayment as CreditedPayment,
    Diagnostic as Diagnostic,
    FeeLine as FeeLine,
    FixIt as FixIt,
    InputError as InputError,
    IssuedStatement as IssuedStatement,
    ItemQuantity as ItemQuantity,
    LineChange as LineChange,
    Payment as Payment,
    Payout as Payout,
    PayoutLine as PayoutLine,
    PortfolioRow as PortfolioRow,
    Period as Period,
    PrepaidFee as PrepaidFee,
    PrepaidReport as PrepaidReport,
    PricedLine as PricedLine,
    PricedPart as PricedPart,
    Reversal as Reversal,
    StaffPay as StaffPay,
    StaffPayLine as StaffPayLine,
    Statement as Statement,
    Tariff as Tariff,
    TariffError as TariffError,
    Cancelled as Cancelled,
    TaxLine as TaxLine,
    TraceStep as TraceStep,
    VerifyDifference as VerifyDifference,
    VerifyResult as VerifyResult,
    Volume as Volume,
    WorkLine as WorkLine,
    __version__ as __version__,
    expiring_contracts as expiring_contracts,
    read_contracts_csv as read_contracts_csv,
    read_contracts_json as read_contracts_json,
    read_payments_csv as read_payments_csv,
    read_payments_json as read_payments_json,
    read_work_csv as read_work_csv,
    read_work_json as read_work_json,
    summarize as summarize,
    tzdata_version as tzdata_version,
    write_contracts_csv as write_contracts_csv,
    write_payments_csv as write_payments_csv,
    write_payments_json as write_payments_json,
    write_staff_pay_csv as write_staff_pay_csv,
    write_staff_pay_text as write_staff_pay_text,
    write_work_csv as write_work_csv,
)

Source = Union[str, os.PathLike[str]]

class MissingDependency(ModuleNotFoundError): ...

def compile(source: Union[Source, list[Source], tuple[Source, ...]], *,
            file: Optional[str] = ..., timeout: Optional[float] = ...) -> Tariff: ...
def load(path: Union[str, os.PathLike[str]], *, file: Optional[str] = ...) -> Tariff: ...
def check(source: Source, *, file: Optional[str] = ...) -> list[Diagnostic]: ...
def verify(statement: Union[str, os.PathLike[str]],
           tariff_dir: Union[str, os.PathLike[str]]) -> VerifyResult: ...
def load_work(path: Union[str, os.PathLike[str]]) -> list[WorkLine]: ...
def load_contracts(path: Union[str, os.PathLike[str]]) -> list[Contract]: ...
def load_payments(path: Union[str, os.PathLike[str]]) -> list[Payment]: ...
def compare(current: Tariff, proposed: Tariff, contracts: Contracts, history: Iterable[WorkLine], *,
            trace: bool = ..., keep_lines: bool = ..., include_fees: bool = ...,
            timeout: Optional[float] = ...) -> Comparison: ...
def payouts(tariff: Tariff, contracts: Contracts, work: Iterable[WorkLine], period: Any, *,
            rates: str = ...) -> tuple[list[Payout], list[PricedLine]]: ...
def staff_pays(tariff: Tariff, contracts: Contracts, work: Iterable[WorkLine], period: Any, *,
               pay: Optional[str] = ...) -> tuple[list[StaffPay], list[PricedLine]]: ...
def minor_units(currency: str) -> int: ...
def read_table(path: Any, **options: Any) -> Any: ...
def contracts_from_table(table: Any) -> list[Contract]: ...
class BillingRun:
    statements: list[Statement]
    closing: dict[str, BillingState]
    not_billed: list[WorkLine]
    def to_frame(self) -> Any: ...

def bill_table(self: Tariff, contracts: Any, work: Any, periods: Any, *, states: Any = ...,
               payments: Any = ..., expiry_warning_days: int = ..., trace: bool = ...,
               on_repeat: str = ..., late_work_periods: Optional[int] = ...) -> BillingRun: ...
def price_table(self: Tariff, contracts: Any, work: Any, *, money: str = ...,
                minor_scale: Optional[int] = ..., threads: int = ...,
                timeout: Optional[float] = ...) -> Any: ...
