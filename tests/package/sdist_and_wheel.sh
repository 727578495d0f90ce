#!/usr/bin/env bash
# The Python package as a user gets it (docs/python.md, "Source distribution and wheel"):
#  1. the sdist, built with Debian's python3-build, unpacked alone in a temporary directory (no
#     repository around it), installs with pip into a fresh venv that sees Debian's packages
#     (--system-site-packages; --no-build-isolation --no-index: nothing is downloaded), imports
#     and prices a line;
#  2. a wheel built from that sdist the same way installs into another fresh venv, where the
#     examples' Python scripts run (quickstart, every document rendered).
# Each build compiles the library (a few minutes on two cores); ccache shares the objects between
# the two builds and between runs. Usage: tests/package/sdist_and_wheel.sh [PYTHON]
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
python=${1:-/usr/bin/python3}
work=$(mktemp -d "${TMPDIR:-/tmp}/tariff-package.XXXXXX")
trap 'rm -rf "$work"' EXIT
# The package under test is the installed one: nothing from the build tree.
unset PYTHONPATH
export TMPDIR=$work PYTHONDONTWRITEBYTECODE=1 TARIFF_JOBS=${TARIFF_JOBS:-2}
# Paths below $work are hashed relative to it, so both builds (and later runs) share ccache hits.
export CCACHE_BASEDIR=$work CCACHE_NOHASHDIR=1
step() { echo "== $*" >&2; }
fail() { echo "FAIL: $*" >&2; exit 1; }

step "sdist (python3 -m build --no-isolation --sdist)"
# From a copy of what setup.py packs, so the build writes nothing (tariff.egg-info) into the
# repository, which others share.
mkdir -p "$work/repo/bindings"
cp -r "$repo/CMakeLists.txt" "$repo/include" "$repo/src" "$repo/grammar" "$work/repo/"
cp -r "$repo/bindings/python" "$work/repo/bindings/"
rm -rf "$work/repo/bindings/python/build" "$work/repo/bindings/python/"*.egg-info
"$python" -m build --no-isolation --sdist --outdir "$work/dist" "$work/repo/bindings/python" >"$work/sdist.log" 2>&1 ||
  { cat "$work/sdist.log"; fail "the sdist did not build"; }
sdist=$(echo "$work"/dist/tariff-*.tar.gz)
[ -f "$sdist" ] || fail "no sdist in $work/dist"
tar -tzf "$sdist" >"$work/sdist.files"
grep -q '/cpp/src/bill/bill.cpp$' "$work/sdist.files" || fail "the sdist lacks the C++ sources"
if grep -Eq '^[^/]+/(cpp/)?(tests|examples|docs|benchmarks)/|/src/cli/' "$work/sdist.files"; then
  fail "the sdist carries more than the package and the library's sources"
fi

step "the sdist unpacked alone, installed into a fresh venv"
mkdir "$work/alone"
tar -xzf "$sdist" -C "$work/alone"
unpacked=$(echo "$work"/alone/tariff-*)
"$python" -m venv --system-site-packages "$work/venv-sdist"
"$work/venv-sdist/bin/pip" install --no-build-isolation --no-index --no-deps "$unpacked" \
  >"$work/install.log" 2>&1 || { tail -50 "$work/install.log"; fail "pip install of the sdist"; }
(cd "$work" && "$work/venv-sdist/bin/python" - "$work/venv-sdist" <<'PY') || fail "the sdist's package"
import sys
from decimal import Decimal

import tariff

assert tariff.__file__.startswith(sys.argv[1]), tariff.__file__  # the venv's, not another
t = tariff.compile('tariff "T" currency RUB\nrounding line 0.01 half_up\n'
                   'pricelist retail {\n  item visit "Visit" per visit price 1800.00 cost 900.00\n}\n')
c = tariff.Contract("C-1", "K-1", "2026-01-01", "2026-12-31", pricelist="retail")
[line] = t.price(c, [tariff.WorkLine("V1", "C-1", "visit", "2026-03-02T10:00:00+03:00", quantity=2)])
assert (line.status, line.amount, line.margin) == ("priced", Decimal("3600.00"), Decimal("1800.00")), line
print("sdist: tariff", tariff.__version__, "priced V1 at", line.amount)
PY

step "a wheel built from the sdist (python3 -m build --no-isolation --wheel)"
"$python" -m build --no-isolation --wheel --outdir "$work/dist" "$unpacked" >"$work/wheel.log" 2>&1 ||
  { tail -50 "$work/wheel.log"; fail "the wheel did not build"; }
wheel=$(echo "$work"/dist/tariff-*.whl)
[ -f "$wheel" ] || fail "no wheel in $work/dist"
"$python" -m zipfile -l "$wheel" >"$work/wheel.files"
grep -q 'tariff/documents/templates/invoice.html' "$work/wheel.files" ||
  fail "the wheel lacks the documents' templates"

step "the wheel in a fresh venv: the examples' Python scripts"
"$python" -m venv --system-site-packages "$work/venv-wheel"
"$work/venv-wheel/bin/pip" install --no-index --no-deps "$wheel" >"$work/wheel-install.log" 2>&1 ||
  { cat "$work/wheel-install.log"; fail "pip install of the wheel"; }
cd "$work"
"$work/venv-wheel/bin/python" -c 'import sys, tariff; assert tariff.__file__.startswith(sys.argv[1])' \
  "$work/venv-wheel" || fail "the wheel's package is not the one imported"
"$work/venv-wheel/bin/python" "$repo/examples/python/quickstart.py" >"$work/quickstart.out" ||
  fail "examples/python/quickstart.py"
grep -q "^C-100, March: revenue " "$work/quickstart.out" || fail "quickstart printed no statement"
"$work/venv-wheel/bin/python" "$repo/examples/documents/render_documents.py" "$work/documents" \
  >"$work/render.out" || fail "examples/documents/render_documents.py"
[ -s "$work/documents/C-100-invoice-ru.pdf" ] || { ls -R "$work/documents"; fail "no invoice rendered"; }
echo "sdist and wheel: built, installed and run" >&2
