#!/usr/bin/env python3
"""Only src/decimal reads a decimal's representation: no file elsewhere names decimal_access.

The rest of the library does its arithmetic through the decimal's operations (the public ones in
include/tariff/decimal.hpp, the in-place ones in src/decimal/in_place.hpp), so there is one
implementation of each. The public header declares decimal_access a friend; that line is allowed.

    check_representation.py SOURCE_DIR
"""
import pathlib
import sys

root = pathlib.Path(sys.argv[1])
allowed = {pathlib.Path("include/tariff/decimal.hpp"), pathlib.Path("tests/decimal/check_representation.py")}
found = []
for folder in ("src", "include", "tests", "benchmarks", "bindings", "examples", "grammar"):
    for path in sorted((root / folder).rglob("*")):
        relative = path.relative_to(root)
        if not path.is_file() or relative in allowed or relative.parts[:2] == ("src", "decimal"):
            continue
        if path.suffix not in {".cpp", ".hpp", ".h", ".c", ".py"}:
            continue
        for number, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
            if "decimal_access" in line:
                found.append(f"{relative}:{number}: {line.strip()}")
if found:
    print("decimal_access outside src/decimal (use decimal/in_place.hpp):")
    print("\n".join(found))
    sys.exit(1)
print("decimal_access appears only in src/decimal")
