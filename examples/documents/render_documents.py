"""Renders every kind of document from the example data (docs/documents.md):

- for each contract of examples/work/facilities-contracts.csv, its March 2026 statement
  (examples/tariffs/facilities.tariff, what examples/run bills) as an invoice, an act and a period
  report (PDF and HTML), an Excel workbook and CSV;
- the contractor payout register of examples/05-contractor-payouts for March 2026;
- the what-if chart of docs/compare.md's example (examples/03-subscription, the current tariff,
  against docs/tutorial/pos-two-visits.tariff), PNG and SVG.

Party details, document numbers and dates come from examples/documents/parties.json (Russian) or
parties-en.json (English).

    PYTHONPATH=build/release/bindings/python /usr/bin/python3 \\
        examples/documents/render_documents.py [--locale ru|en] [OUTPUT_DIR]

OUTPUT_DIR defaults to build/documents.
"""

import argparse
import dataclasses
import datetime
import pathlib

import tariff
from tariff import documents

REPO = pathlib.Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
MARCH = datetime.date(2026, 3, 1)


def statements(locale: str, details: documents.Details, out: pathlib.Path) -> None:
    t = tariff.compile(EXAMPLES / "tariffs" / "facilities.tariff")
    work = tariff.load_work(EXAMPLES / "work" / "facilities-work.csv")
    for contract in tariff.load_contracts(EXAMPLES / "work" / "facilities-contracts.csv"):
        statement = t.bill(contract, MARCH, [w for w in work if w.contract == contract.id])
        # One number per contract: the details file's number with the contract's id after it.
        base = details.document
        document = dataclasses.replace(base, number=f"{base.number}/{contract.id}")
        for name, render in (("invoice", documents.invoice), ("act", documents.act),
                             ("report", documents.period_report)):
            doc = render(statement, details, document=document, locale=locale)
            for suffix in (".pdf", ".html"):
                print(doc.write(out / f"{contract.id}-{name}-{locale}{suffix}"))
        print(documents.write_workbook(statement, out / f"{contract.id}-{locale}.xlsx",
                                       locale=locale, details=details))
        print(documents.write_statement_csv(statement, out / f"{contract.id}-{locale}.csv",
                                            details, locale=locale))


def payouts(locale: str, details: documents.Details, out: pathlib.Path) -> None:
    folder = EXAMPLES / "05-contractor-payouts"
    t = tariff.compile(folder / "tariff.tariff")
    owed, not_paid = tariff.payouts(t, tariff.load_contracts(folder / "contracts.csv"),
                                    tariff.load_work(folder / "work.csv"), MARCH)
    register = documents.payout_register(owed, details, not_paid=not_paid, locale=locale)
    print(register.write(out / f"payouts-{locale}.pdf"))


def chart(locale: str, details: documents.Details, out: pathlib.Path) -> None:
    folder = EXAMPLES / "03-subscription"
    current = tariff.compile(folder / "tariff.tariff")
    proposed = tariff.compile(REPO / "docs" / "tutorial" / "pos-two-visits.tariff")
    comparison = tariff.compare(current, proposed, tariff.load_contracts(folder / "contracts.csv"),
                                tariff.load_work(folder / "work.csv"), keep_lines=False)
    for suffix in (".png", ".svg"):
        path = out / f"what-if-{locale}{suffix}"
        documents.comparison_chart(comparison, path, locale=locale, details=details)
        print(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", nargs="?", default=str(REPO / "build" / "documents"))
    parser.add_argument("--locale", choices=("ru", "en"), default="ru")
    args = parser.parse_args()
    out = pathlib.Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    name = "parties.json" if args.locale == "ru" else "parties-en.json"
    details = documents.load_details(EXAMPLES / "documents" / name)
    statements(args.locale, details, out)
    payouts(args.locale, details, out)
    chart(args.locale, details, out)


if __name__ == "__main__":
    main()
