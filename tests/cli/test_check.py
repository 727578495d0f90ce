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
