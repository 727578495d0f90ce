"""What the summaries say about the machine and the build (summarize.py, tool_summary.py)."""
import platform
import subprocess


def cmake_cache(build, key):
    """The value of `key` in BUILD/CMakeCache.txt, or None."""
    try:
        with open(f"{build}/CMakeCache.txt") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return line.split("=", 1)[1].strip()
    except OSError:
        pass
    return None


def compiler(build):
    """The first line of the build's C++ compiler's --version."""
    path = cmake_cache(build, "CMAKE_CXX_COMPILER")
    try:
        return subprocess.run([path, "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    except (OSError, TypeError, IndexError):
        return path


def cpu():
    """The processor's model name, as lscpu gives it."""
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        return next(l.split(":", 1)[1].strip() for l in out.splitlines() if l.startswith("Model name"))
    except (OSError, StopIteration):
        return platform.processor()
