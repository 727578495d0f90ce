"""How tariff.documents writes its files (tariff/documents/_output.py; docs/documents.md): a
regular file is replaced atomically, so a failed write leaves the old file whole and no temporary
file behind; the mode of an existing file is kept; a symbolic link is followed; a device is written
directly; every failure is a WriteError naming the file, and `python3 -m tariff` exits 1 with one
line.

Write errors are made real: /dev/full (ENOSPC), a file-size limit (RLIMIT_FSIZE with SIGXFSZ
ignored, in a process of its own), a read-only directory (as the user `nobody` when the tests run
as root, whom permissions do not stop).
"""

import datetime
import errno
import os
import pathlib
import re
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile

import pytest

import tariff
from tariff import documents
from tariff.documents import WriteError
from tariff.documents._output import write_file


def listing(folder):
    return sorted(p.name for p in pathlib.Path(folder).iterdir())


def size_limit(limit):
    """A preexec_fn: files may not grow beyond `limit` bytes; beyond is EFBIG, not a signal."""
    def limit_files():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return limit_files


def python(*args, preexec_fn=None, cwd=None, strace=None):
    # The package this suite imports, whatever the working directory.
    package = str(pathlib.Path(tariff.__file__).resolve().parents[1])
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1",
               PYTHONPATH=os.pathsep.join([package, os.environ.get("PYTHONPATH", "")]))
    traced = [STRACE, "-o", str(strace), "-e", TRACED] if strace else []
    return subprocess.run([*traced, sys.executable, *map(str, args)], capture_output=True,
                          text=True, env=env, preexec_fn=preexec_fn, cwd=cwd, timeout=120)


STRACE = shutil.which("strace")
TRACED = "trace=openat,fsync,rename,renameat,renameat2"  # the calls that replace a file
WRITE = "import sys; from tariff.documents._output import write_file; " \
        "write_file(sys.argv[1], b'x' * int(sys.argv[2]))"


# --- the helper --------------------------------------------------------------------------------

def test_a_new_file_is_written_with_the_umask(tmp_path):
    out = tmp_path / "new.html"
    previous = os.umask(0o027)
    try:
        assert write_file(out, b"<p>new</p>") == out
    finally:
        os.umask(previous)
    assert out.read_bytes() == b"<p>new</p>"
    assert stat.S_IMODE(out.stat().st_mode) == 0o640  # 0666 less the umask, not mkstemp's 0600
    assert listing(tmp_path) == ["new.html"]


def test_an_existing_file_is_replaced_and_keeps_its_mode(tmp_path):
    out = tmp_path / "invoice.html"
    out.write_bytes(b"old")
    out.chmod(0o600)
    inode = out.stat().st_ino
    write_file(str(out), b"new")
    assert out.read_bytes() == b"new"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.stat().st_ino != inode  # a new file renamed over it, not the old one rewritten
    assert listing(tmp_path) == ["invoice.html"]


def test_a_symbolic_link_is_followed_and_stays_a_link(tmp_path):
    (tmp_path / "published").mkdir()
    (tmp_path / "links").mkdir()
    target = tmp_path / "published" / "report.html"
    target.write_bytes(b"old")
    link = tmp_path / "links" / "report.html"
    link.symlink_to("../published/report.html")
    write_file(link, b"new")
    assert link.is_symlink() and os.readlink(link) == "../published/report.html"
    assert target.read_bytes() == b"new"
    assert listing(tmp_path / "published") == ["report.html"]
    assert listing(tmp_path / "links") == ["report.html"]


def test_devices_are_written_directly():
    write_file("/dev/null", b"nothing")
    with pytest.raises(WriteError) as raised:
        write_file("/dev/full", b"too much")
    assert (raised.value.errno, raised.value.filename) == (errno.ENOSPC, "/dev/full")
    assert isinstance(raised.value, OSError)


def test_over_a_size_limit_the_old_file_stays_whole(tmp_path):
    out = tmp_path / "march.xlsx"
    old = b"the workbook that was there\n" * 100
    out.write_bytes(old)
    done = python("-c", WRITE, out, 8192, preexec_fn=size_limit(4096))
    assert done.returncode == 1
    assert "WriteError: [Errno 27] File too large: " in done.stderr and str(out) in done.stderr
    assert out.read_bytes() == old
    assert listing(tmp_path) == ["march.xlsx"]
    # Within the limit it is written.
    done = python("-c", WRITE, out, 4000, preexec_fn=size_limit(4096))
    assert (done.returncode, done.stderr) == (0, "")
    assert out.read_bytes() == b"x" * 4000


@pytest.mark.skipif(STRACE is None, reason="strace is not installed")
def test_the_file_is_synced_renamed_and_its_directory_synced(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "act.pdf"
    out.write_bytes(b"old")
    log = tmp_path / "strace.log"
    traced = python("-c", WRITE, out, 10, strace=log)
    if traced.returncode != 0 and "ptrace" in traced.stderr:
        pytest.skip(f"strace cannot trace here: {traced.stderr.strip()}")
    assert (traced.returncode, traced.stderr) == (0, "")
    lines = log.read_text().splitlines()

    def find(start, what, predicate):
        found = next((i for i in range(start, len(lines)) if predicate(lines[i])), None)
        assert found is not None, f"no {what} after line {start} of the strace log"
        return found

    def descriptor(line):
        return line.rsplit("= ", 1)[1].split()[0]

    target = out.resolve()
    created = find(0, "temporary file", lambda l: l.startswith("openat(") and "O_EXCL" in l
                   and f"{target.parent}/.{target.name}.tariff-" in l)
    temporary = re.search(r'"([^"]+)"', lines[created]).group(1)
    synced = find(created, "fsync of the file",
                  lambda l: l.startswith(f"fsync({descriptor(lines[created])})"))
    renamed = find(synced, "rename",
                   lambda l: l.startswith("rename") and temporary in l and f'"{target}"' in l)
    opened = find(renamed, "directory opened", lambda l: l.startswith("openat(")
                  and f'"{target.parent}"' in l and "O_DIRECTORY" in l)
    find(opened, "fsync of the directory",
         lambda l: l.startswith(f"fsync({descriptor(lines[opened])})"))
    assert out.read_bytes() == b"x" * 10


@pytest.fixture
def unprivileged():
    """(a folder others may enter, a preexec_fn that runs a process as `nobody` under root)."""
    folder = pathlib.Path(tempfile.mkdtemp(prefix="tariff-documents-"))
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


def test_a_read_only_directory_or_file_is_a_write_error(unprivileged):
    folder, drop_root = unprivileged
    locked = folder / "locked"
    locked.mkdir()
    (locked / "a.csv").write_bytes(b"old")
    (locked / "a.csv").chmod(0o666)  # the file may be written; its directory may not
    locked.chmod(0o555)
    done = python("-c", WRITE, locked / "a.csv", 10, preexec_fn=drop_root, cwd=folder)
    assert done.returncode == 1
    assert f"WriteError: [Errno 13] Permission denied: '{locked / 'a.csv'}'" in done.stderr
    assert (locked / "a.csv").read_bytes() == b"old"
    assert listing(locked) == ["a.csv"]
    # A read-only file in a directory that would allow the rename is not replaced either.
    folder.chmod(0o777)
    (folder / "b.csv").write_bytes(b"old")
    (folder / "b.csv").chmod(0o444)
    done = python("-c", WRITE, folder / "b.csv", 10, preexec_fn=drop_root, cwd=folder)
    assert done.returncode == 1
    assert f"WriteError: [Errno 13] Permission denied: '{folder / 'b.csv'}'" in done.stderr
    assert (folder / "b.csv").read_bytes() == b"old"


# --- every writer of tariff.documents goes through it --------------------------------------------

@pytest.fixture(scope="module")
def statement(subscription):
    t, contracts, work = subscription
    return t.bill(contracts[0], datetime.date(2026, 3, 1), work)


@pytest.fixture(scope="module")
def comparison(subscription):
    t, contracts, work = subscription
    return t.compare(t, contracts, work, trace=False, keep_lines=False)


WRITERS = {
    "page.html": lambda s, c, path: documents.Document("invoice", "<p>x</p>", ".").write(path),
    "march.xlsx": lambda s, c, path: documents.write_workbook(s, path),
    "march.csv": lambda s, c, path: documents.write_statement_csv(s, path),
    "what-if.svg": lambda s, c, path: documents.comparison_chart(c, path),
}


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_every_writer_replaces_its_file(statement, comparison, tmp_path, name):
    out = tmp_path / name
    out.write_bytes(b"old")
    out.chmod(0o640)
    inode = out.stat().st_ino
    WRITERS[name](statement, comparison, out)
    assert out.read_bytes() != b"old" and out.stat().st_ino != inode
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert listing(tmp_path) == [name]


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_every_writer_reports_a_failed_write_as_a_write_error(statement, comparison, tmp_path,
                                                               name):
    full = tmp_path / name  # the suffix the writer wants, leading to a full device
    full.symlink_to("/dev/full")
    with pytest.raises(WriteError) as raised:
        WRITERS[name](statement, comparison, full)
    assert (raised.value.errno, raised.value.filename) == (errno.ENOSPC, str(full))


# --- python3 -m tariff -------------------------------------------------------------------------

def test_python_m_tariff_exits_1_and_keeps_the_old_file(examples, tmp_path):
    folder = examples / "03-subscription"
    out = tmp_path / "march.csv"
    old = "the CSV that was there\n" * 10
    out.write_text(old)
    argv = ["-m", "tariff", "csv", "-t", folder / "tariff.tariff",
            "-c", folder / "contracts.csv", "-w", folder / "work.csv", "--period", "2026-03",
            "--contract", "C-1", "-o", out]
    done = python(*argv, preexec_fn=size_limit(64))
    assert done.returncode == 1
    assert done.stderr == f"python3 -m tariff: error: cannot write {out}: File too large\n"
    assert out.read_text() == old
    assert listing(tmp_path) == ["march.csv"]
    done = python(*argv)
    assert (done.returncode, done.stderr) == (0, "")
    assert out.read_text().startswith("contract,")
