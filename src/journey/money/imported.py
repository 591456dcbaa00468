"""A bank statement taken into the record, the same from the command line and the web pages:
each payment once however often a statement is read (its mark kept as the line's source),
payees confirmed before going with their kind and support, and the columns chosen for an
unknown layout kept for statements like it. Nothing here saves: the caller saves `events`
together, all or none."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from journey.content import Journey as Content
from journey.core.model import Journey, MoneyKept, MoneyRule, now
from journey.money import statement
from journey.money.kinds import MoneyWords
from journey.money.record import Record, read

COLUMNS = "columns:"  # + a statement's signature: the columns chosen for its layout
STATEMENT = "statement:"  # + a row's mark: the source of a line read from a statement
PAYEE_KIND = "payee-kind:"  # + a payee as normalise_payee gives it: the kind of money it is


@dataclass
class Imported:
    found: statement.Statement
    events: list[Any] = field(default_factory=list)  # the columns kept, then the new lines
    new: int = 0
    columns_kept: bool = False
    unmatched: dict[str, list[int]] = field(default_factory=dict)  # payee: [count, pence]

    @property
    def known(self) -> int:
        """Rows already in the record."""
        return len(self.found.rows) - self.new


def remembered(record: Record) -> dict[str, statement.Layout]:
    """The columns chosen before, by the signature of the statements they were chosen for."""
    return {name[len(COLUMNS):]: layout for name, value in record.rules.items()
            if name.startswith(COLUMNS)
            and (layout := statement.Layout.from_value(value)) is not None}


def payee_kind(money: MoneyWords, record: Record, confirmed: str | None,
               direction: str) -> str:
    said = record.rules.get(PAYEE_KIND + confirmed) if confirmed else None
    kind = money.kind(said) if isinstance(said, str) else None
    if kind is not None and kind.direction == direction:
        return kind.id
    return "other-in" if direction == "in" else "other"


def take(journey: Journey, money: MoneyWords, record: Record, found: statement.Statement,
         file_name: str, by: str, chosen: statement.Layout | None = None) -> Imported:
    """What a statement adds to the record. `chosen`: the columns for a statement whose
    layout is not known (found.layout is None); they are kept for statements like it."""
    rules: list[MoneyRule] = []
    if found.layout is None:
        if chosen is None:
            raise ValueError("a statement of no known layout needs its columns chosen")
        found = found.using(chosen)
        rules.append(MoneyRule(name=COLUMNS + found.signature, value=chosen.as_value(),
                               by=by))
    already = {e.source for e in journey.events
               if isinstance(e, MoneyKept) and isinstance(e.source, str)}
    result = Imported(found, columns_kept=bool(rules))
    new: list[MoneyKept] = []
    for row in found.rows:
        source = STATEMENT + row.mark
        if source in already:
            continue
        already.add(source)
        confirmed = statement.match(row.payee, record.payees)
        kind = payee_kind(money, record, confirmed, row.direction)
        if confirmed is None:
            seen = result.unmatched.setdefault(row.payee, [0, 0])
            seen[0] += 1
            seen[1] += row.pence
        new.append(MoneyKept(
            day=row.day.isoformat(), pence=row.pence, direction=row.direction, what=kind,
            who=row.payee, purpose=row.reference or row.details,
            support=record.payees.get(confirmed) if confirmed else None,
            evidence="bank-statement" if row.direction == "in" else None,
            kept_where=file_name if row.direction == "in" else None, source=source, by=by))
    result.events = [*rules, *new]
    result.new = len(new)
    return result


def confirm(content: Content, money: MoneyWords, journey: Journey, payee: str, kind: str,
            support: str, by: str) -> tuple[list[Any], int]:
    """What a payee's payments are, said once: their kind (an id or a label) and the support
    they pay for (its number in the plan's list or words of its name; nothing: nothing in the
    plan). The rules to keep, and the statement lines of that payee not matched yet changed
    to it (their history stays), with how many were changed. MoneyError says what cannot be
    read."""
    from journey.money.record import PAYEE_RULE
    from journey.money.typed import MoneyError, kind_of, support_lines, support_of

    named = statement.normalise_payee(payee)
    if not named or not kind:
        raise MoneyError(money.say("payee_error"))
    found = money.kind(kind_of(money, kind))
    assert found is not None
    paid_for = support_of(money, support_lines(content, journey), support)
    events: list[Any] = [MoneyRule(name=PAYEE_RULE + named, value=paid_for, by=by),
                         MoneyRule(name=PAYEE_KIND + named, value=found.id, by=by)]
    standing = {e.id for e in read(journey, money).entries}  # never one taken out
    latest: dict[str, MoneyKept] = {}
    for event in journey.events:
        if isinstance(event, MoneyKept) and event.id in standing:
            latest[event.id] = event
    for kept in latest.values():
        if (isinstance(kept.source, str) and kept.source.startswith(STATEMENT)
                and not kept.support and isinstance(kept.who, str)
                and kept.direction == found.direction
                and statement.match(kept.who, {named: paid_for}) == named):
            events.append(replace(kept, what=found.id, support=paid_for, by=by, at=now()))
    return events, len(events) - 2


@dataclass(frozen=True)
class Waiting:
    """A payee of statement lines not said yet: as the statement gives it, which way its
    money goes, how many lines and how much."""

    payee: str
    direction: str
    count: int
    pence: int


def waiting(money: MoneyWords, journey: Journey) -> list[Waiting]:
    """The payees of statement lines that no payee said before matches, in the order met."""
    record = read(journey, money)
    found: dict[tuple[str, str], list[Any]] = {}
    sources = {e.id: e.source for e in journey.events if isinstance(e, MoneyKept)}
    for entry in record.entries:
        source = sources.get(entry.id)
        if not (isinstance(source, str) and source.startswith(STATEMENT)) or entry.support:
            continue
        if statement.match(entry.who, record.payees) is not None:
            continue
        key = (statement.normalise_payee(entry.who), entry.direction)
        seen = found.setdefault(key, [entry.who, 0, 0])
        seen[1] += 1
        seen[2] += entry.pence
    return [Waiting(who, direction, count, pence)
            for (_, direction), (who, count, pence) in found.items()]
