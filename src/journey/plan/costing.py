"""The costed support: each item priced per week and per year, and the totals for each kind
of money set against the budgets. Pure functions over the answers; exact to the penny.

Totals are added up by the year, where every item's cost is exact, and shown by the week
rounded to the penny, so a weekly total may differ by a penny from its rounded parts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from journey.content import Journey as Content
from journey.core import answers as parse
from journey.core.answers import Funding, Per, Period

COSTS_QUESTION = "planning.costs"
# The budget each kind of money is set against, by the question that gives its amount.
BUDGET_QUESTIONS = {
    Funding.PERSONAL_BUDGET: "personal-budget.amount",
    Funding.HEALTH_BUDGET: "health-budget.amount",
}
AGREED_QUESTION = "personal-budget.agreed"
HEALTH_BUDGET_STEP = "health-budget"
WEEKS = 52


def fundings(content: Content, live: Mapping[str, Any], keep: str = "") -> list[Funding]:
    """The money that can pay for a piece of support, given the answers that count (`live`).
    A health budget is not offered once its step is not needed (none of its routes apply),
    unless `keep` (an item's own funding, saved before) names it."""
    not_needed = content.step(HEALTH_BUDGET_STEP).not_needed(live)
    return [f for f in Funding
            if f is not Funding.HEALTH_BUDGET or not not_needed or f.value == keep]


def weekly(per_year: Decimal) -> Decimal:
    return (per_year / WEEKS).quantize(parse.PENNY, rounding=ROUND_HALF_UP)


@dataclass(slots=True)
class CostLine:
    """One costed piece of support, by the week and by the year."""

    what: str
    helps: str
    provider: str
    provider_label: str
    how_often: str
    unit_cost: str
    funding: str
    funding_label: str
    per_period: Decimal
    period_label: str
    per_week: Decimal
    per_year: Decimal
    # the needs and outcomes it meets, from the person's own list
    serves: list[str] = field(default_factory=list)
    hourly: Decimal | None = None  # the price of an hour, when it is paid by the hour
    one_off: bool = False  # bought once: its weekly figure is that cost spread over a year


@dataclass(slots=True)
class Budget:
    """A budget the support is set against: what was said, and both periods."""

    funding: str
    label: str
    amount: Decimal
    period_label: str
    agreed: bool
    per_week: Decimal
    per_year: Decimal
    period: str = ""  # as said: "week", "year", ...


@dataclass(slots=True)
class FundingTotal:
    """What one kind of money pays for, against its budget when it has one."""

    funding: str
    label: str
    per_week: Decimal
    per_year: Decimal
    budget: Budget | None = None
    # What is left of the budget by the year and by the week; below nothing means over.
    left_per_year: Decimal | None = None
    left_per_week: Decimal | None = None

    @property
    def over(self) -> bool:
        return self.left_per_year is not None and self.left_per_year < 0


@dataclass(slots=True)
class Costing:
    """The costed support, the totals for each kind of money, and the budgets."""

    lines: list[CostLine]
    notes: list[str]  # lines typed before support was costed item by item
    totals: list[FundingTotal]
    total_per_week: Decimal
    total_per_year: Decimal
    budgets: list[Budget]


def period_label(content: Content, period: str) -> str:
    return content.message("period_" + period.replace("-", "_"))


def how_often(content: Content, item: dict[str, str]) -> str:
    times = int(item["times"])
    if item["period"] == Period.ONCE:
        shown = content.message("item_one_off" if times == 1 else "item_one_off_times",
                                times=times)
    else:
        shown = content.message("item_once" if times == 1 else "item_times", times=times,
                                period=period_label(content, item["period"]))
    if item["hours"]:
        hours = item["hours"]
        shown += content.message("item_hour" if hours == "1" else "item_hours", hours=hours)
    return shown


def cost_line(content: Content, item: dict[str, Any]) -> CostLine:
    per_year = parse.item_per_year(item)
    per = Per(item["per"])
    return CostLine(
        what=item["what"],
        helps=item["helps"],
        provider=item["provider"],
        provider_label=content.message("provider_" + item["provider"]),
        how_often=how_often(content, item),
        unit_cost=content.message("per_" + per.value, amount=parse.pounds(Decimal(item["cost"]))),
        funding=item["funding"],
        funding_label=content.message("funding_" + item["funding"].replace("-", "_")),
        per_period=parse.cost_per_period(item),
        period_label=period_label(content, item["period"]),
        per_week=weekly(per_year),
        per_year=per_year,
        serves=list(item.get("serves", [])),
        hourly=Decimal(item["cost"]) if per is Per.HOUR else None,
        one_off=item["period"] == Period.ONCE,
    )


def budgets(content: Content, live: Mapping[str, Any]) -> list[Budget]:
    """The budgets whose amounts are known, from the answers that count (journey.core.live)."""
    found = []
    for funding, question_id in BUDGET_QUESTIONS.items():
        value = live.get(question_id)
        if not parse.is_money(value):
            continue
        per_year = parse.per_year(value)
        found.append(Budget(
            funding=funding.value,
            label=content.message("funding_" + funding.value.replace("-", "_")),
            amount=Decimal(value["amount"]),
            period_label=period_label(content, value["period"]),
            agreed=funding is Funding.PERSONAL_BUDGET and live.get(AGREED_QUESTION) == "yes",
            per_week=weekly(per_year),
            per_year=per_year,
            period=value["period"],
        ))
    return found


def saved_items(live: Mapping[str, Any]) -> list[Any]:
    value = live.get(COSTS_QUESTION)
    return value if isinstance(value, list) else []


def cost(content: Content, live: Mapping[str, Any]) -> Costing:
    """The whole plan's costed support, from the answers that count."""
    return cost_items(content, saved_items(live), budgets(content, live))


def cost_items(content: Content, saved: list[Any], known: list[Budget]) -> Costing:
    """Items costed against budgets: for the whole plan, or a list still being made."""
    items = [cost_line(content, v) for v in saved if parse.is_support_item(v)]
    notes = [v for v in saved if isinstance(v, str)]
    by_funding = {b.funding: b for b in known}
    totals = []
    for funding in Funding:
        spent = sum((i.per_year for i in items if i.funding == funding), Decimal("0.00"))
        budget = by_funding.get(funding.value)
        if not budget and not any(i.funding == funding for i in items):
            continue
        left = budget.per_year - spent if budget else None
        totals.append(FundingTotal(
            funding=funding.value,
            label=content.message("funding_" + funding.value.replace("-", "_")),
            per_week=weekly(spent),
            per_year=spent,
            budget=budget,
            left_per_year=left,
            left_per_week=None if left is None else weekly(left),
        ))
    total = sum((i.per_year for i in items), Decimal("0.00"))
    return Costing(lines=items, notes=notes, totals=totals, total_per_week=weekly(total),
                   total_per_year=total, budgets=known)

