"""``python3 -m tariff``: documents from the command line.

    python3 -m tariff invoice  -t T.tariff -c contracts.csv -w work.csv --period 2026-03 \\
                               --contract C-100 -p parties.json [--locale ru] -o invoice.pdf
    python3 -m tariff act|report|workbook|csv   (the same arguments; -o .pdf/.html, .xlsx, .csv)
    python3 -m tariff payouts  -t T.tariff -c contracts.csv -w work.csv --period 2026-03 \\
                               -p parties.json [--rates LIST] -o payouts.pdf
    python3 -m tariff chart    -t current.tariff --proposed new.tariff -c contracts.csv \\
                               -w history.csv [-p parties.json] -o chart.svg

The output's format is its suffix. As with the `tariff` tool, a tariff with errors or an input
file whose rows do not read exits with status 1; other bad input — a missing file, an unknown
contract, a period that is not YYYY-MM, details that are missing — with status 2; each with one
line on stderr saying what is wrong. An output that cannot be written (a full disk, a read-only
directory) exits with status 1 and one line naming it; the file that was there is left as it was
(_output.py).
"""

from __future__ import annotations

import argparse
import datetime
import pathlib
import re
import sys
from typing import Any, Callable, NoReturn, Optional, Sequence

import tariff

from ._output import WriteError
from .catalogue import with_tariff
from .numbering import CREDIT_NOTE, INVOICE, NumberCounter, NumberingError, NumberingRule
from .parties import Details, DetailsError, DocumentInfo, Party, load_details

__all__ = ["main"]

_PROG = "python3 -m tariff"
_FORMATS = {
    "invoice": (".html", ".htm", ".pdf"), "act": (".html", ".htm", ".pdf"),
    "report": (".html", ".htm", ".pdf"), "payouts": (".html", ".htm", ".pdf"),
    "workbook": (".xlsx",), "csv": (".csv",), "chart": (".png", ".svg"),
}


class UsageError(Exception):
    """Input the command cannot work with: reported in one line, exit status 2."""

    status = 2


class InputErrors(UsageError):
    """A tariff that does not compile, or an input file whose rows do not read: exit status 1,
    as the `tariff` tool's (docs/cli.md, "Exit status")."""

    status = 1


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, not argparse's usage block
        raise UsageError(f"{message} (see {self.prog} --help)")


def _period(text: str) -> datetime.date:
    match = re.fullmatch(r"(\d{4})-(\d{2})", text)
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise UsageError(f"bad period {text!r}: expected a month as YYYY-MM, such as 2026-03")
    return datetime.date(int(match.group(1)), int(match.group(2)), 1)


def _date(text: Optional[str], what: str) -> Optional[datetime.date]:
    if text is None:
        return None
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"bad {what} {text!r}: expected YYYY-MM-DD") from None


def _compile(path: str) -> Any:
    if not pathlib.Path(path).is_file():
        raise UsageError(f"no tariff file {path!r}")
    try:
        return tariff.compile(pathlib.Path(path))
    except tariff.TariffError as e:
        errors = [d for d in e.diagnostics if d.severity == "error"] or e.diagnostics
        first = (f"{errors[0].file}:{errors[0].line}:{errors[0].column}: {errors[0].message}"
                 if errors else str(e).strip().splitlines()[0])
        count = len(errors)
        raise InputErrors(f"the tariff {path} does not compile ({count} "
                         f"error{'s' if count != 1 else ''}); first: {first}") from None


def _load(loader: Callable[[str], Any], path: str, what: str) -> Any:
    if not pathlib.Path(path).is_file():
        raise UsageError(f"no {what} file {path!r}")
    try:
        return loader(path)
    except tariff.TariffError as e:
        errors = getattr(e, "input_errors", None) or []
        first = str(errors[0].message) if errors else str(e).splitlines()[0]
        where = f"row {errors[0].row}: " if errors else ""
        raise InputErrors(f"{path}: {where}{first}") from None


def _details(args: argparse.Namespace, required: bool, *tariffs: Any) -> Details:
    """The party details, with the items' titles and units the details leave out taken from
    the tariffs (catalogue.py): a "per visit" item is shown in visits without being listed."""
    path = args.parties
    if path is None:
        if required:
            raise UsageError("the party details are required: --parties FILE (JSON; see "
                             "examples/documents/parties.json)")
        details = Details(seller=Party(name=""))
    elif not pathlib.Path(path).is_file():
        raise UsageError(f"no party details file {path!r}")
    else:
        details = load_details(path)
    for t in tariffs:
        details = with_tariff(details, t, args.locale)
    return details


def _document(args: argparse.Namespace, details: Details) -> Optional[DocumentInfo]:
    base = details.document
    number = args.number if args.number is not None else (base.number if base else "")
    date = _date(args.date, "document date") or (base.date if base else None)
    due = _date(args.due, "due date") or (base.due if base else None)
    if date is None:
        return None  # the renderer says what is missing
    return DocumentInfo(number=number, date=date, due=due)


def _output(args: argparse.Namespace) -> pathlib.Path:
    path = pathlib.Path(args.output)
    allowed = _FORMATS[args.command]
    if path.suffix.lower() not in allowed:
        raise UsageError(f"{args.command} writes {', '.join(allowed)}; cannot tell the format of "
                         f"{str(path)!r}")
    if not path.parent.is_dir():
        raise UsageError(f"no directory {str(path.parent)!r} for {str(path)!r}")
    return path


def _statement(args: argparse.Namespace) -> tuple[Any, Any]:
    """The compiled tariff and the contract's statement."""
    first_day = _period(args.period)
    t = _compile(args.tariff)
    contracts = _load(tariff.load_contracts, args.contracts, "contracts")
    work = _load(tariff.load_work, args.work, "work")
    contract = next((c for c in contracts if c.id == args.contract), None)
    if contract is None:
        known = ", ".join(c.id for c in contracts) or "none"
        raise UsageError(f"no contract {args.contract!r} in {args.contracts} (known: {known})")
    state = None
    if args.state:
        if not pathlib.Path(args.state).is_file():
            raise UsageError(f"no state file {args.state!r}")
        try:
            state = tariff.BillingState.from_json(pathlib.Path(args.state).read_text("utf-8"))
        except tariff.TariffError as e:
            raise UsageError(f"{args.state}: {str(e).splitlines()[0]}") from None
    if contract.plan not in t.plans:
        raise UsageError(f"contract {contract.id} names plan {contract.plan!r}, which "
                         f"{args.tariff} does not have")
    return t, t.bill(contract, first_day, [w for w in work if w.contract == contract.id],
                     state=state)


def _counted_number(args: argparse.Namespace, statement: Any, date: datetime.date) -> str:
    """The invoice's number from the counter file: the one this statement already has, else
    the next of its series (credit notes apart); numbering.py."""
    from .render import is_credit_note

    if args.digits < 0 or args.digits > 12:
        raise UsageError(f"--digits {args.digits}: expected 0 to 12")
    per_year = not args.no_year
    counter = NumberCounter(args.counter, {
        INVOICE: NumberingRule(args.prefix, args.digits, per_year),
        CREDIT_NOTE: NumberingRule(args.credit_prefix, args.digits, per_year)})
    if args.prefix == args.credit_prefix:
        raise UsageError("--prefix and --credit-prefix must differ: credit notes are a series of "
                         "their own")
    series = CREDIT_NOTE if is_credit_note(statement) else INVOICE
    try:
        return counter.number(statement.id, date, series)
    except NumberingError as e:
        raise UsageError(str(e)) from None


def _render_statement_document(args: argparse.Namespace) -> None:
    from . import render

    output = _output(args)
    t, statement = _statement(args)
    details = _details(args, True, t)
    make = {"invoice": render.invoice, "act": render.act, "report": render.period_report}
    info = _document(args, details)
    if args.command == "invoice" and args.counter and args.number is None and info is not None:
        info = DocumentInfo(number=_counted_number(args, statement, info.date), date=info.date,
                            due=info.due)
    document = make[args.command](statement, details, document=info,
                                  locale=args.locale, templates=args.templates or None,
                                  template=args.template)
    document.write(output)


def _workbook(args: argparse.Namespace) -> None:
    from .workbook import write_workbook

    output = _output(args)
    t, statement = _statement(args)
    write_workbook(statement, output, locale=args.locale, details=_details(args, False, t))


def _csv(args: argparse.Namespace) -> None:
    from .accounting_csv import write_statement_csv

    output = _output(args)
    t, statement = _statement(args)
    write_statement_csv(statement, output, _details(args, False, t), locale=args.locale)


def _payouts(args: argparse.Namespace) -> None:
    from .render import payout_register

    output = _output(args)
    first_day = _period(args.period)
    t = _compile(args.tariff)
    contracts = _load(tariff.load_contracts, args.contracts, "contracts")
    work = _load(tariff.load_work, args.work, "work")
    details = _details(args, True, t)
    owed, not_paid = tariff.payouts(t, contracts, work, first_day, rates=args.rates)
    payout_register(owed, details, not_paid=not_paid, document=_document(args, details),
                    locale=args.locale, templates=args.templates or None,
                    template=args.template).write(output)


def _chart(args: argparse.Namespace) -> None:
    from .charts import comparison_chart

    output = _output(args)
    current, proposed = _compile(args.tariff), _compile(args.proposed)
    contracts = _load(tariff.load_contracts, args.contracts, "contracts")
    work = _load(tariff.load_work, args.work, "work")
    details = _details(args, False, current, proposed)
    comparison = tariff.compare(current, proposed, contracts, work, trace=False,
                                keep_lines=False, include_fees=not args.no_fees)
    comparison_chart(comparison, output, locale=args.locale, details=details)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=_PROG, description="Documents from tariff statements: invoices, acts, "
                     "period reports, payout registers, workbooks, CSV, what-if charts "
                     "(docs/documents.md).")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND",
                                     parser_class=_Parser)

    def inputs(p: argparse.ArgumentParser, period: bool = True, locale: str = "ru") -> None:
        p.add_argument("-t", "--tariff", required=True, help="the tariff file")
        p.add_argument("-c", "--contracts", required=True, help="contracts (CSV or JSON)")
        p.add_argument("-w", "--work", required=True, help="work lines (CSV or JSON)")
        if period:
            p.add_argument("--period", required=True, help="the month, YYYY-MM")
        p.add_argument("-p", "--parties", help="party details (JSON, docs/documents.md)")
        p.add_argument("--locale", choices=("ru", "en"), default=locale,
                       help=f"the document's language and number format (default {locale})")
        p.add_argument("-o", "--output", required=True, help="the file to write; its suffix is "
                       "the format")

    def document(p: argparse.ArgumentParser) -> None:
        p.add_argument("--number", help="the document's number (else the details' document)")
        p.add_argument("--date", help="the document's date, YYYY-MM-DD (else the details')")
        p.add_argument("--due", help="an invoice's due date, YYYY-MM-DD")
        p.add_argument("--templates", action="append", metavar="DIR",
                       help="a directory of templates searched before the defaults (repeatable)")
        p.add_argument("--template", metavar="NAME", help="the template to render instead of "
                       "the default")

    def numbering(p: argparse.ArgumentParser) -> None:
        p.add_argument("--counter", metavar="FILE", help="number the invoice from this counter "
                       "file (JSON, created when missing; locked while used): a statement "
                       "rendered again keeps its number; without --number")
        p.add_argument("--prefix", default="INV-", help="the invoices' prefix (default INV-)")
        p.add_argument("--credit-prefix", default="CN-", help="the credit notes' prefix, a "
                       "series of their own (default CN-)")
        p.add_argument("--digits", type=int, default=4, help="the sequence's digits, zero-padded "
                       "(default 4)")
        p.add_argument("--no-year", action="store_true", help="one sequence for all years, "
                       "without the year in the number (default: INV-2026-0001, restarting "
                       "each year)")

    helps = {
        "invoice": "an invoice for a contract's statement (.html, .pdf)",
        "act": "an act of completed work for a contract's statement (.html, .pdf)",
        "report": "the client's period report: every request, work and materials (.html, .pdf)",
        "workbook": "the statement as an Excel workbook (.xlsx)",
        "csv": "the statement's rows as CSV for accountants (.csv)",
    }
    for name, text in helps.items():
        p = commands.add_parser(name, help=text, description=text)
        # The workbook and the CSV are data for accountants: English by default, as their Python
        # functions, so without details their words and the tariff's titles are one language.
        inputs(p, locale="en" if name in ("workbook", "csv") else "ru")
        p.add_argument("--contract", required=True, help="the contract's id")
        p.add_argument("--state", help="the opening billing state (JSON), default empty")
        if name in ("invoice", "act", "report"):
            document(p)
        if name == "invoice":
            numbering(p)
        p.set_defaults(run=_render_statement_document if name in ("invoice", "act", "report")
                       else _workbook if name == "workbook" else _csv)

    p = commands.add_parser("payouts", help="the contractor payout register of a month "
                            "(.html, .pdf)")
    inputs(p)
    p.add_argument("--rates", default="", help="the price list of the contractors' rates "
                   "(default: the items' cost prices)")
    document(p)
    p.set_defaults(run=_payouts)

    p = commands.add_parser("chart", help="what-if chart of a proposed tariff: revenue and "
                            "margin change per client and item (.png, .svg)")
    inputs(p, period=False)
    p.add_argument("--proposed", required=True, help="the proposed tariff file")
    p.add_argument("--no-fees", action="store_true", help="compare work only, without fees")
    p.set_defaults(run=_chart)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Runs one command; returns the exit status (0; 1 when the tariff does not compile, an input
    file's rows do not read, or the output cannot be written, the file that was there left as it
    was; 2 for other bad input and a wrong command line)."""
    try:
        args = _parser().parse_args(argv)
        args.run(args)
    except WriteError as e:  # not bad input: the input was good, the file system failed
        print(f"{_PROG}: error: cannot write {e.filename}: {e.strerror}", file=sys.stderr)
        return 1
    except UsageError as e:
        print(f"{_PROG}: error: {e}", file=sys.stderr)
        return e.status
    except (DetailsError, ValueError, FileNotFoundError) as e:
        print(f"{_PROG}: error: {str(e).splitlines()[0] if str(e) else type(e).__name__}",
              file=sys.stderr)
        return 2
    except Exception as e:
        if not type(e).__module__.startswith("jinja2"):
            raise
        # A replaced template that does not parse or names what the context lacks.
        line = getattr(e, "lineno", None)
        place = f"{getattr(e, 'filename', None) or 'template'}:{line}: " if line else "template: "
        print(f"{_PROG}: error: {place}{getattr(e, 'message', None) or e}", file=sys.stderr)
        return 2
    return 0
