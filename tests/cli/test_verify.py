"""`tariff verify` as examples/15-verify/README.md shows it: each console session of the README
run in a scratch copy of the example, its output (standard output and error, in order) and exit
status compared with the README's. Then what the README does not show: an array of statements,
a tzdata note, a folder that is not one, and the usage errors."""
import json
import os
import pathlib
import shutil
import subprocess

import pytest

CLI = os.environ["TARIFF_CLI"]
EXAMPLES = pathlib.Path(os.environ["TARIFF_EXAMPLES"])
EXAMPLE = EXAMPLES / "15-verify"


def sessions():
    """The README's console blocks: lists of (command, expected output lines)."""
    blocks, block, inside = [], None, False
    for line in (EXAMPLE / "README.md").read_text(encoding="utf-8").splitlines():
        if line == "```console":
            inside, block = True, []
        elif line == "```" and inside:
            inside = False
            blocks.append(block)
        elif inside and line.startswith("$ "):
            block.append((line[2:], []))
        elif inside:
            block[-1][1].append(line)
    return blocks


@pytest.fixture()
def scratch(tmp_path):
    """A folder holding examples/15-verify as examples/15-verify, with `tariff` on the PATH."""
    shutil.copytree(EXAMPLE, tmp_path / "examples" / "15-verify")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "tariff").symlink_to(CLI)
    env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return tmp_path, env


def shell(command, cwd, env):
    return subprocess.run(["bash", "-c", command], cwd=cwd, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, timeout=60)


def test_the_readme_sessions(scratch):
    cwd, env = scratch
    blocks = sessions()
    assert len(blocks) == 4
    for block in blocks:
        for command, expected in block:
            r = shell(command, cwd, env)
            assert r.returncode == 0, (command, r.stdout)
            assert r.stdout.splitlines() == expected, command


def bill(cwd, env, *extra):
    r = shell("tariff bill -t examples/15-verify/tariff.tariff -c examples/15-verify/contracts.csv "
              "-w examples/15-verify/work.csv --period 2026-03 -f json " + " ".join(extra), cwd, env)
    assert r.returncode == 0, r.stdout
    return r.stdout


def test_every_statement_of_the_array_is_verified(scratch):
    cwd, env = scratch
    [march] = json.loads(bill(cwd, env))
    edited = json.loads(json.dumps(march))
    edited["revenue"] = "10000.00"
    (cwd / "two.json").write_text(json.dumps([march, edited]), encoding="utf-8")
    r = shell("tariff verify two.json --tariff-dir examples/15-verify", cwd, env)
    assert (r.returncode, r.stdout) == (3, "note: tariff 8b96fdadb948: examples/15-verify/tariff.tariff\n"
                                           "contract C-1, 2026-03-01..2026-03-31:\n"
                                           "  revenue: recorded \"10000.00\", re-priced \"11000.00\"\n"
                                           "differs: 1 figure(s) in 1 of 2 statement(s)\n")


def test_another_tzdata_is_a_note_and_the_figures_decide(scratch):
    cwd, env = scratch
    [march] = json.loads(bill(cwd, env))
    here = march["tzdata"]
    march["tzdata"], march["engine"] = "2019c", "0.1.0"
    (cwd / "old.json").write_text(json.dumps(march), encoding="utf-8")
    r = shell("tariff verify old.json --tariff-dir examples/15-verify", cwd, env)
    assert (r.returncode, r.stdout) == (0, "note: tariff 8b96fdadb948: examples/15-verify/tariff.tariff\n"
                                           "note: statement 1 (contract C-1) was priced by engine "
                                           "0.1.0, this one is 0.2.0\n"
                                           "note: statement 1 (contract C-1) was priced with tzdata "
                                           f"2019c, this machine has {here}\n"
                                           "identical\n")


def test_bad_input_and_usage(scratch):
    cwd, env = scratch
    (cwd / "march.json").write_text(bill(cwd, env), encoding="utf-8")
    r = shell("tariff verify march.json --tariff-dir nowhere", cwd, env)
    assert (r.returncode, r.stdout) == (1, "tariff: march.json: nowhere is not a folder\n")
    (cwd / "broken.json").write_text("[{", encoding="utf-8")
    r = shell("tariff verify broken.json --tariff-dir examples/15-verify", cwd, env)
    assert r.returncode == 1
    assert r.stdout.startswith("tariff: broken.json: the statement is not JSON: ")
    r = shell("tariff verify march.json", cwd, env)
    assert (r.returncode, r.stdout) == (2, "tariff: --tariff-dir is required (see 'tariff help verify')\n")
