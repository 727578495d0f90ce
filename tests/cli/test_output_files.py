"""How the `tariff` tool writes its files (docs/cli.md, How files are written): a regular file is
replaced atomically (a temporary file in its directory, synced, renamed over it), so a failed write
leaves the old file whole and no temporary file behind; a device is written directly; every write
error, standard output's included, is exit status 1 with a message naming what was not written.

Write errors are made real: /dev/full (ENOSPC), a file-size limit (RLIMIT_FSIZE, with SIGXFSZ
ignored so that the write fails with EFBIG instead of killing the tool), a read-only directory.
"""
import json
import os
import pathlib
import re
import resource
import shutil
import signal
import stat
import subprocess
import tempfile

import pytest

CLI = os.environ["TARIFF_CLI"]
EXAMPLES = pathlib.Path(os.environ["TARIFF_EXAMPLES"])
SUBSCRIPTION = EXAMPLES / "03-subscription"
INPUTS = ["-t", SUBSCRIPTION / "tariff.tariff", "-c", SUBSCRIPTION / "contracts.csv",
          "-w", SUBSCRIPTION / "work.csv"]
# One contract (C-1), March: a state can be saved.
BILL_MARCH = ["bill", *INPUTS, "--period", "2026-03", "--contract", "C-1"]
STRACE = shutil.which("strace")
FULL = "No space left on device"
TOO_LARGE = "File too large"


def run(*args, stdout=subprocess.PIPE, preexec_fn=None, cwd=None):
    return subprocess.run([CLI, *map(str, args)], stdout=stdout, stderr=subprocess.PIPE,
                          text=True, stdin=subprocess.DEVNULL, preexec_fn=preexec_fn, cwd=cwd,
                          timeout=60)


def size_limit(limit):
    """A preexec_fn: files may not grow beyond `limit` bytes, and going beyond is an error (EFBIG)
    rather than the signal that would kill the tool."""
    def limit_files():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return limit_files


def listing(folder):
    return sorted(p.name for p in pathlib.Path(folder).iterdir())


def no_temporary_files(*folders):
    for folder in folders:
        assert [n for n in listing(folder) if ".tariff-" in n] == []


# --- standard output ---------------------------------------------------------------------------

@pytest.mark.parametrize("command", [["price", *INPUTS], ["price", *INPUTS, "-f", "json"],
                                     BILL_MARCH, ["check", SUBSCRIPTION / "tariff.tariff"],
                                     ["--version"]])
def test_a_full_standard_output_is_an_error(command):
    with open("/dev/full", "w") as full:
        r = run(*command, stdout=full)
    assert r.returncode == 1
    assert r.stderr == f"tariff: cannot write standard output: {FULL}\n"


@pytest.mark.parametrize("old_state", [None, "opening"])
def test_no_state_is_saved_for_a_statement_that_was_not_written(tmp_path, old_state):
    state = tmp_path / "state.json"
    if old_state:
        assert run(*BILL_MARCH, "--save-state", state).returncode == 0
        before = state.read_bytes()
    with open("/dev/full", "w") as full:
        r = run(*BILL_MARCH, "--save-state", state, stdout=full)
    assert r.returncode == 1
    assert r.stderr == f"tariff: cannot write standard output: {FULL}\n"
    if old_state:
        assert state.read_bytes() == before
    else:
        assert not state.exists()
    assert listing(tmp_path) == (["state.json"] if old_state else [])


def test_no_state_is_saved_when_the_statement_file_cannot_be_written(tmp_path):
    state = tmp_path / "state.json"
    r = run(*BILL_MARCH, "--save-state", state, "-o", "/dev/full")
    assert r.returncode == 1
    assert r.stderr == f"tariff: cannot write /dev/full: {FULL}\n"
    assert listing(tmp_path) == []


# --- devices -----------------------------------------------------------------------------------

def test_a_device_is_written_directly():
    r = run("price", *INPUTS, "-o", "/dev/full")
    assert r.returncode == 1
    assert r.stderr == f"tariff: cannot write /dev/full: {FULL}\n"
    r = run("price", *INPUTS, "-o", "/dev/null")
    assert (r.returncode, r.stdout, r.stderr) == (0, "", "")


def test_dev_stdout_is_standard_output_not_a_file_to_replace(tmp_path):
    expected = run("price", *INPUTS).stdout
    r = run("price", *INPUTS, "-o", "/dev/stdout")  # a pipe, reached through /proc/self/fd
    assert (r.returncode, r.stdout, r.stderr) == (0, expected, "")
    # Into a file the shell opened for appending: appended to, not replaced or cut.
    log = tmp_path / "log.txt"
    log.write_text("earlier\n")
    with open(log, "a") as appending:
        r = run("price", *INPUTS, "-o", "/dev/stdout", stdout=appending)
    assert r.returncode == 0, r.stderr
    assert log.read_text() == "earlier\n" + expected


# --- a file-size limit: the old file stays whole -----------------------------------------------

def test_output_over_a_size_limit_leaves_the_old_file_whole(tmp_path):
    out = tmp_path / "priced.json"
    old = b"the previous output, longer than the limit\n" * 40
    out.write_bytes(old)
    assert len(run("price", *INPUTS, "-f", "json").stdout) > 1024  # more than the limit allows
    r = run("price", *INPUTS, "-f", "json", "-o", out, preexec_fn=size_limit(1024))
    assert r.returncode == 1
    assert r.stderr == f"tariff: cannot write {out}: {TOO_LARGE}\n"
    assert out.read_bytes() == old
    assert listing(tmp_path) == ["priced.json"]


def test_a_state_over_a_size_limit_leaves_the_shared_state_whole(tmp_path):
    state = tmp_path / "state.json"
    assert run(*BILL_MARCH, "--save-state", state).returncode == 0
    before = state.read_bytes()
    assert len(before) > 64
    # April from March's state, saved to the same file, which may not grow beyond 64 bytes.
    r = run("bill", *INPUTS, "--period", "2026-04", "--contract", "C-1", "--state", state,
            "--save-state", state, preexec_fn=size_limit(64))
    assert r.returncode == 1
    assert r.stderr == f"tariff: cannot write {state}: {TOO_LARGE}\n"
    assert r.stdout.startswith("Statement for contract C-1\n")  # the statement came before it
    assert state.read_bytes() == before
    assert listing(tmp_path) == ["state.json"]


def test_fmt_write_over_a_size_limit_leaves_the_tariff_whole(tmp_path):
    source = (EXAMPLES / "tariffs" / "facilities.tariff").read_text()
    untidy = source.replace("\n  ", "\n     ")
    assert untidy != source
    tariff_file = tmp_path / "untidy.tariff"
    tariff_file.write_text(untidy)
    tiny = tmp_path / "tiny.tariff"  # within the limit: still rewritten
    tiny.write_text('tariff   "Tiny" currency RUB\npricelist p {\n'
                    'item visit "Visit" per visit price 1500.00\n}\n')
    r = run("fmt", "--write", tariff_file, tiny, preexec_fn=size_limit(512))
    assert r.returncode == 1
    assert r.stderr == f"tariff: cannot write {tariff_file}: {TOO_LARGE}\n"
    assert tariff_file.read_text() == untidy
    assert tiny.read_text() == ('tariff "Tiny" currency RUB\npricelist p {\n'
                                '  item visit "Visit" per visit price 1500.00\n}\n')
    assert listing(tmp_path) == ["tiny.tariff", "untidy.tariff"]
    # Without the limit it is rewritten, to what `fmt` prints.
    r = run("fmt", "--write", tariff_file)
    assert (r.returncode, r.stderr) == (0, "")
    assert tariff_file.read_text() == source
    no_temporary_files(tmp_path)


# --- replacing ---------------------------------------------------------------------------------

def test_state_and_save_state_may_name_the_same_file(tmp_path):
    state = tmp_path / "state.json"
    assert run(*BILL_MARCH, "--save-state", state).returncode == 0
    march = state.read_bytes()
    april = ["bill", *INPUTS, "--period", "2026-04", "--contract", "C-1", "--state", state]
    reference = tmp_path / "reference.json"
    assert run(*april, "--save-state", reference).returncode == 0
    inode = state.stat().st_ino
    r = run(*april, "--save-state", state)
    assert (r.returncode, r.stderr) == (0, "")
    assert state.read_bytes() == reference.read_bytes() != march
    assert '"first": "2026-04-01"' in state.read_text()
    assert state.stat().st_ino != inode  # a new file renamed over it, not the old one rewritten
    no_temporary_files(tmp_path)


def test_a_symbolic_link_is_followed_and_stays_a_link(tmp_path):
    shared, link_folder = tmp_path / "shared", tmp_path / "links"
    shared.mkdir()
    link_folder.mkdir()
    target = shared / "state.json"
    target.write_text("{}\n")
    link = link_folder / "state.json"
    link.symlink_to(os.path.relpath(target, link_folder))
    r = run(*BILL_MARCH, "--save-state", link)
    assert (r.returncode, r.stderr) == (0, "")
    assert link.is_symlink() and os.readlink(link) == os.path.relpath(target, link_folder)
    assert json.loads(target.read_text())["allowances"][0]["used"] == "3"
    assert listing(shared) == ["state.json"] and listing(link_folder) == ["state.json"]


def test_a_dangling_link_gets_its_target_created(tmp_path):
    link = tmp_path / "out.csv"
    link.symlink_to("made.csv")
    r = run("price", *INPUTS, "-f", "csv", "-o", link)
    assert (r.returncode, r.stderr) == (0, "")
    assert link.is_symlink() and (tmp_path / "made.csv").read_text().startswith("id,")


def test_the_mode_of_an_existing_file_is_kept(tmp_path):
    out = tmp_path / "private.csv"
    out.write_text("old\n")
    out.chmod(0o600)
    r = run("price", *INPUTS, "-f", "csv", "-o", out)
    assert (r.returncode, r.stderr) == (0, "")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_text().startswith("id,")


def test_a_new_file_gets_the_umask(tmp_path):
    out = tmp_path / "new.csv"
    r = run("price", *INPUTS, "-f", "csv", "-o", out, preexec_fn=lambda: os.umask(0o027))
    assert (r.returncode, r.stderr) == (0, "")
    assert stat.S_IMODE(out.stat().st_mode) == 0o640  # 0666 less the umask, not mkstemp's 0600


def test_a_directory_is_not_replaced(tmp_path):
    r = run("price", *INPUTS, "-o", tmp_path)
    assert r.returncode == 1
    assert r.stderr == f"tariff: cannot write {tmp_path}: Is a directory\n"
    assert listing(tmp_path) == []


def test_a_missing_directory_is_named(tmp_path):
    out = tmp_path / "no-such-folder" / "out.csv"
    r = run("price", *INPUTS, "-o", out)
    assert r.returncode == 1
    assert r.stderr == f"tariff: cannot write {out}: No such file or directory\n"


def replacing_calls(log, target):
    """Checks, in an strace log, the order of the calls that replaced `target`: the temporary
    file created next to it (O_EXCL), written and synced, renamed over it, the directory synced."""
    lines = log.splitlines()

    def find(start, what, predicate):
        found = next((i for i in range(start, len(lines)) if predicate(lines[i])), None)
        assert found is not None, f"no {what} after line {start} of:\n{log}"
        return found

    def descriptor(line):
        return line.rsplit("= ", 1)[1].split()[0]

    prefix = f"{target.parent}/.{target.name}.tariff-"
    created = find(0, "temporary file",
                   lambda l: l.startswith("openat(") and prefix in l and "O_EXCL" in l)
    temporary = re.search(r'"([^"]+)"', lines[created]).group(1)
    fd = descriptor(lines[created])
    synced = find(created, "fsync of the file", lambda l: l.startswith(f"fsync({fd})"))
    renamed = find(synced, "rename",
                   lambda l: l.startswith("rename") and temporary in l and f'"{target}"' in l)
    opened = find(renamed, "directory opened", lambda l: l.startswith("openat(")
                  and f'"{target.parent}"' in l and "O_DIRECTORY" in l)
    find(opened, "fsync of the directory",
         lambda l: l.startswith(f"fsync({descriptor(lines[opened])})"))
    assert not any(f'"{target}"' in l and "O_TRUNC" in l for l in lines)  # never written in place


@pytest.mark.skipif(STRACE is None, reason="strace is not installed")
def test_the_state_is_synced_renamed_and_its_directory_synced(tmp_path):
    folder = tmp_path / "states"
    folder.mkdir()
    state = folder / "state.json"
    state.write_text("{}\n")
    log = tmp_path / "strace.log"
    calls = "trace=openat,fsync,rename,renameat,renameat2"
    traced = subprocess.run([STRACE, "-o", log, "-e", calls, CLI, *map(str, BILL_MARCH),
                             "--save-state", state],
                            capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60)
    if traced.returncode != 0 and "ptrace" in traced.stderr:
        pytest.skip(f"strace cannot trace here: {traced.stderr.strip()}")
    assert traced.returncode == 0, traced.stderr
    replacing_calls(log.read_text(), state.resolve())
    assert listing(folder) == ["state.json"]


# --- permissions -------------------------------------------------------------------------------

@pytest.fixture
def unprivileged():
    """(a folder others may enter, a preexec_fn): the tool runs as the user `nobody` when the tests
    run as root, whom permissions do not stop."""
    folder = pathlib.Path(tempfile.mkdtemp(prefix="tariff-output-"))
    folder.chmod(0o755)

    def drop_root():
        if os.geteuid() == 0:
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
    try:
        yield folder, drop_root
    finally:
        for path in [folder, *folder.rglob("*")]:
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o755)
        shutil.rmtree(folder)


def test_a_read_only_directory_is_a_clear_error(unprivileged):
    folder, drop_root = unprivileged
    locked = folder / "locked"
    locked.mkdir()
    out = locked / "out.csv"
    out.write_text("old\n")
    out.chmod(0o666)  # the file may be written; its directory may not
    locked.chmod(0o555)
    r = run("price", *INPUTS, "-f", "csv", "-o", out, preexec_fn=drop_root)
    assert r.returncode == 1
    assert r.stderr == f"tariff: cannot write {out}: Permission denied\n"
    assert out.read_text() == "old\n"
    assert listing(locked) == ["out.csv"]


def test_a_read_only_file_is_not_replaced(unprivileged):
    folder, drop_root = unprivileged
    folder.chmod(0o777)  # the directory would allow a rename
    out = folder / "state.json"
    out.write_text("{}\n")
    out.chmod(0o444)
    r = run(*BILL_MARCH, "--save-state", out, preexec_fn=drop_root)
    assert r.returncode == 1
    assert r.stderr == f"tariff: cannot write {out}: Permission denied\n"
    assert out.read_text() == "{}\n"
    assert listing(folder) == ["state.json"]
