"""`tariff check` beyond the basics of test_cli.py: colour, per-warning control, JSON and SARIF."""
import os
import pathlib
import pty
import subprocess

CLI = os.environ["TARIFF_CLI"]

OVERLAP = 'tariff "T" currency RUB\ncalendar {\n  window night 22:00 .. 06:00\n  window late 21:00 .. 23:00\n}\n'


def run(*args, env=None):
    return subprocess.run([CLI, *map(str, args)], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=60, env=env)


def write(tmp_path, text, name="t.tariff"):
    path = tmp_path / name
    path.write_text(text)
    return path


# --- colour ------------------------------------------------------------------------------------

def test_color_always_styles_the_diagnostic_and_names_it(tmp_path):
    r = run("check", "--color=always", write(tmp_path, OVERLAP))
    assert r.returncode == 0
    assert ("\x1b[1;35mwarning: \x1b[0m\x1b[1mwindows 'night' and 'late' overlap from 22:00 to "
            "23:00 [window-overlap]\x1b[0m") in r.stderr


def test_color_auto_is_plain_when_stderr_is_not_a_terminal(tmp_path):
    r = run("check", write(tmp_path, OVERLAP))
    assert "\x1b[" not in r.stderr
    assert "4:10: warning: windows 'night' and 'late' overlap from 22:00 to 23:00 [window-overlap]" \
        in r.stderr


def run_on_terminal(args, env):
    """Runs the tool with standard error on a pseudo-terminal; returns what it wrote there."""
    main, secondary = pty.openpty()
    p = subprocess.Popen([CLI, *map(str, args)], stdout=subprocess.DEVNULL, stderr=secondary,
                         stdin=subprocess.DEVNULL, env=env)
    os.close(secondary)
    out = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    p.wait(timeout=60)
    os.close(main)
    return out.decode()


def test_color_auto_colours_a_terminal_unless_no_color_is_set(tmp_path):
    path = write(tmp_path, OVERLAP)
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    assert "\x1b[1;35mwarning: " in run_on_terminal(["check", path], env)
    assert "\x1b[" not in run_on_terminal(["check", path], {**env, "NO_COLOR": "1"})
    assert "\x1b[" not in run_on_terminal(["check", "--color=never", path], env)


def test_color_takes_only_its_three_values(tmp_path):
    r = run("check", "--color=sometimes", write(tmp_path, OVERLAP))
    assert r.returncode != 0


# --- per-warning control -----------------------------------------------------------------------

def test_w_no_name_silences_that_warning_and_w_name_brings_it_back(tmp_path):
    path = write(tmp_path, OVERLAP)
    assert run("check", "--werror", path).returncode == 1
    r = run("check", "--werror", "-W", "no-window-overlap", path)
    assert (r.returncode, r.stderr, r.stdout) == (0, "", f"{path}: ok\n")
    r = run("check", "--werror", "-W", "no-window-overlap", "-W", "window-overlap", path)
    assert r.returncode == 1
    assert "[window-overlap]" in r.stderr


def test_w_refuses_an_unknown_name_and_an_error_name(tmp_path):
    path = write(tmp_path, OVERLAP)
    r = run("check", "-W", "no-window-overlpa", path)
    assert (r.returncode, r.stderr) == (1, "tariff: unknown warning name 'window-overlpa' in -W "
                                           "no-window-overlpa\n")
    r = run("check", "-W", "no-unknown-item", path)
    assert (r.returncode, r.stderr) == (1, "tariff: 'unknown-item' is an error, not a warning: -W "
                                           "no-unknown-item cannot turn it off\n")


def test_allow_directive_lets_werror_pass_and_fmt_keeps_it(tmp_path):
    text = OVERLAP.replace("  window late", "  #@ allow window-overlap\n  window late")
    path = write(tmp_path, text)
    r = run("check", "--werror", path)
    assert (r.returncode, r.stderr) == (0, "")
    formatted = run("fmt", path)
    assert formatted.returncode == 0
    assert "  #@ allow window-overlap\n  window late 21:00 .. 23:00\n" in formatted.stdout
    trailing = write(tmp_path, OVERLAP.replace("23:00\n", "23:00   #@ allow window-overlap\n"),
                     "trailing.tariff")
    formatted = run("fmt", trailing)
    assert "  window late 21:00 .. 23:00  #@ allow window-overlap\n" in formatted.stdout
    assert run("check", "--werror", trailing).returncode == 0


# --- JSON and SARIF ----------------------------------------------------------------------------

import json

import jsonschema

SCHEMA = json.loads((pathlib.Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text())

ZONE = 'tariff "Z" currency RUB\ncalendar {\n  timezone Europe/Moskow\n}\n'


def test_json_lists_each_diagnostic_with_its_name_place_note_and_fixes(tmp_path):
    path = write(tmp_path, ZONE)
    r = run("check", "--format", "json", path)
    assert (r.returncode, r.stderr) == (1, "")
    assert json.loads(r.stdout) == {
        "files": [{"file": str(path), "diagnostics": [{
            "name": "unknown-time-zone", "number": 16, "severity": "error", "line": 3,
            "column": 12, "length": 13,
            "message": "unknown time zone 'Europe/Moskow'; did you mean 'Europe/Moscow'?",
            "note": "",
            "fixes": [{"line": 3, "column": 12, "end_line": 3, "end_column": 25,
                       "replacement": "Europe/Moscow"}]}]}],
        "errors": 1, "warnings": 0}


def test_json_names_an_unreadable_file_and_a_clean_one(tmp_path):
    clean = write(tmp_path, 'tariff "T" currency RUB\n')
    r = run("check", "--format", "json", tmp_path / "missing.tariff", clean)
    assert r.returncode == 1
    doc = json.loads(r.stdout)
    assert doc["files"][0]["unreadable"].startswith("cannot read")
    assert doc["files"][1] == {"file": str(clean), "diagnostics": []}
    assert (doc["errors"], doc["warnings"]) == (1, 0)


def test_sarif_is_valid_2_1_0_with_rules_results_and_fixes(tmp_path):
    zone = write(tmp_path, ZONE)
    overlap = write(tmp_path, OVERLAP.replace("RUB", "RUB\n#@ allow window-overlpa"), "o.tariff")
    r = run("check", "--format", "sarif", zone, overlap)
    assert r.returncode == 1
    log = json.loads(r.stdout)
    jsonschema.validate(log, SCHEMA)
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules][:2] == ["syntax-error", "invalid-source-text"]
    results = run_["results"]
    assert [(x["ruleId"], x["level"]) for x in results] == [
        ("unknown-time-zone", "error"), ("unknown-diagnostic-name", "warning"),
        ("window-overlap", "warning")]
    for x in results:
        assert rules[x["ruleIndex"]]["id"] == x["ruleId"]
    assert results[0]["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": str(zone)},
        "region": {"startLine": 3, "startColumn": 12, "endColumn": 25}}
    assert results[0]["fixes"][0]["artifactChanges"][0]["replacements"] == [{
        "deletedRegion": {"startLine": 3, "startColumn": 12, "endLine": 3, "endColumn": 25},
        "insertedContent": {"text": "Europe/Moscow"}}]
    assert results[2]["locations"][0]["physicalLocation"]["region"]["startLine"] == 5


def test_sarif_of_a_clean_file_has_no_results_and_exit_status_0(tmp_path):
    r = run("check", "--format", "sarif", write(tmp_path, 'tariff "T" currency RUB\n'))
    assert r.returncode == 0
    log = json.loads(r.stdout)
    jsonschema.validate(log, SCHEMA)
    assert log["runs"][0]["results"] == []
