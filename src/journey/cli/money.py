"""`journey money ID ...`: the direct-payment record from the command line. Add money in or
out (dates in people's own words, money as people type it), list it, take a line out, set the
weeks of money the council allows, check it against the plan for a period, and export the
council's check. Results on standard output, errors on standard error; `check` exits with 3
when it finds something, as `journey check` does."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journey.content import Journey as Content
    from journey.core.model import Journey, MoneyKept
    from journey.money.against import Against
    from journey.money.kinds import MoneyWords
    from journey.store.database import Store

ACTIONS = ("list", "add", "change", "remove", "check", "export", "allow", "import", "payee")
EXPORTS = ("md", "html", "docx", "csv")
FOUND = 3  # `check` found something to point out: not 1 (an error) nor 2 (not understood)


def add_command(commands: argparse._SubParsersAction) -> None:
    money = commands.add_parser(
        "money", help="the direct-payment record: money in and out, against the plan",
        description="The direct-payment record of a plan with a direct payment. 'add' "
                    "records money in or out, 'list' shows it, 'change N' changes entry N "
                    "in place (its history kept), 'remove N' takes entry N "
                    "out, 'allow WEEKS' sets the weeks of money the council lets build up, "
                    "'check' sets it against the plan for a period (exits with 3 when it "
                    "finds something), 'export' writes the council's check.")
    money.add_argument("id", help="the journey's id, as shown by 'journey list'")
    money.add_argument("action", nargs="?", default="list", choices=ACTIONS,
                       help="what to do (default: list)")
    money.add_argument("value", nargs="?",
                       help="change, remove: the entry's number in the list, or its id; "
                            "allow: the "
                            "weeks of money the council lets build up, like 8; import: the "
                            "bank statement's CSV file; payee: a payee's name as the "
                            "statement gives it")
    money.add_argument("--kind", help="add: the kind of money, like council, contribution, "
                                      "pay, hmrc, pension, agency, insurance, equipment, other")
    money.add_argument("--amount", help="add: how much, like £540.50")
    money.add_argument("--day", help="add: when it went in or out, like '30 April' or "
                                     "30/04/2027")
    money.add_argument("--who", help="add: who paid it, or who was paid")
    money.add_argument("--for", dest="support",
                       help="add: the piece of the plan's support it pays for, by its number "
                            "or words of its name")
    money.add_argument("--purpose", help="add: what it was for")
    money.add_argument("--evidence", help="add: the proof, like payslip, timesheet, invoice, "
                                          "receipt, bank-statement, insurance-certificate")
    money.add_argument("--kept", help="add: where the proof is kept")
    money.add_argument("--period", choices=("quarter", "year", "all"),
                       help="check, export, list: a quarter or a year of the direct payment "
                            "(the latest, or the one from --from), or all since the start")
    money.add_argument("--from", dest="start", metavar="DAY",
                       help="the first day of the period, in your own words")
    money.add_argument("--to", dest="end", metavar="DAY",
                       help="the last day of the period, in your own words")
    money.add_argument("--columns", metavar="COLUMNS",
                       help="import: a statement's columns, counted from 0, when journey "
                            "does not know its layout, like 'day=0,payee=1,amount=2'")
    money.add_argument("--format", default="md", choices=EXPORTS,
                       help="export: md, html, docx or csv (default: md)")
    money.add_argument("-o", "--output", type=Path, help="export: file to write "
                                                           "(default: screen)")


def _say(text: str, error: bool = False) -> None:
    from journey.core.answers import clean

    print(clean(text), file=sys.stderr if error else sys.stdout)


def run(args: argparse.Namespace, store: Store) -> int:
    from journey import content
    from journey.money import kinds
    from journey.money.record import has_direct_payment
    from journey.money.typed import MoneyError
    from journey.plan.snapshot import snapshot

    words = content.default()
    money = kinds.default()
    try:
        journey = store.load(args.id)
    except KeyError:
        from journey.cli.manage import safe

        _say(words.message("error_no_journey", id=safe(args.id)), error=True)
        return 1
    if not has_direct_payment(snapshot(words, journey).live):
        _say(money.say("no_direct_payment"), error=True)
        return 1
    try:
        handler = {"list": _list, "add": _add, "change": _change, "remove": _remove,
                   "allow": _allow, "check": _check, "export": _export, "import": _import,
                   "payee": _payee}[args.action]
        return handler(args, store, words, money, journey)
    except MoneyError as e:
        _say(str(e), error=True)
        return 1


def _period(args: argparse.Namespace, words: Content, money: MoneyWords, journey: Journey,
            default: str = "all") -> Against:
    from datetime import date

    from journey.money.against import against
    from journey.money.typed import MoneyError, day

    start = date.fromisoformat(day(words, args.start)) if args.start else None
    end = date.fromisoformat(day(words, args.end)) if args.end else None
    if start and end and end < start:
        raise MoneyError(money.say("error_period_order"))
    kind = args.period or ("between" if start and end else default)
    return against(words, money, journey, kind, start=start, end=end)


def _planned(words: Content, journey: Journey) -> set[str]:
    from journey.money.against import normal
    from journey.money.typed import support_lines

    return {normal(line.what) for line in support_lines(words, journey)}


def _list(args: argparse.Namespace, store: Store, words: Content, money: MoneyWords,
          journey: Journey) -> int:
    from journey.money.record import read
    from journey.money.shown import entry_line, flagged_lines, period

    record = read(journey, money)
    _say(money.say("title", name=journey.name or words.message("someone")))
    entries = list(enumerate(record.entries, 1))
    if args.period or args.start or args.end:
        chosen = _period(args, words, money, journey).period
        _say(period(money, chosen))
        entries = [(n, e) for n, e in entries if chosen.holds(e.day)]
    planned = _planned(words, journey)
    for number, entry in entries:
        _say(entry_line(money, entry, number, planned))
    if not record.entries:
        _say(money.say("none_yet"))
    for line in flagged_lines(money, record):
        _say(line)
    return 0


def _changing(store: Store, journey: Journey) -> Journey:
    """The journey held for writing, read afresh: another window may have changed it."""
    store.lock(journey.id)
    return store.load(journey.id)


def _by(journey: Journey) -> str:
    return journey.speaker("money.record")[0]


def _add(args: argparse.Namespace, store: Store, words: Content, money: MoneyWords,
         journey: Journey) -> int:
    from journey.money.typed import MoneyError, Typed, entry

    needed = [f"--{name}" for name in ("kind", "amount", "day") if not getattr(args, name)]
    if needed:
        raise MoneyError(money.say("error_needs", missing=", ".join(needed)))
    typed = Typed(kind=args.kind, amount=args.amount, day=args.day, who=args.who or "",
                  support=args.support or "", purpose=args.purpose or "",
                  evidence=args.evidence or "", kept_where=args.kept or "")
    return _keep(store, words, money, journey,
                 entry(words, money, journey, typed, _by(journey)), "added")


def _change(args: argparse.Namespace, store: Store, words: Content, money: MoneyWords,
            journey: Journey) -> int:
    """One line changed in place: kept again under its id, the line before in the history."""
    from journey.money.record import read
    from journey.money.typed import MoneyError, change

    found = read(journey, money).entry(args.value or "")
    if found is None:
        raise MoneyError(money.say("no_entry", entry=(args.value or "…")[:40]))
    kept = change(words, money, journey, found, _by(journey), kind=args.kind,
                  amount=args.amount, day=args.day, who=args.who, support=args.support,
                  purpose=args.purpose, evidence=args.evidence, kept_where=args.kept)
    return _keep(store, words, money, journey, kept, "changed")


def _keep(store: Store, words: Content, money: MoneyWords, journey: Journey,
          kept: MoneyKept, said: str) -> int:
    """Save one line, added or changed, and say it as the list shows it, with its number."""
    from journey.money.record import read
    from journey.money.shown import entry_line

    try:
        journey = _changing(store, journey)
        store.record(journey, kept)
    finally:
        store.release(journey.id)
    record = read(journey, money)
    number = next(n for n, e in enumerate(record.entries, 1) if e.id == kept.id)
    _say(money.say(said, line=entry_line(money, record.entries[number - 1], number,
                                         _planned(words, journey))))
    return 0


def _remove(args: argparse.Namespace, store: Store, words: Content, money: MoneyWords,
            journey: Journey) -> int:
    from journey.core.model import MoneyRemoved
    from journey.money.record import read
    from journey.money.shown import entry_line
    from journey.money.typed import MoneyError

    record = read(journey, money)
    found = record.entry(args.value or "")
    if found is None:
        raise MoneyError(money.say("no_entry", entry=(args.value or "…")[:40]))
    number = record.entries.index(found) + 1
    try:
        journey = _changing(store, journey)
        store.record(journey, MoneyRemoved(entry=found.id, by=_by(journey)))
    finally:
        store.release(journey.id)
    _say(money.say("removed", line=entry_line(money, found, number, _planned(words, journey))))
    return 0


def _allow(args: argparse.Namespace, store: Store, words: Content, money: MoneyWords,
           journey: Journey) -> int:
    from journey.core.model import MoneyRule
    from journey.money.record import WEEKS_RULE
    from journey.money.typed import MoneyError

    typed = (args.value or "").strip()
    if not (typed.isdigit() and len(typed) <= 2 and 1 <= int(typed) <= 52):
        raise MoneyError(money.say("error_weeks"))
    try:
        journey = _changing(store, journey)
        store.record(journey, MoneyRule(name=WEEKS_RULE, value=int(typed), by=_by(journey)))
    finally:
        store.release(journey.id)
    _say(money.say("weeks_set", weeks=money.weeks(int(typed))))
    return 0


def _check(args: argparse.Namespace, store: Store, words: Content, money: MoneyWords,
           journey: Journey) -> int:
    from journey.money.shown import summary_lines

    found = _period(args, words, money, journey)
    for line in summary_lines(words, money, found):
        _say(line)
    return FOUND if found.findings or found.record.flagged else 0


def _export(args: argparse.Namespace, store: Store, words: Content, money: MoneyWords,
            journey: Journey) -> int:
    from journey.money import export

    found = _period(args, words, money, journey)
    data = export.render(words, money, found, args.format)
    if args.output is None:
        if args.format == "docx":
            _say(words.message("export_needs_file", format="docx"), error=True)
            return 1
        sys.stdout.write(data.decode("utf-8"))
        return 0
    from journey.store.private import reason, write_whole

    try:
        was_open = write_whole(args.output, data, text=args.format in ("md",))
    except OSError as e:
        _say(words.message("export_failed", reason=reason(e)), error=True)
        return 1
    _say(money.say("exported", path=args.output))
    if was_open:
        _say(words.message("made_private", path=args.output))
    return 0


def _import(args: argparse.Namespace, store: Store, words: Content, money: MoneyWords,
            journey: Journey) -> int:
    """A bank statement's CSV file into the record: each payment once, however often the
    file is read; payees confirmed before go with their kind and support."""
    from journey.money import importing, statement
    from journey.money.typed import MoneyError

    if not args.value:
        raise MoneyError(money.say("error_needs", missing="FILE"))
    path = Path(args.value)
    try:
        found = importing.open_statement(words, money, journey, path)
    except statement.StatementError as e:
        raise MoneyError(e.text) from None
    chosen = None
    if found.layout is None:
        chosen = _columns(money, args.columns) if args.columns else None
        if chosen is None:
            shown = "; ".join(f"{n}: {h}" for n, h in enumerate(
                found.header or (found.examples[0] if found.examples else ())))
            raise MoneyError(money.say("import_columns", columns=shown,
                                       suggested=_columns_said(found.suggested)))
    made = importing.lines(money, journey, found, path.name, _by(journey), chosen)
    if made.events:
        try:
            journey = _changing(store, journey)
            store.save(journey, _recorded(journey, made.events))
        finally:
            store.release(journey.id)
    _say(money.say("import_read", rows=len(made.statement.rows), file=path.name,
                   new=len(made.new), known=made.known))
    if made.rules:
        _say(money.say("import_columns_kept"))
    if made.statement.problems:
        _say(money.say("import_left_out"))
        for problem in made.statement.problems:
            _say(f"  - {problem.text}")
    if made.unmatched:
        from journey.money.record import pounds

        _say(money.say("import_new_payees"))
        for payee, (count, pence) in made.unmatched.items():
            _say("  - " + money.say("import_new_payee", payee=payee,
                                    payments=money.payments(count),
                                    amount=pounds(pence), id=journey.id))
    return 0


def _recorded(journey: Journey, events: list) -> list:
    """Add events to the journey in memory, to be saved together, all or none."""
    for event in events:
        journey.record(event)
    return events


def _columns(money: MoneyWords, said: str) -> object:
    from journey.money import statement
    from journey.money.typed import MoneyError

    chosen: dict[str, object] = {}
    try:
        for part in said.split(","):
            name, _, number = part.partition("=")
            name = name.strip().replace("-", "_")
            if name == "payee":
                chosen["payee"] = (*chosen.get("payee", ()), int(number))  # type: ignore[misc]
            else:
                chosen[name] = int(number)
        chosen["payee"] = tuple(chosen.get("payee", ()))  # type: ignore[arg-type]
        return statement.Layout(**chosen)  # type: ignore[arg-type]
    except (TypeError, ValueError) as e:
        raise MoneyError(money.say("import_columns_bad", problem=str(e)[:80])) from None


def _columns_said(layout: object) -> str:
    """A layout as --columns takes it."""
    if layout is None:
        return "day=0,payee=1,amount=2"
    value = layout.as_value()  # type: ignore[attr-defined]
    parts = [f"day={value['day']}", *(f"payee={p}" for p in value["payee"])]
    parts += [f"{k}={v}" for k, v in value.items() if k not in ("day", "payee") and v is not None]
    return ",".join(parts)


def _payee(args: argparse.Namespace, store: Store, words: Content, money: MoneyWords,
           journey: Journey) -> int:
    """What a payee's payments are, said once: their kind and the support they pay for.
    Lines from statements of that payee not yet matched are changed to it (their history
    stays); later statements use it."""
    from journey.money import importing

    events, changed = importing.confirm(words, money, journey, args.value or "",
                                        args.kind or "", args.support or "", _by(journey))
    kind = money.kind(events[1].value)  # type: ignore[arg-type]
    support = events[0].value
    assert kind is not None
    try:
        journey = _changing(store, journey)
        store.save(journey, _recorded(journey, events))
    finally:
        store.release(journey.id)
    key = "payee_set" if support else "payee_set_none"
    _say(money.say(key, payee=args.value.strip(), kind=kind.label, support=support or "",
                   payments=money.payments(changed)))
    return 0
