"""The terminal sessions of docs/tutorial.md, docs/cli.md and docs/compare.md, run and compared.

The convention the docs follow. A fenced code block whose first line starts with `$ ` is a
terminal session (every block that starts with `$ tariff ` is one). Each line that starts with
`$ ` is a command; the lines after it, up to the next command or the end of the block, are what
it prints. Any other block (a tariff, a CSV file, build instructions without a prompt) is not
run.

    ```console
    $ tariff check docs/tutorial/first.tariff
    docs/tutorial/first.tariff: ok
    ```

How a command is run and compared:

- Through `bash -c`, so that pipes, redirections, `;` and `$?` work as in a shell, with a
  `tariff` that is the tool named by the environment variable TARIFF_CLI first on the PATH.
- Its standard output and standard error both go to one pseudo-terminal: the expected output is
  what a user sees in a terminal, both streams interleaved in the order they were written.
- The output must equal the expected lines exactly, except that a line consisting of `…` stands
  for any run of lines, zero or more (the documented trims of long output).
- The command must exit with status 0 (as bash sees it). A doc shows a failing command with
  `; echo "exit status $?"` after it, so the status is part of the output that is compared.
  Only `diff` and `cmp`, which exit with 1 when the files differ, may exit otherwise.
- The working directory looks like the repository's root: it is a scratch directory holding a
  copy of docs/tutorial/ and a symbolic link to every other entry of the root and of docs/.
  Paths under /tmp/ in a command are moved into a scratch directory as well (and moved back in
  the output). So `fmt --write`, `--save-state`, `-o` and `> FILE` into docs/tutorial/ or /tmp/
  write only scratch files; the docs write nowhere else.
- The sessions of one doc run in order in one scratch directory, as a reader would run them:
  a later session sees the files an earlier one wrote. Afterwards the copy of docs/tutorial/
  must be as the repository has it: the files the tutorial's commands write (the finished
  first.tariff, the saved states, proposed.tariff) are committed as they write them.
"""
import difflib
import errno
import os
import pathlib
import pty
import re
import select
import shutil
import subprocess
import termios
import time

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
DOCS = ["docs/tutorial.md", "docs/cli.md", "docs/compare.md"]
PROMPT = "$ "
ELLIPSIS = "…"
ANY_STATUS = ("diff ", "cmp ")  # commands whose exit status 1 means "the files differ"
BARE_COMMAND = re.compile(r"tariff (-|(check|fmt|price|estimate|bill|verify|diff|payouts|pay)\b)")
TIMEOUT = 120  # seconds, for one command


def fenced_blocks(text):
    """(line number of the first content line, content lines) of each fenced code block."""
    blocks = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        opening = lines[i]
        if opening.startswith("```") or opening.startswith("~~~"):
            fence = opening[0] * (len(opening) - len(opening.lstrip(opening[0])))
            j = i + 1
            while j < len(lines) and not (lines[j].startswith(fence)
                                          and lines[j].strip() == fence[0] * len(lines[j].strip())):
                j += 1
            blocks.append((i + 2, lines[i + 1:j]))
            i = j + 1
        else:
            i += 1
    return blocks


def sessions(doc):
    """[(line number, command, expected output lines)] of every session block, in order."""
    commands = []
    for first_line, content in fenced_blocks((REPO / doc).read_text(encoding="utf-8")):
        if not content or not content[0].startswith(PROMPT):
            continue
        for offset, line in enumerate(content):
            if line.startswith(PROMPT):
                commands.append((first_line + offset, line[len(PROMPT):], []))
            else:
                commands[-1][2].append(line)
    return commands


def matches(expected, actual):
    """Whether the lines `actual` are the lines `expected`, where a line `…` is any run of lines."""
    # reachable[j]: expected[:i] can match actual[:j]
    reachable = [True] + [False] * len(actual)
    for line in expected:
        if line == ELLIPSIS:
            for j in range(1, len(actual) + 1):
                reachable[j] = reachable[j] or reachable[j - 1]
        else:
            reachable = [False] + [reachable[j - 1] and actual[j - 1] == line
                                   for j in range(1, len(actual) + 1)]
    return reachable[len(actual)]


def run_in_terminal(command, cwd, env):
    """(exit status, what the terminal shows) of `bash -c command`, stdout and stderr on a pty."""
    leader, follower = pty.openpty()
    attributes = termios.tcgetattr(follower)
    attributes[1] &= ~termios.OPOST  # keep "\n" as it is written, not "\r\n"
    termios.tcsetattr(follower, termios.TCSANOW, attributes)
    process = subprocess.Popen(["bash", "-c", command], cwd=cwd, env=env,
                               stdin=subprocess.DEVNULL, stdout=follower, stderr=follower,
                               start_new_session=True)
    os.close(follower)
    output = bytearray()
    deadline = time.monotonic() + TIMEOUT
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                process.kill()
                pytest.fail(f"timed out after {TIMEOUT} s: {command}")
            ready, _, _ = select.select([leader], [], [], left)
            if not ready:
                continue
            try:
                chunk = os.read(leader, 65536)
            except OSError as e:  # every writer has closed the terminal
                if e.errno == errno.EIO:
                    break
                raise
            if not chunk:
                break
            output += chunk
    finally:
        os.close(leader)
    return process.wait(timeout=TIMEOUT), output.decode("utf-8", errors="replace")


def scratch_root(tmp_path):
    """A directory laid out as the repository's root, whose docs/tutorial/ is a copy."""
    root = tmp_path / "root"
    (root / "docs").mkdir(parents=True)
    for entry in REPO.iterdir():
        if entry.name != "docs":
            (root / entry.name).symlink_to(entry)
    for entry in (REPO / "docs").iterdir():
        if entry.name == "tutorial":
            shutil.copytree(entry, root / "docs" / "tutorial", symlinks=True)
        else:
            (root / "docs" / entry.name).symlink_to(entry)
    return root


def environment(tmp_path):
    tool = os.environ.get("TARIFF_CLI")
    if not tool:
        pytest.fail("set TARIFF_CLI to the path of the tariff tool")
    tool = pathlib.Path(tool).resolve()
    assert tool.is_file(), f"TARIFF_CLI={tool} is not a file"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "tariff").symlink_to(tool)
    env = dict(os.environ)
    env.update(PATH=f"{bin_dir}{os.pathsep}{env.get('PATH', '/usr/bin:/bin')}",
               LC_ALL="C.UTF-8", LANG="C.UTF-8")
    return env


@pytest.mark.parametrize("doc", DOCS)
def test_every_session_prints_what_the_doc_shows(doc, tmp_path):
    commands = sessions(doc)
    assert commands, f"{doc} has no terminal session (a block starting with `$ tariff `)"
    root = scratch_root(tmp_path)
    scratch_tmp = tmp_path / "tmp"
    scratch_tmp.mkdir()
    env = environment(tmp_path)
    failures = []
    for line_number, command, expected in commands:
        status, shown = run_in_terminal(command.replace("/tmp/", f"{scratch_tmp}/"), root, env)
        actual = shown.replace(f"{scratch_tmp}/", "/tmp/").splitlines()
        problems = []
        if status != 0 and not command.startswith(ANY_STATUS):
            problems.append(f"exit status {status}; a failing command is shown with "
                            f"`; echo \"exit status $?\"` after it")
        if not matches(expected, actual):
            problems.append("output differs (- the doc, + the tool):\n" + "\n".join(
                difflib.unified_diff(expected, actual, "doc", "tool", lineterm="")))
        if problems:
            failures.append(f"{doc}:{line_number}: $ {command}\n" + "\n".join(problems))
    tutorial = REPO / "docs" / "tutorial"
    left = sorted(p.relative_to(root / "docs" / "tutorial")
                  for p in (root / "docs" / "tutorial").rglob("*") if p.is_file())
    committed = sorted(p.relative_to(tutorial) for p in tutorial.rglob("*") if p.is_file())
    if left != committed:
        failures.append(f"{doc}: the sessions leave docs/tutorial/ with the files {left}, "
                        f"the repository has {committed}")
    failures += [f"{doc}: the sessions leave docs/tutorial/{name} different from the "
                 f"repository's; commit what they write"
                 for name in sorted(set(left) & set(committed))
                 if (root / "docs" / "tutorial" / name).read_bytes()
                 != (tutorial / name).read_bytes()]
    if failures:
        pytest.fail(f"{doc}, {len(commands)} command(s): {len(failures)} problem(s) (fix the doc, "
                    f"or the tool if it is wrong):\n\n" + "\n\n".join(failures), pytrace=False)


@pytest.mark.parametrize("doc", DOCS)
def test_no_command_is_shown_without_its_prompt(doc):
    """A `tariff` command in a block without the `$ ` prompt would not be checked."""
    unchecked = []
    for first_line, content in fenced_blocks((REPO / doc).read_text(encoding="utf-8")):
        if content and content[0].startswith(PROMPT):
            continue
        unchecked += [f"{doc}:{first_line + offset}: {line}" for offset, line in enumerate(content)
                      if BARE_COMMAND.match(line)]
    assert not unchecked, ("show these as a session, `$ tariff …` followed by the output, so "
                           "that the test runs them:\n" + "\n".join(unchecked))
