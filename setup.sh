#!/usr/bin/env bash
# Installs the Debian packages tariff builds, tests and benchmarks with.
# Idempotent: when every package is already installed it changes nothing and needs no root.
# Nothing is downloaded from anywhere but Debian's archive; nothing is vendored.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config
  clang libclang-rt-14-dev clang-format clang-tidy
  tao-pegtl-dev             # the rules-language grammar (PEGTL 3)
  libboost-dev              # Boost.Multiprecision: the decimal's wide fallback
  libhowardhinnant-date-dev # calendar and time zones on the system tzdb
  nlohmann-json3-dev        # JSON input and output (exact numbers through its SAX interface)
  libcli11-dev libfmt-dev   # the tariff command-line tool: arguments and text formatting
  tzdata
  libgtest-dev libgmock-dev libbenchmark-dev
  pybind11-dev python3-dev python3-pytest
  python3-numpy python3-pandas python3-dask python3-distributed  # Python batch pricing, scale-out
  python3-jinja2 weasyprint python3-openpyxl python3-matplotlib  # documents: HTML, PDF, Excel, charts
  python3-jsonschema  # tariff check --format sarif is validated against the SARIF 2.1.0 schema
  poppler-utils fonts-dejavu-core  # pdftotext reads rendered PDFs in tests; a font with Cyrillic
  libpython3.11-testsuite   # the public decTest decimal conformance suite
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "setup.sh: installing ${missing[*]}" >&2
as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
export DEBIAN_FRONTEND=noninteractive
# An install from a stale or empty package list fails; refresh once, then install.
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
