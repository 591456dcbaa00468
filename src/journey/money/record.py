"""The direct-payment record read back from a journey's events: the latest line for each
entry id, lines taken out left out, and every field of every stored line checked, as a stored
event may hold anything (an older version's, a hand edit, a journey file from elsewhere). A
line that cannot be read is never counted and never a crash: it is flagged, to be added
again, and stays in the journey's history.

Money is whole pence (int) throughout; Decimal only where pounds are shown or typed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from journey.core import answers
from journey.core.model import Journey, MoneyKept, MoneyRemoved, MoneyRule
from journey.money.kinds import DIRECTIONS, MoneyWords

MANAGED_QUESTIONS = ("personal-budget.managed", "health-budget.held")
DIRECT_PAYMENT = {"direct-payment", "mix"}  # ways of holding money that pay one
DP_AMOUNT = "personal-budget.dp-amount"
DP_FIRST = "personal-budget.dp-first"
WEEKS_RULE = "weeks-allowed"
BALANCE_RULE = "bank-balance:"  # + a day, YYYY-MM-DD: the bank's balance at its end, pence
PAYEE_RULE = "payee:"  # + a payee's name as a statement gives it, normalised
MOST_PENCE = int(answers.MAX_MONEY * 100)
TEXTS = ("who", "purpose")
MAYBE_TEXTS = ("support", "evidence", "kept_where", "source")


def has_direct_payment(live: Mapping[str, Any]) -> bool:
    """The plan pays a direct payment: its budget (or its health budget) is held so."""
    return any(live.get(q) in DIRECT_PAYMENT for q in MANAGED_QUESTIONS)


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of the record, every field checked."""

    id: str
    day: date
    pence: int
    direction: str  # "in" or "out"
    what: str  # a kind's id (content/money.toml)
    who: str
    purpose: str
    support: str | None
    evidence: str | None
    kept_where: str | None
    source: str | None
    by: str
    at: datetime

    @property
    def signed(self) -> int:
        """Pence into the account (out is below nothing)."""
        return self.pence if self.direction == "in" else -self.pence


@dataclass(frozen=True, slots=True)
class Flagged:
    """A stored line that cannot be read: which one, and what is wrong (a message key)."""

    id: str
    problem: str
    event: MoneyKept


@dataclass
class Record:
    entries: list[Entry] = field(default_factory=list)  # by day, then as recorded
    flagged: list[Flagged] = field(default_factory=list)
    weeks_allowed: int = 8
    weeks_flagged: bool = False  # a weeks-allowed rule was stored that cannot be read
    # payee (as journey.money.statement.normalise_payee gives it) -> the support it pays for,
    # or None: confirmed as paying for nothing in the plan
    payees: dict[str, str | None] = field(default_factory=dict)
    rules: dict[str, Any] = field(default_factory=dict)  # every rule's latest value, unchecked

    def entry(self, said: str) -> Entry | None:
        """An entry by its number in the list (1 is the first) or by its id."""
        said = said.strip()
        if said.isdigit() and 1 <= int(said) <= len(self.entries) and len(said) < 6:
            return self.entries[int(said) - 1]
        return next((e for e in self.entries if e.id == said), None)


def problem(kept: MoneyKept, words: MoneyWords) -> str | None:
    """What is wrong with a stored line, as a message key; None when it can be used."""
    if not isinstance(kept.id, str) or not kept.id:
        return "problem_text"
    if not isinstance(kept.day, str) or _day(kept.day) is None:
        return "problem_day"
    if type(kept.pence) is not int or not 0 < kept.pence <= MOST_PENCE:
        return "problem_pence"
    if kept.direction not in DIRECTIONS:
        return "problem_direction"
    kind = words.kind(kept.what) if isinstance(kept.what, str) else None
    if kind is None:
        return "problem_kind"
    if kind.direction != kept.direction:
        return "problem_kind_direction"
    if any(not isinstance(getattr(kept, n), str) for n in (*TEXTS, "by")) or any(
            getattr(kept, n) is not None and not isinstance(getattr(kept, n), str)
            for n in MAYBE_TEXTS):
        return "problem_text"
    if kept.evidence and words.paper(kept.evidence) is None:
        return "problem_evidence"
    return None


def _day(text: str) -> date | None:
    if len(text) != 10:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _entry(kept: MoneyKept) -> Entry:
    day = _day(kept.day)
    assert day is not None

    def maybe(value: str | None) -> str | None:
        return answers.clean_name(value) or None if value else None

    return Entry(id=kept.id, day=day, pence=kept.pence, direction=kept.direction,
                 what=kept.what, who=answers.clean_name(kept.who),
                 purpose=answers.clean_name(kept.purpose, None), support=maybe(kept.support),
                 evidence=kept.evidence or None, kept_where=maybe(kept.kept_where),
                 source=maybe(kept.source), by=kept.by, at=kept.at)


def read(journey: Journey, words: MoneyWords) -> Record:
    """The record as it stands: the latest line of each id that was not taken out after it."""
    latest: dict[str, MoneyKept | None] = {}
    rules: dict[str, Any] = {}
    for event in journey.events:
        if isinstance(event, MoneyKept):
            key = event.id if isinstance(event.id, str) else repr(event.id)
            latest.pop(key, None)  # a line kept again moves to where it was kept last
            latest[key] = event
        elif isinstance(event, MoneyRemoved) and isinstance(event.entry, str):
            latest[event.entry] = None
        elif isinstance(event, MoneyRule) and isinstance(event.name, str):
            rules[event.name] = event.value
    record = Record(weeks_allowed=words.weeks_allowed, rules=rules)
    for kept in latest.values():
        if kept is None:
            continue
        wrong = problem(kept, words)
        if wrong is None:
            record.entries.append(_entry(kept))
        else:
            record.flagged.append(Flagged(id=str(kept.id)[:40], problem=wrong, event=kept))
    record.entries.sort(key=lambda e: e.day)  # stable: the same day keeps the order kept
    if WEEKS_RULE in rules:
        weeks = rules[WEEKS_RULE]
        if type(weeks) is int and 1 <= weeks <= 52:
            record.weeks_allowed = weeks
        else:
            record.weeks_flagged = True
    record.payees = {name[len(PAYEE_RULE):]: value or None for name, value in rules.items()
                     if name.startswith(PAYEE_RULE) and (value is None or isinstance(value, str))}
    return record


def pence(amount: Decimal) -> int:
    """Pounds, exact to the penny, as whole pence."""
    return int((amount * 100).to_integral_exact())


def pounds(pence: int) -> str:
    """Whole pence as people read money: £1,234.56, and below nothing as -£12.00."""
    sign = "-" if pence < 0 else ""
    whole, part = divmod(abs(pence), 100)
    return f"{sign}£{whole:,}.{part:02d}"
