"""A line of the record as people type it, in any front door: the kind of money, the amount
as people write money (journey.core.answers.amount: £540, 540.50, 50p), the date in their
own words (journey.core.answers.when: 30 April, 30/4/27, yesterday), who, and the piece of
the plan's support it pays for, by its number or some of its words. Anything that cannot be
read is refused with a plain message, and nothing is guessed."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from journey.content import Journey as Content
from journey.core import answers
from journey.core.answers import AnswerError
from journey.core.model import Journey, MoneyKept
from journey.money.against import normal
from journey.money.kinds import MoneyWords
from journey.money.record import Entry, pence
from journey.plan.costing import CostLine
from journey.plan.snapshot import snapshot

_YEAR = re.compile(r"\d{4}|^\s*\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{2}\s*$")


class MoneyError(ValueError):
    """What was typed cannot go in the record: the message says why, in plain words."""


@dataclass(frozen=True)
class Typed:
    """What a person typed for one line, each as typed."""

    kind: str
    amount: str
    day: str
    who: str = ""
    support: str = ""  # a number in the plan's list of support, or some of its words
    purpose: str = ""
    evidence: str = ""
    kept_where: str = ""


def said(content: Content, error: AnswerError) -> str:
    return content.message(error.key, **error.values)


def day(content: Content, typed: str, today: date | None = None) -> str:
    """A date in people's own words, for money that has already gone in or out: a day and
    month said without a year is the latest such day, not the next one."""
    today = today or date.today()
    try:
        found = date.fromisoformat(answers.when(typed, today))
    except AnswerError as e:
        raise MoneyError(said(content, e)) from None
    if found > today and not _YEAR.search(answers.clean(typed)):
        try:
            found = found.replace(year=found.year - 1)
        except ValueError:  # 29 February
            found = found.replace(year=found.year - 1, day=28)
    return found.isoformat()


def amount(content: Content, words: MoneyWords, typed: str) -> int:
    try:
        value = pence(answers.amount(typed))
    except AnswerError as e:
        raise MoneyError(said(content, e)) from None
    if value <= 0:
        raise MoneyError(words.say("error_amount_nothing"))
    return value


def kind_of(words: MoneyWords, typed: str) -> str:
    """A kind by its id or its label, in any case."""
    wanted = normal(typed)
    for kind in words.kinds:
        if wanted in (kind.id, normal(kind.label)):
            return kind.id
    raise MoneyError(words.say("error_kind", kinds=", ".join(k.id for k in words.kinds)))


def evidence_of(words: MoneyWords, typed: str) -> str | None:
    wanted = normal(typed)
    if not wanted:
        return None
    for paper in words.papers:
        if wanted in (paper.id, normal(paper.label)):
            return paper.id
    raise MoneyError(words.say("error_evidence", kinds=", ".join(p.id for p in words.papers)))


def support_lines(content: Content, journey: Journey) -> list[CostLine]:
    """The plan's costed support, in the plan's order: what an entry can pay for."""
    return list(snapshot(content, journey).costing.lines)


def support_of(words: MoneyWords, lines: list[CostLine], typed: str) -> str | None:
    """A piece of support by its number in the plan's list, or words from its name; None
    for nothing typed."""
    wanted = normal(typed)
    if not wanted:
        return None
    if wanted.isdigit() and 1 <= int(wanted) <= len(lines) and len(wanted) < 4:
        return lines[int(wanted) - 1].what
    exact = [line.what for line in lines if normal(line.what) == wanted]
    found = exact or [line.what for line in lines if wanted in normal(line.what)]
    if len(found) == 1:
        return found[0]
    names = "; ".join(f"{n}. {line.what}" for n, line in enumerate(lines, 1))
    if not found:
        raise MoneyError(words.say("error_support", said=typed.strip()[:40], names=names))
    raise MoneyError(words.say("error_support_many", said=typed.strip()[:40],
                               names="; ".join(found)))


def only_pa(lines: list[CostLine]) -> str | None:
    """The plan's one personal assistant paid by the hour from a budget, if just one."""
    found = [line.what for line in lines if line.provider == answers.Provider.PA.value
             and line.hourly is not None
             and line.funding in ("personal-budget", "health-budget")]
    return found[0] if len(found) == 1 else None


def entry(content: Content, words: MoneyWords, journey: Journey, typed: Typed, by: str,
          *, today: date | None = None, entry_id: str | None = None) -> MoneyKept:
    """The line to record, every field read; MoneyError says what cannot be read."""
    kind = words.kind(kind_of(words, typed.kind))
    assert kind is not None
    lines = support_lines(content, journey)
    support = support_of(words, lines, typed.support)
    if support is None and kind.pays_pa:
        support = only_pa(lines)  # pay, tax and pension go with the one assistant
    who = answers.clean_name(typed.who) or kind.who or (
        journey.name or "" if kind.id == "contribution" else "")
    fields: dict[str, Any] = {} if entry_id is None else {"id": entry_id}
    return MoneyKept(
        day=day(content, typed.day, today), pence=amount(content, words, typed.amount),
        direction=kind.direction, what=kind.id, who=who,
        purpose=answers.clean(typed.purpose).strip()[:answers.MAX_CHARS],
        support=support, evidence=evidence_of(words, typed.evidence),
        kept_where=answers.clean_name(typed.kept_where) or None, by=by, **fields)


def change(content: Content, words: MoneyWords, journey: Journey, old: Entry, by: str,
           *, today: date | None = None, **typed: str | None) -> MoneyKept:
    """A line kept again under its own id, with what was typed in place of what it held:
    the record reads the latest, and the line before stays in the history. A field not
    typed (None) keeps what the line held, its support and where it came from too."""
    unknown = set(typed) - set(Typed.__dataclass_fields__)
    if unknown:
        raise TypeError(f"no such field: {sorted(unknown)[0]}")
    if not any(value is not None for value in typed.values()):
        raise MoneyError(words.say("error_change_nothing"))
    held = Typed(kind=old.what, amount=f"{old.pence // 100}.{old.pence % 100:02d}",
                 day=old.day.isoformat(), who=old.who, support="", purpose=old.purpose,
                 evidence=old.evidence or "", kept_where=old.kept_where or "")
    merged = replace(held, **{k: v for k, v in typed.items() if v is not None})
    made = entry(content, words, journey, merged, by, today=today, entry_id=old.id)
    support = made.support
    if typed.get("support") is None:  # kept as it was, even if the plan has changed since
        support = old.support if made.direction == "out" else None
        if support is None and made.direction == "out" and made.what != old.what:
            support = made.support
    return replace(made, support=support, source=old.source)
