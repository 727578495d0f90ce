"""Large inputs (docs/cli.md, Large inputs): `price`, `bill` and `diff` read their work as a stream,
`bill` and `diff` sort it into contracts with an external sort that spills to temporary files past
TARIFF_SORT_MEMORY, and the ids are checked by sorting them. What a spill must not change is the
output: every test here runs a command with a tiny budget (many runs, merged a group at a time)
and requires exactly what it prints with all of it in memory, on work in date order, as an ITSM
system exports it.
"""
import json
import os
import pathlib
import subprocess

CLI = os.environ["TARIFF_CLI"]
EXAMPLES = pathlib.Path(os.environ["TARIFF_EXAMPLES"])
TARIFF = EXAMPLES / "03-subscription" / "tariff.tariff"
HEADER = "id,request,contract,item,start,end,quantity,kind,time_zone\n"
CONTRACTS = 40
LINES = 1200


def run(*args, memory=None):
    env = dict(os.environ)
    env.pop("TARIFF_SORT_MEMORY", None)
    if memory is not None:
        env["TARIFF_SORT_MEMORY"] = memory
    return subprocess.run([CLI, *map(str, args)], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, env=env, timeout=120)


def contracts(folder):
    path = folder / "contracts.csv"
    path.write_text("id,client,plan,start,end\n" + "".join(
        f"C-{c},K-{c},pos_service,2026-01-01,2026-12-31\n" for c in range(1, CONTRACTS + 1)))
    return path


def rows():
    """Line k: contract C-(k mod 40 + 1); a visit or a cartridge, alternately by 40 lines; a day
    and an hour of March 2026 (Moscow). As (start, row text)."""
    out = []
    for k in range(LINES):
        item = "engineer_visit" if (k // CONTRACTS) % 2 == 0 else "cartridge"
        start = f"2026-03-{1 + (k * 7) % 28:02d}T{8 + k % 10:02d}:{k % 60:02d}:00+03:00"
        out.append((start, f"W{k},R-{k},C-{k % CONTRACTS + 1},{item},{start},,1,,\n"))
    return out


def work(folder, name, order):
    path = folder / name
    ordered = sorted(rows()) if order == "date" else rows()
    path.write_text(HEADER + "".join(text for _, text in ordered))
    return path


def test_bill_sorts_a_date_ordered_export_into_contracts_within_any_memory(tmp_path):
    deals = contracts(tmp_path)
    by_date = work(tmp_path, "by_date.csv", "date")
    by_contract = work(tmp_path, "by_contract.csv", "contract")
    args = ["bill", "-t", TARIFF, "-c", deals, "--period", "2026-03", "-f", "json"]
    in_memory = run(*args, "-w", by_date)
    assert (in_memory.returncode, in_memory.stderr) == (0, "")
    spilled = run(*args, "-w", by_date, memory="1K")
    assert (spilled.returncode, spilled.stderr) == (0, "")
    assert spilled.stdout == in_memory.stdout
    # The same statements from a file in another order; each records its work as it was given
    # (its `inputs`, which `tariff verify` bills again), so those differ.
    def figures(text):
        return [{k: v for k, v in s.items() if k != "inputs"} for s in json.loads(text)]
    assert figures(run(*args, "-w", by_contract, memory="1K").stdout) == figures(in_memory.stdout)
    statements = json.loads(in_memory.stdout)
    assert [s["contract"] for s in statements] == [f"C-{c}" for c in range(1, CONTRACTS + 1)]
    # C-1: lines 0, 40, … 1160: 15 visits (3 included, 12 × 1800.00) and 15 cartridges (3200.00).
    first = statements[0]
    assert (len(first["lines"]), first["fees_total"], first["work_total"], first["revenue"]) == (
        30, "45000.00", "69600.00", "114600.00")


def test_price_streams_a_large_export_in_input_order(tmp_path):
    deals = contracts(tmp_path)
    by_date = work(tmp_path, "by_date.csv", "date")
    r = run("price", "-t", TARIFF, "-c", deals, "-w", by_date, "-f", "csv", memory="1K")
    assert (r.returncode, r.stderr) == (0, "")
    assert [line.split(",")[0] for line in r.stdout.splitlines()[1:]] == [
        text.split(",")[0] for _, text in sorted(rows())]


def test_an_id_given_twice_is_found_by_the_sorted_ids(tmp_path):
    deals = contracts(tmp_path)
    path = work(tmp_path, "work.csv", "date")
    text = path.read_text().splitlines(keepends=True)
    # Row 1001 takes the id of row 3 (W-ids of the date order), far beyond any block of ids.
    first_id = text[2].split(",")[0]
    text[1000] = first_id + text[1000][text[1000].index(","):]
    path.write_text("".join(text))
    for command in (["price"], ["bill", "--period", "2026-03"], ["diff", "--new", TARIFF]):
        tariff = ["--old", TARIFF] if command[0] == "diff" else ["-t", TARIFF]
        r = run(*command, *tariff, "-c", deals, "-w", path, "-o", tmp_path / "out", memory="1K")
        assert r.returncode == 1
        assert r.stderr == (f"{path}: row 1001 (id {first_id}), column 'id': duplicate id "
                            f"'{first_id}' (first on row 3)\n"
                            f"tariff: {path}: 1 row(s) could not be read; nothing was priced\n")
        assert not (tmp_path / "out").exists()


def test_diff_lists_the_first_lines_in_history_order(tmp_path):
    deals = contracts(tmp_path)
    dearer = tmp_path / "dearer.tariff"
    dearer.write_text(TARIFF.read_text().replace("price 3200.00", "price 3300.00"))
    by_date = work(tmp_path, "by_date.csv", "date")
    args = ["diff", "--old", TARIFF, "--new", dearer, "-c", deals, "-w", by_date, "-f", "json"]
    every = run(*args, memory="1K")
    assert (every.returncode, every.stderr) == (0, "")
    listed = json.loads(every.stdout)["lines"]
    assert len(listed) == LINES // 2  # every cartridge
    assert [l["index"] for l in listed] == sorted(l["index"] for l in listed)
    two = run(*args, "--lines", "2", memory="1K")
    assert two.stderr == "tariff: 600 lines priced differently; the first 2 are listed (--lines 2)\n"
    capped = json.loads(two.stdout)
    assert capped["lines"] == listed[:2]
    assert capped["total"] == json.loads(every.stdout)["total"]
    # 600 cartridges × 3300.00, 480 visits × 1800.00 (3 a month of each contract's 15 included)
    # and 40 fees of 45000.00.
    assert capped["total"]["new_revenue"] == "4644000.00"


def test_a_sort_memory_that_does_not_read_is_refused(tmp_path):
    deals = contracts(tmp_path)
    by_date = work(tmp_path, "by_date.csv", "date")
    for value in ("12", "lots", "-1M", "5X"):
        r = run("bill", "-t", TARIFF, "-c", deals, "-w", by_date, memory=value)
        assert (r.returncode, r.stdout) == (2, "")
        assert r.stderr == (f"tariff: TARIFF_SORT_MEMORY={value}: expected a size of at least 1K "
                            "in bytes, or with K, M or G\n")


def test_a_temporary_directory_that_cannot_be_written_is_named(tmp_path):
    deals = contracts(tmp_path)
    by_date = work(tmp_path, "by_date.csv", "date")
    env = dict(os.environ, TARIFF_SORT_MEMORY="1K", TMPDIR=str(tmp_path / "missing"))
    r = subprocess.run([CLI, "bill", "-t", str(TARIFF), "-c", str(deals), "-w", str(by_date),
                        "-o", str(tmp_path / "out.txt")], capture_output=True, text=True,
                       stdin=subprocess.DEVNULL, env=env, timeout=120)
    assert (r.returncode, r.stdout) == (1, "")
    assert r.stderr == (f"tariff: cannot create a temporary file of the sort in {tmp_path}/missing: "
                        "No such file or directory\n")
    assert not (tmp_path / "out.txt").exists()
