"""Who the documents are between, and what they call things: the caller's details.

Names, tax ids, addresses, bank details, document numbers and dates are the business's own
records; the library prints them and never makes one up. They come as dataclasses or from a JSON
file (``load_details``; docs/documents.md, "Party details", and examples/documents/parties.json):

    {"seller": {"name": ..., "tax_id": ..., "bank": {...}, "signatory": {...}},
     "clients": {"<client id of the contracts>": {"name": ..., ...}},
     "contracts": {"C-100": "Договор № ТО-100 от 29.12.2025"},
     "items": {"cartridge": {"title": "Картридж", "unit": "шт.", "material": true}},
     "document": {"number": "СЧ-0031", "date": "2026-03-31"}}

Unknown keys are refused with their place (``seller.bank.bik``): a typo in a bank field must not
leave an invoice without it silently.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import os
import pathlib
from dataclasses import dataclass, field
from typing import Any, Mapping, Optional, Union

__all__ = [
    "BankAccount", "Details", "DetailsError", "DocumentInfo", "ItemInfo", "Party", "Signatory",
    "load_details", "details_from_dict",
]


class DetailsError(ValueError):
    """Party details that are missing or do not read; the message names the place."""


@dataclass(frozen=True)
class BankAccount:
    """Where the seller is paid: Russian fields (BIC, settlement and correspondent accounts) and
    international ones (SWIFT, IBAN); a document prints those that are given."""

    name: str
    bic: str = ""
    account: str = ""
    correspondent_account: str = ""
    swift: str = ""
    iban: str = ""
    address: str = ""


@dataclass(frozen=True)
class Signatory:
    """Who signs for a party: "Генеральный директор", "Петров П. П."."""

    position: str
    name: str


@dataclass(frozen=True)
class Party:
    """A seller, a buyer or a performer as documents name them."""

    name: str
    tax_id: str = ""  # ИНН; VAT or tax number
    registration_code: str = ""  # КПП; a company number
    address: str = ""
    phone: str = ""
    email: str = ""
    bank: Optional[BankAccount] = None
    signatory: Optional[Signatory] = None  # the head (руководитель) or whoever signs
    accountant: Optional[Signatory] = None  # the chief accountant, on Russian invoices
    logo: str = ""  # an image file (PNG, JPEG, SVG) the default templates print at the top


@dataclass(frozen=True)
class ItemInfo:
    """How documents show one item of the tariff: its title in the document's language, its unit
    ("ч", "шт.", "visit"), and whether it is a material (the period report sums work and
    materials apart)."""

    title: str = ""
    unit: str = ""
    material: bool = False


@dataclass(frozen=True)
class DocumentInfo:
    """A document's own number and date (and, for an invoice, when it is due)."""

    number: str
    date: datetime.date
    due: Optional[datetime.date] = None


@dataclass(frozen=True)
class Details:
    """Everything documents need that the statement does not hold."""

    seller: Party
    clients: Mapping[str, Party] = field(default_factory=dict)  # by the contracts' client id
    contracts: Mapping[str, str] = field(default_factory=dict)  # contract id -> its title
    items: Mapping[str, ItemInfo] = field(default_factory=dict)  # item code -> how to show it
    plans: Mapping[str, str] = field(default_factory=dict)  # plan -> the title of its fee
    performers: Mapping[str, Party] = field(default_factory=dict)  # performer id -> who
    labels: Mapping[str, str] = field(default_factory=dict)  # "night" -> "ночное время"
    taxes: Mapping[str, str] = field(default_factory=dict)  # tax name -> "НДС"
    document: Optional[DocumentInfo] = None

    def client(self, client_id: str) -> Party:
        """The buyer's details; a client without them is an error, not a blank block."""
        try:
            return self.clients[client_id]
        except KeyError:
            raise DetailsError(f"no details for client {client_id!r} (add it under \"clients\")") \
                from None

    def item(self, code: str) -> ItemInfo:
        return self.items.get(code, ItemInfo())

    def performer(self, performer_id: str) -> Party:
        """A performer's details; without them, the id is its name (a payout register is an
        internal document, and every performer must still appear in it)."""
        return self.performers.get(performer_id, Party(name=performer_id))


# Reading ---------------------------------------------------------------------------------------


def _fields(cls: type) -> dict[str, dataclasses.Field]:
    return {f.name: f for f in dataclasses.fields(cls)}


def _at(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _object(value: Any, where: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise DetailsError(f"{where or 'details'}: expected an object, not {type(value).__name__}")
    return value


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise DetailsError(f"{where}: expected text, not {type(value).__name__}")
    return value


def _date(value: Any, where: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(_text(value, where))
    except ValueError:
        raise DetailsError(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from None


def _record(cls: type, value: Any, where: str, readers: Mapping[str, Any]) -> Any:
    """``cls`` from a JSON object whose keys are its fields: text fields read as text, the others
    by ``readers``; unknown keys and missing required fields are errors."""
    data = _object(value, where)
    known = _fields(cls)
    arguments = {}
    for key, item in data.items():
        if key not in known:
            raise DetailsError(f"{_at(where, key)}: unknown key (known: {', '.join(known)})")
        read = readers.get(key, _text)
        arguments[key] = read(item, _at(where, key))
    missing = [name for name, f in known.items() if name not in arguments
               and f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
    if missing:
        raise DetailsError(f"{where or 'details'}: {', '.join(missing)} required")
    return cls(**arguments)


def _bool(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise DetailsError(f"{where}: expected true or false, not {type(value).__name__}")
    return value


def _party(value: Any, where: str) -> Party:
    return _record(Party, value, where, {
        "bank": lambda v, w: _record(BankAccount, v, w, {}),
        "signatory": lambda v, w: _record(Signatory, v, w, {}),
        "accountant": lambda v, w: _record(Signatory, v, w, {}),
    })


def _item(value: Any, where: str) -> ItemInfo:
    return _record(ItemInfo, value, where, {"material": _bool})


def _document(value: Any, where: str) -> DocumentInfo:
    return _record(DocumentInfo, value, where, {"date": _date, "due": _date})


def _mapping(read):
    def read_all(value: Any, where: str) -> dict[str, Any]:
        return {key: read(item, _at(where, key)) for key, item in _object(value, where).items()}
    return read_all


def details_from_dict(data: Mapping[str, Any], where: str = "") -> Details:
    """Details from plain data (a parsed JSON file), checked key by key."""
    return _record(Details, data, where, {
        "seller": _party,
        "clients": _mapping(_party),
        "contracts": _mapping(_text),
        "items": _mapping(_item),
        "plans": _mapping(_text),
        "performers": _mapping(_party),
        "labels": _mapping(_text),
        "taxes": _mapping(_text),
        "document": _document,
    })


def load_details(path: Union[str, "os.PathLike[str]"]) -> Details:
    """Details from a JSON file (UTF-8). Raises DetailsError naming the file and the place."""
    path = pathlib.Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise DetailsError(f"{path}: cannot read: {e.strerror}") from None
    except json.JSONDecodeError as e:
        raise DetailsError(f"{path}: not JSON: {e}") from None
    try:
        details = details_from_dict(data)
    except DetailsError as e:
        raise DetailsError(f"{path}: {e}") from None
    logo = details.seller.logo
    if logo and not pathlib.Path(logo).is_absolute():
        # A logo next to the details file is found wherever the command runs.
        seller = dataclasses.replace(details.seller, logo=str(path.parent / logo))
        details = dataclasses.replace(details, seller=seller)
    return details
