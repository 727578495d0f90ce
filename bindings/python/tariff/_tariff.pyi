"""Type stubs of the extension module tariff._tariff (bindings/python/src)."""

import datetime
from decimal import Decimal
from typing import Any, Iterable, Mapping, Optional, Union

DecimalLike = Union[Decimal, int, str]  # never float
InstantLike = Union[datetime.datetime, str]  # aware datetime, or ISO 8601 text with an offset
DateLike = Union[datetime.date, str]  # a date (not a datetime), or "YYYY-MM-DD"
AttributeValue = Union[str, int, Decimal, bool, None]

__version__: str

class TariffError(Exception):
    diagnostics: list[Diagnostic]
    input_errors: list[InputError]

class Cancelled(TimeoutError, TariffError): ...

class FixIt:
    line: int
    column: int
    end_line: int
    end_column: int
    replacement: str

class Diagnostic:
    file: str
    name: str
    line: int
    column: int
    length: int
    message: str
    note: str
    fixes: list[FixIt]
    source_line: str
    severity: str

class InputError:
    row: int
    id: str
    column: str
    message: str

class Period:
    def __init__(self, first: DateLike, last: DateLike) -> None: ...
    @property
    def first(self) -> datetime.date: ...
    @property
    def last(self) -> datetime.date: ...
    @property
    def days(self) -> int: ...
    def __contains__(self, day: DateLike) -> bool: ...
    def __hash__(self) -> int: ...

class Amendment:
    def __init__(self, effective: DateLike, attributes: Optional[Mapping[str, AttributeValue]] = ...,
                 client_attributes: Optional[Mapping[str, AttributeValue]] = ...,
                 plan: str = ...) -> None: ...
    @property
    def effective(self) -> datetime.date: ...
    @property
    def plan(self) -> str: ...
    @property
    def attributes(self) -> dict[str, str]: ...
    @property
    def client_attributes(self) -> dict[str, str]: ...

class PrepaidFee:
    def __init__(self, fee: str, first: DateLike, last: DateLike,
                 units: Optional[DecimalLike] = ...) -> None: ...
    @property
    def fee(self) -> str: ...
    @property
    def first(self) -> datetime.date: ...
    @property
    def last(self) -> datetime.date: ...
    @property
    def period(self) -> Period: ...
    @property
    def units(self) -> Optional[Decimal]: ...

class Contract:
    id: str
    client: str
    plan: str
    pricelist: str
    status: str
    start: datetime.date
    end: datetime.date
    client_since: Optional[datetime.date]
    attributes: dict[str, str]
    client_attributes: dict[str, str]
    amendments: list[Amendment]
    prepaid_fees: list[PrepaidFee]
    def __init__(self, id: str, client: str, start: DateLike, end: DateLike, *, plan: str = ...,
                 pricelist: str = ..., status: str = ..., client_since: Optional[DateLike] = ...,
                 attributes: Optional[Mapping[str, AttributeValue]] = ...,
                 client_attributes: Optional[Mapping[str, AttributeValue]] = ...,
                 amendments: list[Amendment] = ...,
                 prepaid_fees: list[PrepaidFee] = ...) -> None: ...

class WorkLine:
    id: str
    request: str
    contract: str
    item: str
    start: datetime.datetime
    end: Optional[datetime.datetime]
    quantity: Optional[Decimal]
    kind: str
    performer: str
    accepted: bool
    accepted_on: Optional[datetime.date]
    site: str
    time_zone: str
    site_attributes: dict[str, str]
    attributes: dict[str, str]
    void: bool
    def __init__(self, id: str, contract: str, item: str, start: InstantLike,
                 end: Optional[InstantLike] = ..., quantity: Optional[DecimalLike] = ..., *,
                 request: str = ..., kind: str = ..., performer: str = ..., accepted: bool = ...,
                 accepted_on: Optional[DateLike] = ..., site: str = ..., time_zone: str = ...,
                 site_attributes: Optional[Mapping[str, AttributeValue]] = ...,
                 attributes: Optional[Mapping[str, AttributeValue]] = ...,
                 void: bool = ...) -> None: ...

class Payment:
    id: str
    contract: str
    date: datetime.date
    amount: Decimal
    kind: str
    reverses: str
    def __init__(self, id: str, contract: str, date: DateLike, amount: DecimalLike, *,
                 kind: str = ..., reverses: str = ...) -> None: ...

Payments = Union[Payment, Iterable[Payment]]

class AllowanceUse:
    allowance: str
    period: Period
    used: Decimal
    def __init__(self, allowance: str, period: Period, used: DecimalLike) -> None: ...

class Volume:
    item: str
    period: Period
    quantity: Decimal
    def __init__(self, item: str, period: Period, quantity: DecimalLike) -> None: ...

class BilledLine:
    id: str
    fingerprint: str
    date: datetime.date
    item: str
    amount: Decimal
    cost: Decimal
    tax: Decimal
    rate: str
    included: list[AllowanceUse]
    volume: Decimal

class BilledFee:
    fee: str
    fee_period: Period
    covers: Period
    units: Decimal
    amount: Decimal

class CreditedPayment:
    id: str
    date: datetime.date
    amount: Decimal
    kind: str
    reverses: str
    refunded: Decimal

class IssuedStatement:
    id: str
    period: Period
    revision: int

class BillingState:
    allowances: list[AllowanceUse]
    volumes: list[Volume]
    balance: Decimal
    contract: str
    @property
    def format(self) -> int: ...
    @property
    def revision(self) -> int: ...
    @property
    def lines(self) -> list[BilledLine]: ...
    @property
    def fees(self) -> list[BilledFee]: ...
    @property
    def payments(self) -> list[CreditedPayment]: ...
    @property
    def statements(self) -> list[IssuedStatement]: ...
    def __init__(self, allowances: list[AllowanceUse] = ..., volumes: list[Volume] = ..., *,
                 balance: DecimalLike = ..., contract: str = ..., revision: int = ...) -> None: ...
    def to_json(self) -> str: ...
    @staticmethod
    def from_json(text: str) -> BillingState: ...
    def copy(self) -> BillingState: ...

class ItemQuantity:
    value: Decimal
    unit_seconds: int
    def __init__(self, value: DecimalLike, unit_seconds: int = ...) -> None: ...
    @property
    def is_time(self) -> bool: ...

class TraceStep:
    kind: str
    name: str
    before: Decimal
    after: Decimal
    factor: Decimal
    line: int
    column: int
    def to_dict(self) -> dict[str, Any]: ...

class PricedPart:
    begin: datetime.datetime
    end: datetime.datetime
    date: datetime.date
    labels: list[str]
    measured: ItemQuantity
    billed: ItemQuantity
    list_price: Decimal
    unit_price: Decimal
    amount: Decimal
    cost: Decimal
    allowance: Optional[str]
    covered: Decimal
    trace: list[TraceStep]
    def to_dict(self) -> dict[str, Any]: ...

class PricedLine:
    id: str
    request: str
    contract: str
    item: str
    kind: str
    date: Optional[datetime.date]
    ok: bool
    status: str
    reason: Optional[str]
    message: Optional[str]
    title: str
    price_list: str
    measured: ItemQuantity
    billed: ItemQuantity
    amount: Optional[Decimal]
    cost: Optional[Decimal]
    margin: Optional[Decimal]
    tax: Optional[Decimal]
    parts: list[PricedPart]
    line_trace: list[TraceStep]
    def to_dict(self) -> dict[str, Any]: ...

class FeeLine:
    description: str
    covers: Period
    fee_period: Period
    units: Decimal
    amount: Decimal
    prepaid_units: Decimal
    covered: Decimal
    tax: Decimal
    billed_before: Optional[Decimal]
    line: int
    column: int

class PlanDays:
    plan: str
    days: Period

class AllowanceReport:
    allowance: str
    period: Period
    included: ItemQuantity
    used_before: ItemQuantity
    used: ItemQuantity
    remaining: ItemQuantity
    covered_value: Decimal

class Alert:
    kind: str
    message: str
    allowance: str
    percent: Decimal
    line: str
    threshold: Decimal

class TaxLine:
    tax: str
    rate: str
    percent: Decimal
    base: Decimal
    amount: Decimal
    def to_dict(self) -> dict[str, Any]: ...

class PrepaidReport:
    opening: Decimal
    payments: list[Payment]
    received: Decimal
    refunded: Decimal
    drawn: Decimal
    closing: Decimal
    owed: Decimal
    def to_dict(self) -> dict[str, Any]: ...

class Reversal:
    id: str
    reason: str
    date: datetime.date
    item: str
    amount: Decimal
    cost: Decimal
    tax: Decimal
    rate: str
    returned: list[AllowanceUse]

class Statement:
    id: str
    opening_revision: int
    supplementary: bool
    contract: str
    client: str
    plan: str
    plans: list[PlanDays]
    currency: str
    tariff_hash: str
    engine: str
    tzdata: str
    versions: list[tuple[Optional[datetime.date], str, str]]
    period: Period
    fees: list[FeeLine]
    lines: list[PricedLine]
    adjustments: list[PricedLine]
    rejected: list[PricedLine]
    reversals: list[Reversal]
    already_billed: list[str]
    already_credited: list[str]
    fees_total: Decimal
    work_total: Decimal
    revenue: Decimal
    cost: Decimal
    margin: Decimal
    margin_percent: Optional[Decimal]
    tax_included: bool
    tax_exempt: bool
    taxes: list[TaxLine]
    tax: Decimal
    total: Decimal
    prepaid: Optional[PrepaidReport]
    allowances: list[AllowanceReport]
    alerts: list[Alert]
    closing: BillingState
    def to_json(self, *, inputs: bool = ...) -> str: ...
    def to_text(self, explain: bool = ...) -> str: ...
    def to_frame(self) -> Any: ...

class Change:
    key: str
    lines: int
    changed: int
    old_rejected: int
    new_rejected: int
    old_revenue: Decimal
    new_revenue: Decimal
    old_cost: Decimal
    new_cost: Decimal
    old_margin: Decimal
    new_margin: Decimal
    revenue_change: Decimal
    margin_change: Decimal
    revenue_change_percent: Optional[Decimal]
    def to_dict(self) -> dict[str, Any]: ...

class LineChange:
    index: int
    client: str
    old_line: PricedLine
    new_line: PricedLine

class Comparison:
    currency: str
    old_name: str
    new_name: str
    old_hash: str
    new_hash: str
    history: Period
    total: Change
    fees: Change
    by_client: list[Change]
    by_item: list[Change]
    by_month: list[Change]
    lines: list[LineChange]
    def to_frame(self, by: str = ...) -> Any: ...

class PayoutLine:
    id: str
    request: str
    contract: str
    item: str
    date: datetime.date
    accepted_on: Optional[datetime.date]
    quantity: ItemQuantity
    rate: Decimal
    amount: Decimal
    payable: bool

class Payout:
    performer: str
    currency: str
    period: Period
    payable: Decimal
    pending: Decimal
    lines: list[PayoutLine]

class PortfolioRow:
    key: str
    currency: str
    statements: int
    lines: int
    fees: Decimal
    revenue: Decimal
    cost: Decimal
    margin: Decimal
    margin_percent: Optional[Decimal]
    loss: bool

class StaffPayLine:
    id: str
    request: str
    contract: str
    item: str
    kind: str
    date: datetime.date
    quantity: ItemQuantity
    amount: Decimal
    rule: Optional[str]
    pay: Decimal
    line: int
    column: int
    def to_dict(self) -> dict[str, Any]: ...

class StaffPay:
    employee: str
    currency: str
    period: Period
    total: Decimal
    lines: list[StaffPayLine]
    def to_dict(self) -> dict[str, Any]: ...

def write_staff_pay_csv(pays: list[StaffPay]) -> str: ...
def write_staff_pay_text(pays: list[StaffPay]) -> str: ...

def summarize(statements: list[Statement]) -> dict[str, list[PortfolioRow]]: ...

Contracts = Union[Contract, Iterable[Contract]]

class Tariff:
    name: str
    currency: str
    source_hash: str
    versions: list[tuple[Optional[datetime.date], str, str]]
    file: str
    source: str
    warnings: list[Diagnostic]
    time_zone: str
    plans: list[str]
    def price(self, contracts: Contracts, work: Iterable[WorkLine], *,
              trace: bool = ..., timeout: Optional[float] = ...) -> list[PricedLine]: ...
    def price_table(self, contracts: Any, work: Any, *, money: str = ...,
                    minor_scale: Optional[int] = ..., threads: int = ...,
                    timeout: Optional[float] = ...) -> Any: ...
    def statement_period(self, contract: Contract, day: DateLike) -> Period: ...
    def bill(self, contract: Contract, period: Union[Period, DateLike], work: Iterable[WorkLine], *,
             state: Optional[BillingState] = ..., payments: Optional[Payments] = ...,
             expiry_warning_days: int = ..., trace: bool = ..., on_repeat: str = ...,
             late_work_periods: Optional[int] = ...,
             timeout: Optional[float] = ...) -> Statement: ...
    def bill_table(self, contracts: Any, work: Any, periods: Any, *, states: Any = ...,
                   payments: Optional[Payments] = ..., expiry_warning_days: int = ...,
                   trace: bool = ..., on_repeat: str = ...,
                   late_work_periods: Optional[int] = ...) -> Any: ...
    def price_with_state(self, contract: Contract, state: BillingState, work: Iterable[WorkLine], *,
                         trace: bool = ...,
                         timeout: Optional[float] = ...) -> list[PricedLine]: ...
    def estimate(self, contract: Contract, state: BillingState, work: Iterable[WorkLine], *,
                 trace: bool = ..., timeout: Optional[float] = ...) -> list[PricedLine]: ...
    def compare(self, proposed: Tariff, contracts: Contracts, history: Iterable[WorkLine], *,
                trace: bool = ..., keep_lines: bool = ..., include_fees: bool = ...,
                timeout: Optional[float] = ...) -> Comparison: ...
    def payouts(self, contracts: Contracts, work: Iterable[WorkLine], period: Any, *,
                rates: str = ...) -> tuple[list[Payout], list[PricedLine]]: ...
    def staff_pays(self, contracts: Contracts, work: Iterable[WorkLine], period: Any, *,
                   pay: Optional[str] = ...) -> tuple[list[StaffPay], list[PricedLine]]: ...
    def priced_json(self, lines: list[PricedLine]) -> str: ...
    def priced_csv(self, lines: list[PricedLine]) -> str: ...

def check(source: str, file: str = ...) -> list[Diagnostic]: ...
def read_work_csv(text: str) -> list[WorkLine]: ...
def read_work_json(text: str) -> list[WorkLine]: ...
def read_contracts_csv(text: str) -> list[Contract]: ...
def read_contracts_json(text: str) -> list[Contract]: ...
def read_payments_csv(text: str) -> list[Payment]: ...
def read_payments_json(text: str) -> list[Payment]: ...
def write_work_csv(work: Iterable[WorkLine]) -> str: ...
def write_contracts_csv(contracts: Contracts) -> str: ...
def write_payments_csv(payments: Payments) -> str: ...
def write_payments_json(payments: Payments) -> str: ...
def expiring_contracts(contracts: Contracts, day: DateLike, days: int = ...) -> list[Contract]: ...

class VerifyDifference:
    contract: str
    period: str
    element: str
    where: str
    recorded: str
    repriced: str
    recorded_line: str
    repriced_line: str

class VerifyResult:
    identical: bool
    statements: int
    differing: int
    missing_hashes: list[str]
    differences: list[VerifyDifference]
    notes: list[str]
    def __bool__(self) -> bool: ...

def tzdata_version() -> str: ...
def _verify(statement_json: str, tariff_dir: str) -> VerifyResult: ...
