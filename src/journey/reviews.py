"""Review dates, counted from the day the plan is agreed (Care Act 2014 s27; statutory
guidance: a light-touch review 6 to 8 weeks after a new plan starts, then at least every 12
months; Direct Payments Regulations 2014: a direct payment reviewed within the first 6 months)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from pydantic import BaseModel

from journey.model import Journey

AGREED_QUESTION = "happen.agreed"
# Ways of holding money that mean a direct payment is paid.
DIRECT_PAYMENT = {"direct-payment", "mix"}
MANAGED_QUESTIONS = ("personal-budget.managed", "health-budget.held")


class Review(BaseModel):
    kind: str  # names the message that describes it: review_<kind>
    earliest: date | None = None
    latest: date


def add_months(day: date, months: int) -> date:
    """The same day some months on; the month's last day when that month is shorter."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def uses_direct_payment(journey: Journey) -> bool:
    return any(journey.value(q) in DIRECT_PAYMENT for q in MANAGED_QUESTIONS)


def agreed_on(journey: Journey) -> date | None:
    value = journey.value(AGREED_QUESTION)
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def reviews(journey: Journey) -> list[Review]:
    """The reviews due, in date order; none until the plan has been agreed."""
    agreed = agreed_on(journey)
    if agreed is None:
        return []
    due = [Review(kind="light", earliest=agreed + timedelta(weeks=6),
                  latest=agreed + timedelta(weeks=8))]
    if uses_direct_payment(journey):
        due.append(Review(kind="direct_payment", latest=add_months(agreed, 6)))
    due.append(Review(kind="yearly", latest=add_months(agreed, 12)))
    return due
