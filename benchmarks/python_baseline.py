#!/usr/bin/python3
"""Baseline (b) of the performance suite: the typical tariff (typical/typical.tariff) priced by a
plain Python script with the standard library's `decimal` and `zoneinfo` (the system tz database),
as an analyst would write it without the engine.

    /usr/bin/python3 benchmarks/python_baseline.py DIR [REPEAT]

reads DIR/contracts.csv and DIR/work.csv (written by typical_export), prices every line REPEAT
times (default 5) and prints JSON: the line count, the amount and cost totals, the median seconds
of one pass and the lines that differ from the engine's figures (compared after timing).

What one pass includes: for each line, its zone, local date, contract year, region factor and
loyalty, the walk through the line hour by hour in UTC (exact for these zones and this tariff:
their offsets are whole hours and the night starts and ends on the hour), the billing step and
minimum, the amount rounded half up to the cent, and the cost. Reading the CSV is not timed.
"""
import csv
import json
import statistics
import sys
import time
from datetime import date, datetime, timezone
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

CENT = Decimal("0.01")
HOUR = 3600
ITEMS = {  # price, cost, per hour?, minimum seconds
    "field_service": (Decimal("96.00"), Decimal("52.00"), True, 3600),
    "remote_support": (Decimal("64.00"), Decimal("31.00"), True, 0),
    "engineer_visit": (Decimal("45.00"), Decimal("22.00"), False, 0),
    "spare_part": (Decimal("12.50"), Decimal("7.90"), False, 0),
}
REGION = {"central": Decimal("1.00"), "north": Decimal("1.10"), "south": Decimal("1.05"),
          "east": Decimal("0.95")}
OTHER_REGION = Decimal("1.15")


def loyalty(year):
    if year <= 1:
        return Decimal("0")
    if year == 2:
        return Decimal("0.02")
    if year <= 4:
        return Decimal("0.05")
    return Decimal("0.08")


def contract_year(since, day):
    years = day.year - since.year
    try:
        anniversary = since.replace(year=day.year)
    except ValueError:  # 29 February in a common year
        anniversary = date(day.year, 2, 28)
    if day < anniversary:
        years -= 1
    return years + 1


def price_line(line, contracts, zones):
    zone = zones.get(line["time_zone"])
    if zone is None:
        zone = zones[line["time_zone"]] = ZoneInfo(line["time_zone"])
    start = line["start"]
    day = datetime.fromtimestamp(start, zone).date()
    since, first, last = contracts[line["contract"]]
    if day < first or day > last:
        return None
    price, cost, timed, minimum = ITEMS[line["item"]]
    billable = line["kind"] == "billable"
    factor = REGION.get(line["region"], OTHER_REGION)
    if not timed:
        quantity = Decimal(line["quantity"])
        amount = Decimal(0)
        if billable:
            p = price * factor
            p = p - p * loyalty(contract_year(since, day))
            amount = p * quantity
        return (amount.quantize(CENT, ROUND_HALF_UP), (cost * quantity).quantize(CENT, ROUND_HALF_UP))
    end = line["end"]
    day_seconds = night_seconds = 0
    last_night = False
    t = start
    while t < end:
        piece_end = min((t // HOUR + 1) * HOUR, end)
        hour = datetime.fromtimestamp(t, zone).hour
        last_night = hour >= 22 or hour < 6
        if last_night:
            night_seconds += piece_end - t
        else:
            day_seconds += piece_end - t
        t = piece_end
    measured = day_seconds + night_seconds
    amount = Decimal(0)
    if billable:
        billed = -(-measured // 900) * 900
        billed = max(billed, minimum)
        if last_night:
            night_seconds += billed - measured
        else:
            day_seconds += billed - measured
        keep = 1 - loyalty(contract_year(since, day))
        day_price = price * factor * keep
        night_price = price * 2 * factor * keep
        amount = (day_price * day_seconds + night_price * night_seconds) / HOUR
    return (amount.quantize(CENT, ROUND_HALF_UP),
            (cost * measured / HOUR).quantize(CENT, ROUND_HALF_UP))


def main():
    folder = sys.argv[1]
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    contracts = {}
    with open(folder + "/contracts.csv", newline="") as f:
        for row in csv.DictReader(f):
            contracts[row["id"]] = (date.fromisoformat(row["client_since"]),
                                    date.fromisoformat(row["start"]), date.fromisoformat(row["end"]))
    lines = []
    with open(folder + "/work.csv", newline="") as f:
        for row in csv.DictReader(f):
            row["start"] = int(row["start"])
            row["end"] = int(row["end"]) if row["end"] else None
            lines.append(row)
    times = []
    for _ in range(repeat):
        zones = {}
        began = time.perf_counter()
        results = [price_line(line, contracts, zones) for line in lines]
        times.append(time.perf_counter() - began)
    differ = [line["id"] for line, r in zip(lines, results)
              if r is None or r[0] != Decimal(line["engine_amount"])
              or r[1] != Decimal(line["engine_cost"])]
    print(json.dumps({
        "lines": len(lines),
        "amount": str(sum((r[0] for r in results if r), Decimal("0.00"))),
        "cost": str(sum((r[1] for r in results if r), Decimal("0.00"))),
        "seconds_median": statistics.median(times),
        "seconds_all": times,
        "differ": differ[:10],
        "differ_count": len(differ),
        "python": sys.version.split()[0],
    }))


if __name__ == "__main__":
    main()
