"""The money, set out so a reader can check it: the personal budget and its period, what the
person pays towards it, what the council pays, the direct payment and how often, whether
they agree, what a personal assistant costs beyond their pay, and any pay by the hour below
the pay floor in content (the National Living Wage).

Every figure is worked out for a year first, and a week is the year divided by 52 to the
nearest penny (journey.plan.costing), so weekly and yearly figures always agree."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from journey.core import answers as parse
from journey.core.answers import Funding, Provider
from journey.plan.costing import period_label, weekly
from journey.plan.parts.reviews import a_date, uses_direct_payment
from journey.plan.snapshot import Snapshot

KEY = "money"
BUDGET = "personal-budget.amount"
AGREED = "personal-budget.agreed"
PAYS_PART = "personal-budget.pay-part"
CONTRIBUTION = "planning.contribution"
MANAGED = "personal-budget.managed"
DIRECT_PAYMENT = "personal-budget.dp-amount"
PA_COSTS = "planning.pa-costs"
EMPLOYS = ("personal-budget.employ-pa", "options.employ")  # "yes": someone is to be employed
DATED_BY = ("happen.start", "happen.agreed")  # the day whose pay floor applies
NAMED_PEOPLE = {Provider.PA.value, Provider.FAMILY.value}  # paid by the hour, by name
# The money a direct payment can come from. Help paid with other money (someone else's own
# budget, a grant) has its employer elsewhere; the person's own money and free help employ
# no one through the plan.
BUDGETS = {Funding.PERSONAL_BUDGET, Funding.HEALTH_BUDGET}
# Figures set against each other agree when within this much a year: amounts given for
# different periods (a month, four weeks) can differ by pennies once turned into a year.
SAME = Decimal("1.00")


@dataclass(slots=True)
class Figure:
    """An amount of money as given, and by the week and by the year."""

    amount: Decimal
    period_label: str
    per_week: Decimal
    per_year: Decimal


@dataclass(slots=True)
class LowPay:
    """Someone paid by the hour below the pay floor in force."""

    what: str
    hourly: Decimal
    floor_name: str
    floor: Decimal
    starts: date


@dataclass(slots=True)
class Money:
    """The money set out so a reader can check it."""

    budget: Figure | None = None
    budget_agreed: bool = False
    contribution: Figure | None = None
    contribution_unknown: bool = False  # they pay part, and how much is not known yet
    council_pays: Figure | None = None
    direct_payment: Figure | None = None
    direct_payment_matches: bool | None = None  # None: nothing to set it against
    pa_costs_in: list[str] = field(default_factory=list)
    pa_costs_missing: list[str] = field(default_factory=list)
    low_pay: list[LowPay] = field(default_factory=list)
    # Someone is to be employed: what that costs beyond their pay, and the employer's duties,
    # each with its figures' day and its source (content's employer_costs).
    employs: bool = False
    employer: list[str] = field(default_factory=list)
    # What the support paid from the personal budget costs in a year, to set the direct
    # payment against.
    budget_costs: Decimal | None = None
    method: str = ""
    lines: list[str] = field(default_factory=list)  # all of the above as sentences, for any format


def both(say: Any, fig: Figure, period: str) -> str:
    """The figure in the periods it was not given in: a week's figure by the year, a year's
    by the week, any other by both."""
    weekly_, yearly_ = parse.pounds(fig.per_week), parse.pounds(fig.per_year)
    if period == "week":
        return say("money_in_year", yearly=yearly_)
    if period == "year":
        return say("money_in_week", weekly=weekly_)
    return say("money_in_both", weekly=weekly_, yearly=yearly_)


def figure(content: Any, value: Any) -> Figure | None:
    if not parse.is_money(value):
        return None
    per_year = parse.per_year(value)
    return Figure(amount=Decimal(value["amount"]), period_label=period_label(
        content, value["period"]), per_week=weekly(per_year), per_year=per_year)


def yearly(per_year: Decimal) -> Figure:
    return Figure(amount=per_year, period_label="", per_week=weekly(per_year),
                  per_year=per_year)


def low_pay(snap: Snapshot) -> list[LowPay]:
    """Named people (a personal assistant, a friend or relative) paid by the hour below the
    pay floor in force on the plan's start date (or the day it was agreed, or the latest)."""
    day = next((d for q in DATED_BY if (d := a_date(snap.live, q))), None)
    floor = snap.content.pay_floor(day)
    if floor is None:
        return []
    return [LowPay(what=line.what, hourly=line.hourly, floor_name=floor.name,
                   floor=floor.hourly, starts=floor.starts)
            for line in snap.costing.lines
            if line.provider in NAMED_PEOPLE and line.funding != Funding.FREE
            and line.hourly is not None and line.hourly < floor.hourly]


def derive(snap: Snapshot) -> Money:
    content, live = snap.content, snap.live
    say = content.message
    pounds = parse.pounds
    name = snap.name or say("someone")
    money = Money(method=say("money_method"))
    lines = money.lines
    if budget := figure(content, live.get(BUDGET)):
        money.budget, money.budget_agreed = budget, live.get(AGREED) == "yes"
        lines.append(say("money_budget", amount=pounds(budget.amount),
                         period=budget.period_label,
                         both=both(say, budget, live[BUDGET]["period"]),
                         state=say("money_agreed" if money.budget_agreed else "money_rough")))
    if live.get(PAYS_PART) == "yes":
        money.contribution = figure(content, live.get(CONTRIBUTION))
        money.contribution_unknown = money.contribution is None
    if paid := money.contribution:
        lines.append(say("money_contribution", name=name, amount=pounds(paid.amount),
                         period=paid.period_label,
                         both=both(say, paid, live[CONTRIBUTION]["period"])))
    elif money.contribution_unknown:
        lines.append(say("money_contribution_unknown", name=name))
    if budget and money.contribution:
        money.council_pays = yearly(budget.per_year - money.contribution.per_year)
        lines.append(say("money_council_pays", weekly=pounds(money.council_pays.per_week),
                         yearly=pounds(money.council_pays.per_year)))
    if dp := figure(content, live.get(DIRECT_PAYMENT)):
        money.direct_payment = dp
        lines.append(say("money_direct_payment", amount=pounds(dp.amount),
                         period=dp.period_label,
                         both=both(say, dp, live[DIRECT_PAYMENT]["period"])))
        if budget:
            money.direct_payment_matches = matches(dp, budget, money, live.get(MANAGED))
            lines.append(say("money_dp_matches" if money.direct_payment_matches
                             else "money_dp_differs", yearly=pounds(budget.per_year)))
    chosen = live.get(PA_COSTS)
    if isinstance(chosen, list):
        question = content.question(PA_COSTS)
        everything = [c.value for c in question.choices if c.value != "none"]
        money.pa_costs_in = [question.choice_label(v, name) for v in everything if v in chosen]
        due = not_due(snap)
        money.pa_costs_missing = [question.choice_label(v, name) for v in everything
                                  if v not in chosen and v not in due]
        if money.pa_costs_in:
            lines.append(say("money_pa_costs_in", costs="; ".join(money.pa_costs_in).lower()))
        if money.pa_costs_missing:
            lines.append(say("money_pa_costs_missing",
                             costs="; ".join(money.pa_costs_missing).lower()))
    money.employs = employs(snap)
    if money.employs:
        money.employer = employer_lines(snap)
        lines += money.employer
    if money.direct_payment and any(line.funding == Funding.PERSONAL_BUDGET
                                    for line in snap.costing.lines):
        money.budget_costs = sum((line.per_year for line in snap.costing.lines
                                  if line.funding == Funding.PERSONAL_BUDGET), Decimal("0.00"))
    money.low_pay = low_pay(snap)
    for low in money.low_pay:
        lines.append(say("money_low_pay", what=low.what, hourly=pounds(low.hourly),
                         floor_name=low.floor_name, floor=pounds(low.floor),
                         starts=parse.show_date(low.starts.isoformat())))
    if lines or snap.costing.lines:
        lines.append(money.method)
    return money


def employs(snap: Snapshot) -> bool:
    """Someone is to be employed with the budget: the person said so, or a direct payment
    pays a personal assistant, or a friend or relative, by name (who is then its employee,
    whoever they are)."""
    if any(snap.live.get(q) == "yes" for q in EMPLOYS):
        return True
    return uses_direct_payment(snap.live) and any(
        line.provider in NAMED_PEOPLE and line.funding in BUDGETS for line in snap.costing.lines)


def not_due(snap: Snapshot) -> set[str]:
    """Costs beyond pay that are due only above some pay a year (content's employer_costs),
    when no one paid by the hour from a budget is paid that much."""
    paid = [line.per_year for line in snap.costing.lines
            if line.provider in NAMED_PEOPLE and line.funding in BUDGETS]
    top = max(paid, default=Decimal("0"))
    return {c.id for c in snap.content.employer_costs
            if c.yearly_over is not None and top <= c.yearly_over}


def employer_lines(snap: Snapshot) -> list[str]:
    content = snap.content
    # Costs already said to be in the plan are in its costed support, and those not due at
    # the pay planned do not apply yet: neither is listed.
    chosen = snap.live.get(PA_COSTS)
    left_out = (set(chosen) if isinstance(chosen, list) else set()) | not_due(snap)
    lines = []
    for cost in content.employer_costs:
        if cost.id in left_out:
            continue
        cited = [content.source(s) for s in cost.sources]
        source = "; ".join(s.title for s in cited)
        if cost.since:
            lines.append(content.message("money_employer_dated", says=cost.says,
                                         since=parse.show_date(cost.since.isoformat()),
                                         source=source))
        else:
            lines.append(content.message("money_employer", says=cost.says, source=source))
    return lines


def matches(dp: Figure, budget: Figure, money: Money, managed: Any) -> bool:
    """A direct payment for the whole budget is the budget, or the budget less what the
    person pays; with a mix of ways, it is a part of the budget."""
    if managed == "mix":
        return dp.per_year <= budget.per_year + SAME
    targets = [budget.per_year]
    if money.council_pays:
        targets.append(money.council_pays.per_year)
    return any(abs(dp.per_year - t) <= SAME for t in targets)
