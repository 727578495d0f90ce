"""``python3 -m tariff``: invoices, acts, period reports, payout registers, workbooks, CSV and
what-if charts from the command line (tariff/documents/cli.py; docs/documents.md)."""

import sys

from .documents.cli import main

if __name__ == "__main__":
    sys.exit(main())
