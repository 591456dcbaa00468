"""A bank statement into the record, the same for every front door (the command line, the
app and the web pages): each payment kept once however often a statement is read (its row's
mark is kept as the line's source), the bank's closing balance for each day it gives one,
payees confirmed before going with their kind and support, the columns of a layout not known
chosen once and remembered, the payees still waiting to be said, and a payee said once
(typed words or chosen ids) changing its lines not yet matched.

Nothing here saves: each step gives the events to save together, all or none."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from journey.content import Journey as Content
from journey.core.model import Event, Journey, MoneyKept, MoneyRule, now
from journey.money import statement
from journey.money.kinds import MoneyWords
from journey.money.record import BALANCE_RULE, PAYEE_RULE, Record
from journey.money.record import read as read_record

COLUMNS = "columns:"  # + a statement layout's signature: the columns chosen for it
STATEMENT = "statement:"  # + a row's mark: a line's source, when a statement gave it
PAYEE_KIND = "payee-kind:"  # + a payee as normalise_payee gives it: the kind of money it is


@dataclass
class Imported:
    """What a statement adds: the columns chosen (when chosen now), the new lines, and the
    payees not matched yet with how many payments and how much."""

    statement: statement.Statement
    rules: list[MoneyRule] = field(default_factory=list)
    new: list[MoneyKept] = field(default_factory=list)
    balances: list[MoneyRule] = field(default_factory=list)  # the bank's, new or changed
    unmatched: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def events(self) -> list[Event]:
        return [*self.rules, *self.new, *self.balances]

    @property
    def known(self) -> int:
        return len(self.statement.rows) - len(self.new)


def remembered(record: Record) -> dict[str, statement.Layout]:
    """The columns chosen before, for each layout not known, as they were kept."""
    return {name[len(COLUMNS):]: layout for name, value in record.rules.items()
            if name.startswith(COLUMNS)
            and (layout := statement.Layout.from_value(value)) is not None}


def open_statement(words: Content, money: MoneyWords, journey: Journey,
                   path: Path) -> statement.Statement:
    """The statement in a file, with the columns remembered for its layout; raises
    statement.StatementError, in words, for a file that is not one."""
    return statement.read_file(path, remembered(read_record(journey, money)), words)


def lines(money: MoneyWords, journey: Journey, found: statement.Statement, name: str,
          by: str, chosen: statement.Layout | None = None) -> Imported:
    """The lines a statement adds to the record; `chosen` is the layout the person chose for
    a statement whose columns are not known (kept, to be asked no more)."""
    record = read_record(journey, money)
    out = Imported(found)
    if found.layout is None:
        if chosen is None:
            raise ValueError("a statement in a layout not known needs its columns")
        found = out.statement = found.using(chosen)
        out.rules.append(MoneyRule(name=COLUMNS + found.signature, value=chosen.as_value(),
                                   by=by))
    already = {e.source for e in journey.events
               if isinstance(e, MoneyKept) and isinstance(e.source, str)}
    for row in found.rows:
        source = STATEMENT + row.mark
        if source in already:
            continue
        already.add(source)
        confirmed = statement.match(row.payee, record.payees)
        if confirmed is None:
            count, pence = out.unmatched.get(row.payee, (0, 0))
            out.unmatched[row.payee] = (count + 1, pence + row.pence)
        out.new.append(MoneyKept(
            day=row.day.isoformat(), pence=row.pence, direction=row.direction,
            what=payee_kind(money, record, confirmed, row.direction), who=row.payee,
            purpose=row.reference or row.details,
            support=record.payees.get(confirmed) if confirmed else None,
            evidence="bank-statement" if row.direction == "in" else None,
            kept_where=name if row.direction == "in" else None, source=source, by=by))
    for on, pence in closing(found.rows).items():
        if record.rules.get(BALANCE_RULE + on) != pence:
            out.balances.append(MoneyRule(name=BALANCE_RULE + on, value=pence, by=by))
    return out


def closing(rows: Iterable[statement.Row]) -> dict[str, int]:
    """The bank's balance at the end of each day a statement gives balances for: the last
    row of the day, as the statement lists them oldest first or newest first."""
    given = [row for row in rows if row.balance is not None]
    if len(given) > 1 and given[0].day > given[-1].day:
        given.reverse()  # newest first: the day's last row is its first
    return {row.day.isoformat(): row.balance for row in given  # type: ignore[misc]
            if row.balance is not None}


def payee_kind(money: MoneyWords, record: Record, confirmed: str | None,
               direction: str) -> str:
    """The kind of money a confirmed payee's payments are, when it goes their way."""
    said = record.rules.get(PAYEE_KIND + confirmed) if confirmed else None
    kind = money.kind(said) if isinstance(said, str) else None
    if kind is not None and kind.direction == direction:
        return kind.id
    return "other-in" if direction == "in" else "other"


def payee(money: MoneyWords, journey: Journey, said: str, kind_id: str,
          support: str | None, by: str) -> tuple[list[Event], int]:
    """A payee's payments said once: the rules to keep, and each line from a statement of
    that payee not yet matched kept again with its kind and support (its history stays).
    Returns the events and how many lines changed."""
    named = statement.normalise_payee(said)
    kind = money.kind(kind_id)
    if not named or kind is None:
        raise ValueError("a payee needs a name and a kind of money")
    events: list[Event] = [MoneyRule(name=PAYEE_RULE + named, value=support, by=by),
                           MoneyRule(name=PAYEE_KIND + named, value=kind.id, by=by)]
    standing = {e.id for e in read_record(journey, money).entries}  # never one taken out
    latest: dict[str, MoneyKept] = {}
    for event in journey.events:
        if isinstance(event, MoneyKept) and event.id in standing:
            latest[event.id] = event
    changed = 0
    for kept in latest.values():
        if (isinstance(kept.source, str) and kept.source.startswith(STATEMENT)
                and not kept.support and isinstance(kept.who, str)
                and kept.direction == kind.direction
                and statement.match(kept.who, {named: support}) == named):
            events.append(replace(kept, what=kind.id, support=support, by=by, at=now()))
            changed += 1
    return events, changed


def confirm(content: Content, money: MoneyWords, journey: Journey, said: str, kind: str,
            support: str, by: str) -> tuple[list[Event], int]:
    """A payee said once in people's words: its kind (an id or a label) and the support its
    payments are for (its number in the plan's list or words of its name; nothing: nothing
    in the plan), as `payee` keeps them. typed.MoneyError says what cannot be read, before
    anything is made."""
    # Loaded only here: reading typed words needs the plan, bringing in a statement does not.
    from journey.money.typed import MoneyError, kind_of, support_lines, support_of

    if not statement.normalise_payee(said) or not kind:
        raise MoneyError(money.say("payee_error"))
    kind_id = kind_of(money, kind)
    paid_for = support_of(money, support_lines(content, journey), support)
    return payee(money, journey, said, kind_id, paid_for, by)


@dataclass(frozen=True)
class Waiting:
    """A payee of statement lines not said yet: as the statement gives it, which way its
    money goes, how many lines and how much."""

    payee: str
    direction: str
    count: int
    pence: int


def waiting(money: MoneyWords, journey: Journey) -> list[Waiting]:
    """The payees of statement lines still standing that no payee said before matches, in
    the order met; the same payee's money in and money out are two."""
    record = read_record(journey, money)
    found: dict[tuple[str, str], Waiting] = {}
    for entry in record.entries:
        if not (entry.source and entry.source.startswith(STATEMENT)) or entry.support:
            continue
        if not entry.who or statement.match(entry.who, record.payees) is not None:
            continue
        key = (statement.normalise_payee(entry.who), entry.direction)
        seen = found.get(key, Waiting(entry.who, entry.direction, 0, 0))
        found[key] = replace(seen, count=seen.count + 1, pence=seen.pence + entry.pence)
    return list(found.values())
