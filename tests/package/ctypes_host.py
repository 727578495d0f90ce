"""A host in another language loading the installed libtariff_c.so.1 through its FFI, as a Java
(JNA, Panama), .NET (P/Invoke) or 1C host would: Python's ctypes, by path, no headers.

    python3 ctypes_host.py PREFIX/lib/libtariff_c.so.1 examples/01-catalogue/tariff.tariff

Compiles the tariff, prices a line and checks its exact amount and a rejected line's status and
reason, checks an error's status and message, and frees every string and the handle. Exits 1
with what differed; run by run_consumer.cmake (MODE=python_ctypes).
"""
import ctypes
import json
import sys

TARIFF_OK = 0
TARIFF_INVALID_INPUT = 2

CONTRACTS = json.dumps([{"id": "C-A", "client": "K-1", "plan": "tower_a",
                         "start": "2026-01-01", "end": "2026-12-31"}])
# 1h40min of HVAC repair, billed by started hour at 2500.00; a cartridge, which tower_a's
# catalogue does not list.
WORK = json.dumps([
    {"id": "A1", "contract": "C-A", "item": "hvac_repair",
     "start": "2026-04-06T09:00:00+03:00", "end": "2026-04-06T10:40:00+03:00"},
    {"id": "A9", "contract": "C-A", "item": "cartridge",
     "start": "2026-04-06T11:00:00+03:00", "quantity": 1},
])


def load(path):
    """The library with the signatures of tariff.h that this host calls."""
    lib = ctypes.CDLL(path)
    out = ctypes.POINTER(ctypes.c_void_p)
    # Strings the library returns are c_void_p, not c_char_p: ctypes would copy a c_char_p into
    # a Python bytes and lose the pointer that tariff_free must be given back.
    lib.tariff_version.restype = ctypes.c_char_p
    lib.tariff_version.argtypes = []
    lib.tariff_status_name.restype = ctypes.c_char_p
    lib.tariff_status_name.argtypes = [ctypes.c_int]
    lib.tariff_free.restype = None
    lib.tariff_free.argtypes = [ctypes.c_void_p]
    lib.tariff_release.restype = None
    lib.tariff_release.argtypes = [ctypes.c_void_p]
    lib.tariff_compile.restype = ctypes.c_int
    lib.tariff_compile.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p, out, out]
    lib.tariff_price.restype = ctypes.c_int
    lib.tariff_price.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_char_p, out, out]
    return lib


def take(lib, pointer):
    """The text of a string the library returned, which is then freed; None for NULL."""
    if not pointer.value:
        return None
    try:
        return ctypes.string_at(pointer.value).decode("utf-8")
    finally:
        lib.tariff_free(pointer)


def main(library_path, tariff_path):
    lib = load(library_path)
    failures = []

    def expect(what, got, wanted):
        print(f"{'ok  ' if got == wanted else 'FAIL'} {what}: {got!r}")
        if got != wanted:
            failures.append(f"{what}: expected {wanted!r}, got {got!r}")

    print("tariff", lib.tariff_version().decode())
    with open(tariff_path, "rb") as f:
        source = f.read()
    handle = ctypes.c_void_p()
    diagnostics = ctypes.c_void_p()
    status = lib.tariff_compile(source, len(source), tariff_path.encode(), ctypes.byref(handle),
                                ctypes.byref(diagnostics))
    expect("compile", lib.tariff_status_name(status).decode(), "TARIFF_OK")
    expect("diagnostics", take(lib, diagnostics), None)
    if status != TARIFF_OK:
        return failures
    try:
        priced = ctypes.c_void_p()
        errors = ctypes.c_void_p()
        status = lib.tariff_price(handle, CONTRACTS.encode(), WORK.encode(), ctypes.byref(priced),
                                  ctypes.byref(errors))
        expect("price", status, TARIFF_OK)
        expect("price errors", take(lib, errors), None)
        lines = {line["id"]: line for line in json.loads(take(lib, priced) or "[]")}
        expect("A1 status", lines.get("A1", {}).get("status"), "priced")
        expect("A1 amount", lines.get("A1", {}).get("amount"), "5000.00")
        expect("A9 status", lines.get("A9", {}).get("status"), "rejected")
        expect("A9 reason", lines.get("A9", {}).get("reason"), "item_not_in_catalogue")

        # Work that does not read: a status and a message, nothing priced.
        status = lib.tariff_price(handle, CONTRACTS.encode(),
                                  b'[{"id": "B1", "contract": "C-A", "item": "hvac_repair"}]',
                                  ctypes.byref(priced), ctypes.byref(errors))
        expect("bad work", lib.tariff_status_name(status).decode(), "TARIFF_INVALID_INPUT")
        expect("bad work priced", take(lib, priced), None)
        expect("bad work message", take(lib, errors),
               "work: row 1 (id B1), column 'start': a value is required\n")
    finally:
        lib.tariff_release(handle)
    return failures


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: ctypes_host.py LIBTARIFF_C TARIFF_FILE")
    problems = main(sys.argv[1], sys.argv[2])
    for problem in problems:
        print("FAIL", problem, file=sys.stderr)
    sys.exit(1 if problems else 0)
