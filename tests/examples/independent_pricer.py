#!/usr/bin/python3
"""An independent pricer for the golden examples (examples/NN-name/).

A second implementation of the engine's pricing semantics (docs/language.md, "Pricing
semantics"), written from the semantics alone with Python's decimal and zoneinfo. It does NOT read
the rules language: each example folder has its own small hard-coded description below (prices,
costs, windows, factors, billing steps, minimums, the loyalty table...), the same facts the
folder's tariff.tariff states in the language. It reads the folder's contracts.csv and work.csv and
prices every line itself: its amount and cost, or the reason it is rejected.

Two checks, each over every example folder that has a description:

  --check-expect   its figures against the pricing assertions of the folder's expect.txt (the
                   `line` directives before any `bill` or `estimate`; numbers compare by value
                   here, the C++ harness compares their scale);
  --engine PATH    its figures against the engine's command-line tool,
                   `PATH price TARIFF CONTRACTS_CSV WORK_CSV` (priced lines as CSV on stdout):
                   rejected or not (and the reason), amount and cost, to the cent, line by line.

The semantics it implements (the engine's, stated in docs/language.md):
  - A line's date is the local date of its start in the site's zone (the line's time_zone, else
    the tariff's zone, else UTC). The contract is in force when start <= date <= end; only a
    registered contract bills.
  - Time items are split at local midnight and at each window's start and end; adjacent stretches
    with the same date and windows are one segment. `bill started Q` rounds the line's total up
    (the added time goes to the last segment), or each segment with `per segment`; a minimum
    raises the billed quantity after the step, the extra going to the last segment.
  - Each part: the list price, the item's discount off it, then the rules in order; amount = unit
    price x billed quantity, exact (25 min = 25/60 h), rounded at `segment` if declared; the line
    is the sum of its parts, bounded by the minimum and maximum charge (billable lines only), then
    rounded at `line`. Cost = cost price x measured quantity, rounded the same way.
  - Lines of kind internal, warranty, bug_fix and company_cost: amount 0, billed 0, cost as above.

Daylight-saving changes are not modelled: the examples' zones (Moscow, Yekaterinburg) have none.
"""

import argparse
import csv
import dataclasses
import datetime as dt
import decimal
import io
import pathlib
import subprocess
import sys
import zoneinfo
from decimal import Decimal as D

# Exact enough for every intermediate value here: a decimal times whole seconds over 3600 either
# ends within a few digits or is non-terminating, and then it is never a rounding tie.
CTX = decimal.Context(prec=100, rounding=decimal.ROUND_HALF_UP,
                      traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow])
decimal.setcontext(CTX)

UTC = dt.timezone.utc
UNIT_SECONDS = {"hour": 3600, "minute": 60, "day": 86400}
NOT_BILLABLE = {"internal", "warranty", "bug_fix", "company_cost"}


def hours(n):
    return int(D(str(n)) * 3600)


def minutes(n):
    return n * 60


@dataclasses.dataclass(frozen=True)
class Item:
    unit: str                    # hour, minute, day: billed by time; anything else: counted
    price: D
    cost: D = D("0")
    step: object = None          # seconds for time items, units for counted ones
    per_segment: bool = False
    minimum: object = None       # seconds for time items, units for counted ones
    min_charge: D = None
    max_charge: D = None
    discount: D = None           # a fraction: 0.10 for 10 %

    @property
    def unit_seconds(self):
        return UNIT_SECONDS.get(self.unit, 0)


def item(unit, price, cost="0", **options):
    for key in ("min_charge", "max_charge", "discount"):
        if options.get(key) is not None:
            options[key] = D(options[key])
    return Item(unit, D(price), D(cost), **options)


def override(base, **changes):
    for key in ("price", "cost", "min_charge", "max_charge", "discount"):
        if changes.get(key) is not None:
            changes[key] = D(changes[key])
    return dataclasses.replace(base, **changes)


def night_rule(price, part, line):
    return price * 2 if "night" in part.labels else price


LOYALTY = {1: D("0"), 2: D("0.05"), 3: D("0.10"), 4: D("0.10")}


def loyalty_rule(price, part, line):
    share = LOYALTY.get(line.contract_year, D("0.15"))  # 5.. : 15 %
    return price - price * share


# --- the examples, described without the rules language ---------------------------------------

def _catalogue():
    building_a = {
        "hvac_repair": item("hour", "2500.00", "1400.00", step=hours(1)),
        "waste_removal": item("m3", "950.00", "600.00"),
        "cleaning": item("m2", "120.00", "70.00"),
        "cartridge": item("piece", "3200.00", "2100.00"),
    }
    building_b = dict(building_a)
    building_b["hvac_repair"] = override(building_a["hvac_repair"], price="2800.00")
    building_b["cleaning"] = override(building_a["cleaning"], price="135.00")
    covered = {"hvac_repair", "waste_removal", "cleaning"}
    return {
        "timezone": "Europe/Moscow",
        "rounding": {"line": (D("0.01"), decimal.ROUND_HALF_UP)},
        "windows": {},
        "lists": {"building_a": building_a, "building_b": building_b},
        "plans": {
            "tower_a": ("building_a", covered),
            "tower_b": ("building_b", covered),
            "print_room": ("building_a", None),
        },
        "rules": [],
    }


def _validity():
    return {
        "timezone": "Europe/Moscow",
        "rounding": {"line": (D("0.01"), decimal.ROUND_HALF_UP)},
        "windows": {},
        "lists": {"retail": {
            "engineer_visit": item("visit", "1800.00", "900.00"),
            "hvac_repair": item("hour", "2500.00", "1400.00"),
        }},
        "plans": {"standard": ("retail", None)},
        "rules": [],
    }


def _night_work():
    return {
        "timezone": "Europe/Moscow",
        "rounding": {"line": (D("0.01"), decimal.ROUND_HALF_UP)},
        "windows": {"night": (hours(22), hours(6))},
        "lists": {"retail": {
            "hvac_repair": item("hour", "2500.00", "1400.00"),
            "hvac_started": item("hour", "2500.00", "1400.00", step=hours(1)),
            "hvac_segments": item("hour", "2500.00", "1400.00", step=hours(1), per_segment=True),
        }},
        "plans": {"standard": ("retail", None)},
        "rules": [night_rule],
    }


def _loyalty():
    return {
        "timezone": "Europe/Moscow",
        "rounding": {"line": (D("0.01"), decimal.ROUND_HALF_UP)},
        "windows": {},
        "lists": {"retail": {
            "engineer_visit": item("visit", "1800.00", "900.00"),
            "support_hour": item("hour", "3000.00", "1500.00"),
        }},
        "plans": {"standard": ("retail", None)},
        "rules": [loyalty_rule],
    }


def _billing_units():
    return {
        "timezone": "Europe/Moscow",
        "rounding": {"line": (D("0.01"), decimal.ROUND_HALF_UP)},
        "windows": {},
        "lists": {"retail": {
            "hvac_repair": item("hour", "2500.00", "1400.00", step=hours(1), minimum=hours(1)),
            "support_hour": item("hour", "3000.00", "1500.00", step=minutes(15)),
            "inspection": item("hour", "2000.00", "1000.00", minimum=hours(1)),
            "callout": item("hour", "4000.00", "2000.00", step=minutes(30), minimum=hours(2)),
            "waste_removal": item("m3", "950.00", "600.00", min_charge="2850.00"),
            "pos_repair": item("hour", "2200.00", "1300.00", max_charge="15000.00"),
        }},
        "plans": {"standard": ("retail", None)},
        "rules": [],
    }


def _repair_kinds():
    return {
        "timezone": "Europe/Moscow",
        "rounding": {"line": (D("0.01"), decimal.ROUND_HALF_UP)},
        "windows": {},
        "lists": {"service": {
            "repair_labour": item("hour", "2200.00", "1300.00", step=minutes(15)),
            "control_board": item("piece", "4500.00", "3000.00"),
        }},
        "plans": {"service_centre": ("service", None)},
        "rules": [],
    }


def _cost_and_margin():
    return {
        "timezone": "Europe/Moscow",
        "rounding": {"line": (D("0.01"), decimal.ROUND_HALF_UP)},
        "windows": {},
        "lists": {"support": {
            "support_hour": item("hour", "1000.00", "1500.00", step=minutes(15)),
            "engineer_visit": item("visit", "1800.00", "900.00"),
            "server_setup": item("piece", "12000.00", "7500.00"),
        }},
        "plans": {"flat_support": ("support", None)},
        "rules": [],
    }


EXAMPLES = {
    "01-catalogue": _catalogue,
    "02-validity": _validity,
    "04-night-work": _night_work,
    "06-cost-and-margin": _cost_and_margin,
    "09-loyalty": _loyalty,
    "10-billing-units": _billing_units,
    "11-repair-kinds": _repair_kinds,
}

# --- pricing ---------------------------------------------------------------------------------


@dataclasses.dataclass
class Part:
    date: dt.date
    labels: tuple
    measured: object  # seconds (time items) or a Decimal count
    billed: object = None
    list_price: D = None
    unit_price: D = None
    amount: D = None
    cost: D = None


@dataclasses.dataclass
class Line:
    id: str
    rejected: str = None
    date: dt.date = None
    price_list: str = None
    contract_year: int = None
    kind: str = "billable"
    time_item: bool = False
    parts: list = dataclasses.field(default_factory=list)
    amount: D = None
    cost: D = None

    @property
    def margin(self):
        return self.amount - self.cost


def parse_instant(text):
    value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    if value.tzinfo is None:
        raise ValueError(f"timestamp without an offset: {text}")
    return value.astimezone(UTC)


def contract_year(since, day):
    def anniversary(year):
        if since.month == 2 and since.day == 29:
            try:
                return dt.date(year, 2, 29)
            except ValueError:
                return dt.date(year, 2, 28)
        return since.replace(year=year)

    completed = day.year - since.year
    if day < anniversary(day.year):
        completed -= 1
    return completed + 1


def in_window(second_of_day, window):
    start, end = window
    if start < end:
        return start <= second_of_day < end
    return second_of_day >= start or second_of_day < end  # crosses midnight


def split(start, end, zone, windows):
    """The segments of [start, end): (begin, end, local date, labels), merged where alike."""
    points = {start, end}
    day = start.astimezone(zone).date() - dt.timedelta(days=1)
    last = end.astimezone(zone).date() + dt.timedelta(days=1)
    offsets = {0}
    for window_start, window_end in windows.values():
        offsets.update({window_start, window_end % 86400})
    while day <= last:
        for offset in offsets:
            local = dt.datetime.combine(day, dt.time(0), tzinfo=zone) + dt.timedelta(seconds=offset)
            point = local.astimezone(UTC)
            if start < point < end:
                points.add(point)
        day += dt.timedelta(days=1)
    ordered = sorted(points)
    segments = []
    for begin, finish in zip(ordered, ordered[1:]):
        local = begin.astimezone(zone)
        second = local.hour * 3600 + local.minute * 60 + local.second
        labels = tuple(name for name, window in windows.items() if in_window(second, window))
        if segments and segments[-1][2] == local.date() and segments[-1][3] == labels:
            segments[-1] = (segments[-1][0], finish, local.date(), labels)
        else:
            segments.append((begin, finish, local.date(), labels))
    return segments


def round_up(value, step):
    """value rounded up to a whole number of steps (ints or Decimals)."""
    count = -(-value // step) if isinstance(value, int) else (value / step).to_integral_value(
        rounding=decimal.ROUND_CEILING)
    return count * step


def round_at(value, rounding):
    if rounding is None:
        return value
    step, mode = rounding
    return ((value / step).to_integral_value(rounding=mode) * step).quantize(step)


def price_line(desc, row, contracts):
    line = Line(row["id"], kind=row.get("kind") or "billable")
    contract = contracts.get(row["contract"])
    if contract is None:
        line.rejected = "unknown_contract"
        return line
    zone = zoneinfo.ZoneInfo(row.get("time_zone") or desc.get("timezone") or "UTC")
    start = parse_instant(row["start"])
    line.date = start.astimezone(zone).date()
    if (contract.get("status") or "registered") != "registered":
        line.rejected = "contract_not_registered"
        return line
    if line.date < dt.date.fromisoformat(contract["start"]):
        line.rejected = "contract_not_started"
        return line
    if line.date > dt.date.fromisoformat(contract["end"]):
        line.rejected = "contract_ended"
        return line
    plan_list, catalogue = desc["plans"][contract["plan"]]
    line.price_list = contract.get("pricelist") or plan_list
    known = set().union(*(items.keys() for items in desc["lists"].values()))
    if row["item"] not in known:
        line.rejected = "unknown_item"
        return line
    if catalogue is not None and row["item"] not in catalogue:
        line.rejected = "item_not_in_catalogue"
        return line
    spec = desc["lists"][line.price_list].get(row["item"])
    if spec is None:
        line.rejected = "item_not_in_price_list"
        return line
    since = dt.date.fromisoformat(contract.get("client_since") or contract["start"])
    line.contract_year = contract_year(since, line.date)
    billable = line.kind not in NOT_BILLABLE
    line.time_item = spec.unit_seconds != 0

    # Parts and their measured quantities.
    if line.time_item:
        if not row.get("end"):
            line.rejected = "missing_end"
            return line
        end = parse_instant(row["end"])
        for begin, finish, day, labels in split(start, end, zone, desc["windows"]):
            line.parts.append(Part(day, labels, int((finish - begin).total_seconds())))
        if not line.parts:  # an empty line: one part of no time
            line.parts.append(Part(line.date, (), 0))
    else:
        if not row.get("quantity"):
            line.rejected = "missing_quantity"
            return line
        line.parts.append(Part(line.date, (), D(row["quantity"])))

    # Billed quantities: the step, then the minimum; what they add goes to the last part.
    zero = 0 if line.time_item else D("0")
    for part in line.parts:
        part.billed = part.measured
    if not billable:
        for part in line.parts:
            part.billed = zero
    else:
        if spec.step is not None:
            if spec.per_segment:
                for part in line.parts:
                    part.billed = round_up(part.measured, spec.step)
            else:
                total = sum((p.measured for p in line.parts), zero)
                line.parts[-1].billed += round_up(total, spec.step) - total
        if spec.minimum is not None:
            total = sum((p.billed for p in line.parts), zero)
            if total < spec.minimum:
                line.parts[-1].billed += spec.minimum - total

    # Prices and amounts.
    segment_rounding = desc["rounding"].get("segment")
    line_rounding = desc["rounding"].get("line")

    def times(money, quantity):
        if line.time_item:
            return money * quantity / spec.unit_seconds
        return money * quantity

    for part in line.parts:
        part.list_price = spec.price
        if billable:
            unit_price = spec.price
            if spec.discount is not None:
                unit_price = unit_price - unit_price * spec.discount
            for rule in desc["rules"]:
                unit_price = rule(unit_price, part, line)
        else:
            unit_price = D("0")
        part.unit_price = unit_price
        part.amount = round_at(times(unit_price, part.billed), segment_rounding)
        part.cost = round_at(times(spec.cost, part.measured), segment_rounding)
    amount = sum((p.amount for p in line.parts), D("0"))
    if billable:
        if spec.min_charge is not None and amount < spec.min_charge:
            amount = spec.min_charge
        if spec.max_charge is not None and amount > spec.max_charge:
            amount = spec.max_charge
    line.amount = round_at(amount, line_rounding)
    line.cost = round_at(sum((p.cost for p in line.parts), D("0")), line_rounding)
    return line


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def price_folder(folder, desc):
    contracts = {row["id"]: row for row in read_csv(folder / "contracts.csv")}
    return [price_line(desc, row, contracts) for row in read_csv(folder / "work.csv")]


# --- the checks ------------------------------------------------------------------------------

def quantity_text(value, time_item):
    """As the engine's item_quantity::to_string writes it: "1h30min", "0min", "3"."""
    if not time_item:
        return str(value)
    if value == 0:
        return "0min"
    text = ""
    h, rest = divmod(value, 3600)
    m, s = divmod(rest, 60)
    text += f"{h}h" if h else ""
    text += f"{m}min" if m else ""
    text += f"{s}s" if s else ""
    return text


def line_field(line, field):
    if field == "rejected":
        return line.rejected or "priced"
    if field == "date":  # a rejected line keeps its date when it was dated before it failed
        return line.date.isoformat() if line.date else "-"
    if line.rejected:
        return f"rejected {line.rejected}"
    billed = sum((p.billed for p in line.parts), 0 if line.time_item else D("0"))
    measured = sum((p.measured for p in line.parts), 0 if line.time_item else D("0"))
    return {
        "amount": line.amount, "cost": line.cost, "margin": line.margin,
        "billed": quantity_text(billed, line.time_item),
        "measured": quantity_text(measured, line.time_item),
        "parts": str(len(line.parts)), "price_list": line.price_list,
        "date": line.date.isoformat(),
    }[field]


def part_field(line, part, field):
    return {
        "billed": quantity_text(part.billed, line.time_item),
        "measured": quantity_text(part.measured, line.time_item),
        "list_price": part.list_price, "unit_price": part.unit_price,
        "amount": part.amount, "cost": part.cost,
        "labels": "+".join(part.labels) or "-", "date": part.date.isoformat(),
        "allowance": "-", "covered": D("0"),  # pricing includes nothing: allowances are billing's
    }[field]


def same(mine, expected):
    if isinstance(mine, D):
        try:
            return mine == D(expected)
        except decimal.InvalidOperation:
            return False
    return str(mine) == expected


def check_expect(folder, lines):
    """Holds this pricer's figures against expect.txt; returns the failures."""
    failures = []
    by_id = {line.id: line for line in lines}
    path = folder / "expect.txt"
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        tokens = text.split("#", 1)[0].split()
        if not tokens:
            continue
        where = f"examples/{folder.name}/expect.txt:{number}"
        if tokens[0] in ("bill", "estimate"):
            break  # the pricing section ends; statements and estimates are not priced here
        if tokens[0] in ("expiring", "payout", "pay"):
            continue  # expiry, payouts and staff pay are not line pricing
        if tokens[0] != "line" or len(tokens) < 4:
            failures.append(f"{where}: cannot read '{text}'")
            continue
        line = by_id.get(tokens[1])
        if line is None:
            failures.append(f"{where}: line {tokens[1]} is not in work.csv")
            continue
        part_number, rest = 0, tokens[2:]
        if rest[0] == "part":
            part_number, rest = int(rest[1]), rest[2:]
        for field, expected in zip(rest[0::2], rest[1::2]):
            if field == "trace":
                continue  # this pricer keeps no trace
            subject = f"line {line.id}" + (f" part {part_number}" if part_number else "")
            if part_number == 0:
                mine = line_field(line, field)
            elif line.rejected:
                mine = f"rejected {line.rejected}"
            elif part_number > len(line.parts):
                mine = f"no part {part_number}"
            else:
                mine = part_field(line, line.parts[part_number - 1], field)
            if not same(mine, expected):
                failures.append(f"{where}: {subject} {field}: expect.txt says {expected}, "
                                f"the independent pricer {mine}")
    return failures


def check_engine(engine, folder, lines):
    """Holds the engine's priced lines against this pricer's; returns the failures."""
    command = [engine, "price", str(folder / "tariff.tariff"), str(folder / "contracts.csv"),
               str(folder / "work.csv")]
    run = subprocess.run(command, capture_output=True, text=True, check=False)
    name = f"examples/{folder.name}"
    if run.returncode != 0:
        return [f"{name}: `{' '.join(command)}` exited with {run.returncode}:\n{run.stderr}"]
    rows = list(csv.DictReader(io.StringIO(run.stdout)))
    failures = []
    engine_ids = [row.get("id") for row in rows]
    if engine_ids != [line.id for line in lines]:
        failures.append(f"{name}: the engine's lines {engine_ids} are not the work's "
                        f"{[line.id for line in lines]}")
    by_id = {row.get("id"): row for row in rows}
    for line in lines:
        row = by_id.get(line.id)
        if row is None:
            continue
        where = f"{name}: line {line.id}"
        status = row.get("status")
        if line.rejected:
            if status != "rejected":
                failures.append(f"{where}: the engine priced it (amount {row.get('amount')}), "
                                f"the independent pricer rejects it: {line.rejected}")
            elif row.get("reason") != line.rejected:
                failures.append(f"{where}: rejected as {row.get('reason')} by the engine, as "
                                f"{line.rejected} by the independent pricer")
            continue
        if status != "priced":
            failures.append(f"{where}: the engine rejected it ({row.get('reason')}: "
                            f"{row.get('message')}), the independent pricer prices it "
                            f"at {line.amount}")
            continue
        for field, mine in (("amount", line.amount), ("cost", line.cost)):
            if not same(mine, row.get(field) or ""):
                failures.append(f"{where} {field}: engine {row.get(field)}, "
                                f"independent pricer {mine}")
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", required=True, type=pathlib.Path,
                        help="the examples/ folder")
    parser.add_argument("--engine", help="the engine's CLI (tariff-demo)")
    parser.add_argument("--check-expect", action="store_true",
                        help="hold the figures against each folder's expect.txt")
    parser.add_argument("--only", action="append", help="price only this folder (repeatable)")
    parser.add_argument("--show", action="store_true", help="print every line's figures")
    args = parser.parse_args()
    if not args.engine and not args.check_expect and not args.show:
        parser.error("nothing to do: give --engine, --check-expect or --show")

    failures = []
    checked = 0
    examples = 0
    for name, describe in EXAMPLES.items():
        if args.only and name not in args.only:
            continue
        folder = args.examples / name
        if not (folder / "work.csv").exists():
            failures.append(f"examples/{name}: no such example folder")
            continue
        lines = price_folder(folder, describe())
        if args.show:
            for line in lines:
                figures = (f"rejected {line.rejected}" if line.rejected else
                           f"amount {line.amount} cost {line.cost} margin {line.margin}")
                print(f"{name} {line.id}: {figures}")
        if args.check_expect:
            failures += check_expect(folder, lines)
        if args.engine:
            failures += check_engine(args.engine, folder, lines)
        checked += len(lines)
        examples += 1
    described = set(EXAMPLES)
    for folder in sorted(args.examples.iterdir()):
        if (folder / "expect.txt").exists() and folder.name not in described:
            print(f"note: examples/{folder.name} has no description here; not cross-checked")
    for failure in failures:
        print(failure)
    print(f"{checked} lines in {examples} examples: "
          f"{'all agree' if not failures else f'{len(failures)} disagreements'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
