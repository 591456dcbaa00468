"""The record set against the plan for a period: planned and spent for each piece of costed
support, what was spent on nothing in the plan, the money in, the balance and how many weeks
of the direct payment it holds, what proof is still to find, and plain findings, each with
the facts it rests on (ids in content/sources.toml).

Everything here is whole pence. A planned figure is a yearly cost (journey.plan.costing) for
the part of the year in the period: whole months as twelfths, other days as a share of 365,
rounded to the penny once. Figures are derived each time, never stored."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from journey.content import Journey as Content
from journey.core.answers import Funding, Provider, is_money
from journey.core.answers import per_year as money_per_year
from journey.core.model import Journey
from journey.money.kinds import MoneyWords
from journey.money.record import (
    BALANCE_RULE,
    DP_AMOUNT,
    DP_FIRST,
    MOST_PENCE,
    Entry,
    Record,
    pounds,
    read,
)
from journey.plan.costing import CostLine
from journey.plan.parts.reviews import add_months
from journey.plan.snapshot import snapshot

CONTRIBUTION = "planning.contribution"
PAYS_PART = "personal-budget.pay-part"
BUDGETS = {Funding.PERSONAL_BUDGET.value, Funding.HEALTH_BUDGET.value}
HOURLY_PEOPLE = {Provider.PA.value, Provider.FAMILY.value}  # named people paid by the hour
PERIODS = ("quarter", "year", "all")
SHORT_BY = 100  # a contribution short by less than £1 is rounding, not a missed payment


@dataclass(frozen=True, slots=True)
class Period:
    start: date
    end: date  # the last day in it
    kind: str  # "quarter", "year", "all" or "between"

    def holds(self, day: date) -> bool:
        return self.start <= day <= self.end

    def months(self) -> int | None:
        """How many whole months it is, when it is whole months from its first day."""
        after = self.end + timedelta(days=1)
        for months in range(1, 1201):
            moved = add_months(self.start, months)
            if moved == after:
                return months
            if moved > after:
                return None
        return None

    def share(self) -> Decimal:
        """The part of a year it is."""
        months = self.months()
        if months is not None:
            return Decimal(months) / 12
        return Decimal((self.end - self.start).days + 1) / 365


def choose(kind: str, record: Record, live: Any, *, start: date | None = None,
           end: date | None = None, today: date | None = None) -> Period:
    """A period in the words people use: a quarter or a year of the direct payment (counted
    from its first payment, or the record's first entry: the latest one the record reaches,
    unless `start` says which), everything since the start, or two days."""
    today = today or date.today()
    first = _day(live.get(DP_FIRST))
    days = [e.day for e in record.entries]
    anchor = min([d for d in (first, *days[:1]) if d] or [today])
    last = max([*days[-1:], today]) if kind == "all" else (days[-1] if days else today)
    if kind == "all":
        return Period(start or anchor, end or last, "all")
    if kind in ("quarter", "year"):
        months = 3 if kind == "quarter" else 12
        if start is None:
            start, steps = anchor, 0
            while add_months(anchor, (steps + 1) * months) <= last:
                steps += 1
            start = add_months(anchor, steps * months)
        return Period(start, end or add_months(start, months) - timedelta(days=1), kind)
    assert start is not None and end is not None
    return Period(start, end, "between")


def _day(value: Any) -> date | None:
    if isinstance(value, str) and len(value) == 10:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


@dataclass(frozen=True, slots=True)
class Row:
    """One piece of costed support: planned and spent in the period."""

    what: str
    funding: str
    planned: int
    spent: int
    once: bool = False  # bought once: planned is its whole cost, in any period

    @property
    def difference(self) -> int:
        return self.planned - self.spent


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str  # which finding: balance, contribution, low_pay, hours, unplanned, ...
    text: str
    sources: tuple[str, ...]  # ids in sources.toml


@dataclass(frozen=True, slots=True)
class Missing:
    """An entry whose proof is still to find: no paper named, or nowhere it is kept."""

    entry: Entry
    needs: str


@dataclass
class Against:
    """The record against the plan for one period."""

    name: str
    period: Period
    record: Record
    entries: list[Entry]  # those in the period
    rows: list[Row]
    unplanned: list[Entry]
    planned_total: int
    money_in: int
    money_out: int
    council_in: int
    contribution_in: int
    balance: int  # at the period's end, from every entry up to then
    dp_weekly: int | None  # the direct payment a week, in pence, from the plan
    weeks_held: Decimal | None
    findings: list[Finding] = field(default_factory=list)
    missing: list[Missing] = field(default_factory=list)
    hours_worked_out: bool = False  # a finding uses hours worked out from pay
    # The bank's own balance at the end of the last day in the period a statement gave one
    # for, and the record's at that day: None when no statement brought in gave balances.
    bank: Bank | None = None
    months: list[Month] = field(default_factory=list)  # own contribution, month by month


@dataclass(frozen=True, slots=True)
class Month:
    """The person's own contribution in one calendar month: expected and paid in."""

    start: date  # the month's first day, counted from the direct payment's first
    expected: int
    paid: int

    @property
    def short(self) -> int:
        return self.expected - self.paid

    @property
    def missed(self) -> bool:
        """Short by more than rounding, or than a weekly payment's months being uneven."""
        return self.short >= max(SHORT_BY, self.expected // 10)


def contribution_months(live: Any, entries: list[Entry], period: Period, first: date | None,
                        last: date) -> list[Month]:
    """Each whole month of the direct payment in the period (counted from its first payment,
    as the contribution is paid with it), up to `last`, with the own contribution expected
    in it (a twelfth of the year's) and paid in."""
    if live.get(PAYS_PART) != "yes" or not is_money(live.get(CONTRIBUTION)):
        return []
    monthly = _planned(money_per_year(live[CONTRIBUTION]), Decimal(1) / 12)
    anchor = first or period.start
    end = min(period.end, last)
    out: list[Month] = []
    for step in range(1200):
        month, after = add_months(anchor, step), add_months(anchor, step + 1)
        if after - timedelta(days=1) > end:
            break
        if month < period.start:
            continue
        paid = sum(e.pence for e in entries if e.what == "contribution"
                   and month <= e.day < after)
        out.append(Month(month, monthly, paid))
    return out


@dataclass(frozen=True, slots=True)
class Bank:
    day: date
    bank: int  # pence, as the bank's statement says
    recorded: int  # pence, from every entry of the record up to the end of that day

    @property
    def difference(self) -> int:
        return self.bank - self.recorded


def bank_balance(record: Record, period: Period) -> Bank | None:
    """The bank's closing balance for the period (journey.money.importing keeps each
    statement day's last balance), set beside the record's balance at that day."""
    known = []
    for name, value in record.rules.items():
        if not name.startswith(BALANCE_RULE) or type(value) is not int:
            continue  # a stored value may hold anything: not a balance, not used
        on = _day(name[len(BALANCE_RULE):])
        if on is not None and period.holds(on) and abs(value) <= MOST_PENCE:
            known.append((on, value))
    if not known:
        return None
    on, bank = max(known)
    return Bank(on, bank, sum(e.signed for e in record.entries if e.day <= on))


def support_of(entry: Entry, lines: list[CostLine],
               payees: dict[str, str | None]) -> CostLine | None:
    """The piece of costed support an entry pays for: the one it names, or the one its payee
    was matched to once (a rule the person confirmed)."""
    named = entry.support
    if not named and entry.who:
        from journey.money.statement import match

        confirmed = match(entry.who, payees)
        named = payees.get(confirmed) if confirmed else None
    if not named:
        return None
    wanted = normal(named)
    return next((line for line in lines if normal(line.what) == wanted), None)


def normal(text: str) -> str:
    """Text as compared: case and spacing do not matter."""
    return " ".join(text.casefold().split())


def _planned(per_year: Decimal, share: Decimal) -> int:
    return int((per_year * share * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def against(content: Content, words: MoneyWords, journey: Journey, period_kind: str = "all",
            *, start: date | None = None, end: date | None = None,
            today: date | None = None) -> Against:
    snap = snapshot(content, journey)
    live = snap.live
    record = read(journey, words)
    period = choose(period_kind, record, live, start=start, end=end, today=today)
    lines = snap.costing.lines
    # What the plan expects is counted from the first payment: nothing is planned before it.
    first = _day(live.get(DP_FIRST))
    paid_from = Period(max(period.start, first), period.end, period.kind) if first else period
    share = paid_from.share() if paid_from.start <= paid_from.end else Decimal(0)
    entries = [e for e in record.entries if period.holds(e.day)]
    spent: dict[int, int] = {}
    unplanned = []
    for entry in entries:
        if entry.direction != "out":
            continue
        line = support_of(entry, lines, record.payees)
        if line is None:
            unplanned.append(entry)
        else:
            spent[id(line)] = spent.get(id(line), 0) + entry.pence
    rows = []
    for line in lines:
        if line.funding not in BUDGETS and id(line) not in spent:
            continue
        planned = _planned(line.per_year, Decimal(1) if line.one_off else share)
        rows.append(Row(what=line.what, funding=line.funding_label, planned=planned,
                        spent=spent.get(id(line), 0), once=line.one_off))
    dp = live.get(DP_AMOUNT)
    dp_weekly = None
    if is_money(dp):
        weekly = (money_per_year(dp) * 100 / 52).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        dp_weekly = int(weekly) or None
    balance = sum(e.signed for e in record.entries if e.day <= period.end)
    weeks = (Decimal(balance) / dp_weekly).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP) \
        if dp_weekly else None
    found = Against(
        name=snap.name or content.message("someone"), period=period, record=record,
        entries=entries, rows=rows, unplanned=unplanned,
        planned_total=sum(r.planned for r in rows),
        money_in=sum(e.pence for e in entries if e.direction == "in"),
        money_out=sum(e.pence for e in entries if e.direction == "out"),
        council_in=sum(e.pence for e in entries if e.what == "council"),
        contribution_in=sum(e.pence for e in entries if e.what == "contribution"),
        balance=balance, dp_weekly=dp_weekly, weeks_held=weeks)
    found.missing = missing(words, entries)
    found.bank = bank_balance(record, period)
    latest = max([today or date.today(), *(e.day for e in record.entries[-1:])])
    found.months = contribution_months(live, entries, period, first, latest)
    found.findings = findings(content, words, found, lines, live, share)
    return found


def missing(words: MoneyWords, entries: list[Entry]) -> list[Missing]:
    found = []
    for entry in entries:
        kind = words.kind(entry.what)
        assert kind is not None
        if not entry.evidence:
            usual = words.paper(kind.evidence)
            found.append(Missing(entry, words.say(
                "evidence_need_paper", usual=(usual.label if usual else "receipt").lower())))
        elif not entry.kept_where:
            paper = words.paper(entry.evidence)
            found.append(Missing(entry, words.say(
                "evidence_need_place", paper=(paper.label if paper else "proof").lower())))
    return found


def findings(content: Content, words: MoneyWords, found: Against, lines: list[CostLine],
             live: Any, share: Decimal) -> list[Finding]:
    say, sources = words.say, words.sources
    out: list[Finding] = []

    def add(kind: str, text: str, source_key: str | None = None) -> None:
        out.append(Finding(kind, text, sources[source_key or kind]))

    record = found.record
    bank = found.bank
    if bank is not None and bank.difference:
        add("bank", say("finding_bank", day=_shown(bank.day), bank=pounds(bank.bank),
                        recorded=pounds(bank.recorded), difference=pounds(abs(bank.difference)),
                        more=say("bank_more" if bank.difference > 0 else "bank_less")))
    if found.balance < 0:
        add("overspent", say("finding_overspent", amount=pounds(-found.balance)))
    elif found.weeks_held is not None and found.weeks_held > record.weeks_allowed:
        add("balance", say("finding_balance", amount=pounds(found.balance),
                           weeks=words.weeks(_number(found.weeks_held)),
                           allowed=words.weeks(record.weeks_allowed)))
    if live.get(PAYS_PART) == "yes" and is_money(live.get(CONTRIBUTION)):
        expected = _planned(money_per_year(live[CONTRIBUTION]), share)
        if expected - found.contribution_in >= SHORT_BY:
            add("contribution", say("finding_contribution",
                                    paid=pounds(found.contribution_in),
                                    expected=pounds(expected),
                                    short=pounds(expected - found.contribution_in)))
    for month in found.months:
        if month.missed:
            add("contribution_month", say("finding_contribution_month",
                                          month=_shown(month.start),
                                          paid=pounds(month.paid),
                                          expected=pounds(month.expected)), "contribution")
    margin = words.hours_margin
    for line in lines:
        if line.hourly is None or line.provider not in HOURLY_PEOPLE:
            continue
        pay = [e for e in found.entries if e.what == "pay"
               and support_of(e, lines, record.payees) is line]
        if not pay:
            continue
        for day in sorted({e.day for e in pay}):
            floor = content.pay_floor(day)
            if floor is not None and line.hourly < floor.hourly:
                add("low_pay", say("finding_low_pay", support=line.what,
                                   hourly=_pounds(line.hourly), floor_name=floor.name,
                                   floor=_pounds(floor.hourly),
                                   starts=_shown(floor.starts)))
                break
        planned_hours = _hours_planned(line, share)
        paid = sum(e.pence for e in pay)
        hours = (Decimal(paid) / (line.hourly * 100)).quantize(Decimal("0.1"))
        if planned_hours <= 0:
            continue
        over = hours > planned_hours * (1 + margin)
        under = hours < planned_hours * (1 - margin)
        if over or under:
            add("hours", say("finding_hours_over" if over else "finding_hours_under",
                             support=line.what, paid=pounds(paid), hours=_number(hours),
                             hourly=_pounds(line.hourly), planned=_number(planned_hours)))
            found.hours_worked_out = True
    if found.unplanned:
        whats = "; ".join(f"{e.who or words.kind(e.what).label} ({pounds(e.pence)})"  # type: ignore[union-attr]
                          for e in found.unplanned)
        add("unplanned", say("finding_unplanned",
                             amount=pounds(sum(e.pence for e in found.unplanned)), what=whats))
    if found.missing:
        add("evidence", say("finding_evidence", entries=words.entries(len(found.missing))))
    return out


def _hours_planned(line: CostLine, share: Decimal) -> Decimal:
    """The hours the plan has for a piece of support paid by the hour, in the period."""
    if not line.hourly:
        return Decimal(0)
    per_year = line.per_year / line.hourly
    return (per_year * (Decimal(1) if line.one_off else share)).quantize(Decimal("0.1"))


def _number(value: Decimal) -> str:
    """A number as people say it: 8, or 8.5."""
    return f"{value:,.0f}" if value == value.to_integral_value() else f"{value:,.1f}"


def _pounds(amount: Decimal) -> str:
    return f"£{amount:,.2f}"


def _shown(day: date) -> str:
    return f"{day.day} {day:%B %Y}"
