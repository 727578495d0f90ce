#!/usr/bin/env bash
# Installs the Debian packages tariff builds, tests and benchmarks with, and the npm packages the
# editor tests tokenise with (tests/editors/package-lock.json, pinned).
# Idempotent: when everything is already installed it changes nothing and needs no root.
# Nothing is downloaded from anywhere but Debian's archive and, once, the npm registry; nothing is
# vendored.
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
  python3-build python3-venv python3-pip  # the Python sdist and wheel, installed into a venv in tests
  libpython3.11-testsuite   # the public decTest decimal conformance suite
  neovim nodejs             # editor packages (docs/editors.md): Neovim 0.7 runs the Vim plugins headless; node the TextMate tests
  python3-pynvim python3-pil  # editors/screenshot: Neovim's screen, drawn as a PNG
  zsh fish groff-base man-db  # tests/cli: the generated zsh and fish completion load; the man page renders
)
# npm comes with a nodejs that is not Debian's (NodeSource's bundles it); Debian's is a package.
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup.sh: installing ${missing[*]}" >&2
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  # An install from a stale or empty package list fails; refresh once, then install.
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# vscode-textmate and vscode-oniguruma for tests/editors, exactly as the lock file pins them;
# again only when the lock file changed since the last install.
editors_tests="$(dirname "$0")/tests/editors"
if ! cmp -s "$editors_tests/package-lock.json" "$editors_tests/node_modules/.installed-lock.json"; then
  echo "setup.sh: npm ci in tests/editors" >&2
  (cd "$editors_tests" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
  cp "$editors_tests/package-lock.json" "$editors_tests/node_modules/.installed-lock.json"
fi
