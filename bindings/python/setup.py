"""Builds the extension tariff._tariff with the repository's own CMake build, for
`pip install --no-build-isolation bindings/python` (docs/python.md). Offline: CMake, the
compiler, pybind11 and the library's dependencies come from Debian (setup.sh); pip fetches
nothing with --no-build-isolation --no-deps.

The source distribution (`python3 -m build --no-isolation --sdist`) carries the C++ sources it
needs in `cpp/` (the top-level CMakeLists.txt, include/, src/, grammar/ and the extension's
sources), so it builds against the system's libraries alone, without the rest of the repository.

The build directory is setuptools' build_temp; TARIFF_JOBS sets the parallel jobs (default 2).
"""

import os
import pathlib
import re
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext
from setuptools.command.sdist import sdist

HERE = pathlib.Path(__file__).resolve().parent
# The C++ sources: cpp/ in a source distribution, else the repository (bindings/python/../..).
ROOT = HERE / "cpp" if (HERE / "cpp" / "CMakeLists.txt").is_file() else HERE.parents[1]
# What of ROOT the extension's build needs: the library and the extension's own sources. The CLI,
# tests, benchmarks and examples are switched off below.
CPP_TREES = ["CMakeLists.txt", "include", "src", "grammar", "bindings/python/CMakeLists.txt",
             "bindings/python/src", "bindings/python/benchmarks/price_timing.cpp"]
CPP_LEFT_OUT = {"cli"}  # src/cli: the tariff tool


def version() -> str:
    text = (ROOT / "include/tariff/version.hpp").read_text()
    return re.search(r'version = "([0-9.]+)"', text).group(1)


class SourceDistribution(sdist):
    """Adds the C++ sources to the source distribution, under cpp/."""

    def make_release_tree(self, base_dir, files):
        super().make_release_tree(base_dir, files)
        target = pathlib.Path(base_dir) / "cpp"
        for name in CPP_TREES:
            source, copy = ROOT / name, target / name
            copy.parent.mkdir(parents=True, exist_ok=True)
            if source.is_dir():
                shutil.copytree(source, copy, ignore=lambda folder, names: [
                    n for n in names if n in CPP_LEFT_OUT or n == "__pycache__"])
            else:
                shutil.copyfile(source, copy)


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        build = pathlib.Path(self.build_temp).resolve() / "cmake"
        build.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["cmake", "-S", str(ROOT), "-B", str(build), "-DCMAKE_BUILD_TYPE=Release",
             "-DTARIFF_BUILD_PYTHON=ON", "-DTARIFF_BUILD_TESTS=OFF",
             "-DTARIFF_BUILD_BENCHMARKS=OFF", "-DTARIFF_BUILD_EXAMPLES=OFF", "-DTARIFF_INSTALL=OFF",
             "-DTARIFF_BUILD_CLI=OFF",
             "-DCMAKE_POSITION_INDEPENDENT_CODE=ON", f"-DPython_EXECUTABLE={sys.executable}"],
            check=True)
        subprocess.run(["cmake", "--build", str(build), "--target", "_tariff", "-j",
                        os.environ.get("TARIFF_JOBS", "2")], check=True)
        built = list((build / "bindings/python/tariff").glob("_tariff*.so"))
        if len(built) != 1:
            raise RuntimeError(f"expected one built extension, found {built}")
        target = pathlib.Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built[0], target)


setup(
    version=version(),
    ext_modules=[Extension("tariff._tariff", sources=[])],
    cmdclass={"build_ext": CMakeBuild, "sdist": SourceDistribution},
)
