"""A bank statement taken into the record, the same from the command line and the web pages:
each payment once however often a statement is read (its mark kept as the line's source),
payees confirmed before going with their kind and support, and the columns chosen for an
unknown layout kept for statements like it. Nothing here saves: the caller saves `events`
together, all or none."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from journey.core.model import Journey, MoneyKept, MoneyRule
from journey.money import statement
from journey.money.kinds import MoneyWords
from journey.money.record import Record

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
